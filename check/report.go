package check

import (
	"fmt"
	"io"
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
var Formats = []string{"text", "json", "github", "sarif"}

// WriteOptions tune the output formats.
type WriteOptions struct {
	Color bool // text: colour with ANSI escapes
}

// Write writes the report in the named format.
func Write(w io.Writer, format string, r *Report, opt WriteOptions) error {
	switch format {
	case "text":
		return WriteText(w, r, opt.Color)
	case "json":
		return WriteJSON(w, r)
	case "github":
		return WriteGitHub(w, r)
	case "sarif":
		return WriteSARIF(w, r)
	}
	return fmt.Errorf("unknown format %q; want %s", format, strings.Join(Formats, ", "))
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
