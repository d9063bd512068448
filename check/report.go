package check

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leadlex/leadlex/corpus"
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

// NewReport gathers a check run's documents into a report for tool: the
// findings of every document that was checked, in order, and the rules of
// the policy. It also returns the documents that could not be read.
func NewReport(tool Tool, p *Policy, docs []Document) (rep *Report, unreadable []Document) {
	rep = &Report{Tool: tool, Rules: p.RuleInfos()}
	for _, d := range docs {
		switch d.Status {
		case corpus.OK:
			rep.Files++
			rep.Findings = append(rep.Findings, d.Findings...)
		case corpus.Failed:
			unreadable = append(unreadable, d)
		}
	}
	return rep, unreadable
}

// SubtractBaseline removes the findings b knows from the report and returns
// the note for the end of the summary line: how many known findings are
// not shown, and how many baseline entries were not seen (fixed, or in
// files not checked this time).
func (r *Report) SubtractBaseline(b *Baseline) string {
	var known int
	r.Findings, known = b.Filter(r.Findings)
	note := fmt.Sprintf(" (new since the baseline; %d known findings not shown", known)
	if gone := len(b.Findings) - known; gone > 0 {
		note += fmt.Sprintf(", %d baseline entries not seen: fixed or not checked", gone)
	}
	return note + ")"
}
