package check

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Tool names the program that made a report.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
}

// Report is what a check run found, as the output formats see it.
type Report struct {
	Tool     Tool
	Rules    []RuleInfo // every rule of the policy, for SARIF's rule list
	Files    int        // documents checked
	Findings []Finding  // in file order, then by position
}

// Count tallies the report's findings by severity.
func (r *Report) Count() Count {
	var c Count
	for i := range r.Findings {
		c.Add(&r.Findings[i])
	}
	return c
}

// Formats lists the output formats Write knows, the default first.
var Formats = []string{"text", "json", "github", "sarif", "codequality"}

// WriteOptions tune the output formats.
type WriteOptions struct {
	Color bool // text: colour with ANSI escapes
	// Root is the folder that github, sarif and codequality paths are
	// relative to (the repository root); empty: paths as reached.
	Root string
}

// Write writes the report in the named format.
func Write(w io.Writer, format string, r *Report, opt WriteOptions) error {
	switch format {
	case "text":
		return WriteText(w, r, opt.Color)
	case "json":
		return WriteJSON(w, r)
	case "github":
		return WriteGitHub(w, r.RelativeTo(opt.Root))
	case "sarif":
		return WriteSARIF(w, r.RelativeTo(opt.Root))
	case "codequality":
		return WriteCodeQuality(w, r.RelativeTo(opt.Root))
	}
	return fmt.Errorf("unknown format %q; want %s", format, strings.Join(Formats, ", "))
}

// RelativeTo returns a copy of the report whose finding paths are relative
// to root, with forward slashes; paths outside root stay as they were. An
// empty root returns r itself.
func (r *Report) RelativeTo(root string) *Report {
	if root == "" {
		return r
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return r
	}
	out := *r
	out.Findings = slices.Clone(r.Findings)
	for i := range out.Findings {
		f := &out.Findings[i]
		abs, err := filepath.Abs(filepath.FromSlash(f.File))
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(absRoot, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		f.File = filepath.ToSlash(rel)
	}
	return &out
}

// ValidFormat reports whether Write knows the format.
func ValidFormat(format string) bool { return slices.Contains(Formats, format) }

// where is the finding's message prefixed with its record, when the file
// holds several documents.
func (f *Finding) where(msg string) string {
	if f.Document == "" {
		return msg
	}
	return "in " + f.Document + ": " + msg
}
