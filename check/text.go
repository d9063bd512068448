package check

import (
	"bufio"
	"fmt"
	"io"

	"github.com/leadlex/leadlex/internal/printable"
)

// ANSI escapes for the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

// WriteText writes one line per finding, as compilers do (control
// characters in names and messages escaped, so that each is one line):
//
//	file:line:col: severity: message [rule]
//
// with the suggestion after the message. With color, the place is bold,
// the severity coloured (error red, warning yellow, info blue) and the
// rule dim.
func WriteText(w io.Writer, r *Report, color bool) error {
	bw := bufio.NewWriter(w)
	for i := range r.Findings {
		f := &r.Findings[i]
		place := fmt.Sprintf("%s:%d:%d:", printable.Line(f.File), f.Line, f.Column)
		sev := f.Severity.String() + ":"
		rule := "[" + printable.Line(f.Rule) + "]"
		if color {
			place = ansiBold + place + ansiReset
			sev = severityColors.of(f.Severity) + sev + ansiReset
			rule = ansiDim + rule + ansiReset
		}
		fmt.Fprintf(bw, "%s %s %s %s\n", place, sev, printable.Line(f.where(f.Summary())), rule)
	}
	return bw.Flush()
}

// severityColors colours the severities: error red, warning yellow, info blue.
var severityColors = severityScale{info: ansiBlue, warning: ansiYellow, error: ansiRed + ansiBold}

// SummaryLine reads "3 files checked: 2 errors, 1 warning, 0 infos".
func (r *Report) SummaryLine() string {
	c := r.Count()
	return fmt.Sprintf("%s checked: %s, %s, %s", plural(r.Files, "file"),
		plural(c.Errors, "error"), plural(c.Warnings, "warning"), plural(c.Infos, "info"))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
