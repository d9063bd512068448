package explain

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/leadlex/leadlex/internal/printable"
	"github.com/leadlex/leadlex/lexicon"
)

// ANSI escapes for highlights: leadership blue, management yellow (a pair
// that colour-blind readers tell apart), negated hits dim and struck through.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiLead    = "\x1b[1;34m"
	ansiMgmt    = "\x1b[1;33m"
	ansiNegated = "\x1b[2;9m"
	ansiDim     = "\x1b[2m"
	ansiNeutral = "\x1b[4m"
)

// Legend explains the plain-text markers.
const Legend = "[L:…] leadership   [M:…] management   [~L:…] [~M:…] negated, not counted   [N:…] neutral, not counted   {kind: …} boilerplate, not counted"

// WriteText writes each document: a heading, its text with the hits
// marked, the per-dimension table and the figures. Control characters in
// names and text are escaped (printable), line breaks in the text kept. With color the hits are
// coloured by pole instead of bracketed.
func WriteText(w io.Writer, docs []*Document, color bool) error {
	bw := bufio.NewWriter(w)
	for i, d := range docs {
		if i > 0 {
			bw.WriteString("\n")
		}
		title := printable.Line(d.ID)
		if color {
			title = ansiBold + title + ansiReset
		}
		fmt.Fprintf(bw, "== %s ==\n", title)
		if color {
			fmt.Fprintf(bw, "%sleadership%s   %smanagement%s   %snegated, not counted%s   %sneutral, not counted%s   %s{kind: boilerplate, not counted}%s\n\n",
				ansiLead, ansiReset, ansiMgmt, ansiReset, ansiNegated, ansiReset, ansiNeutral, ansiReset, ansiDim, ansiReset)
		} else {
			fmt.Fprintf(bw, "%s\n\n", Legend)
		}
		section := ""
		for _, s := range d.Spans {
			if s.Section != section {
				bw.WriteString(sectionChange(section, s.Section, color))
				section = s.Section
			}
			bw.WriteString(mark(s, color))
		}
		if section != "" {
			bw.WriteString(sectionChange(section, "", color))
		}
		if n := len(d.Spans); n == 0 || !strings.HasSuffix(d.Spans[n-1].Text, "\n") {
			bw.WriteString("\n")
		}
		bw.WriteString("\n")
		writeTable(bw, d)
		fmt.Fprintf(bw, "\n%s\n", d.Figures())
	}
	return bw.Flush()
}

// sectionChange closes the boilerplate stretch from and opens the one to:
// "{benefits: " … "}" in plain text, dim in colour.
func sectionChange(from, to string, color bool) string {
	var b strings.Builder
	if from != "" {
		if color {
			b.WriteString(ansiReset)
		} else {
			b.WriteString("}")
		}
	}
	if to != "" {
		if color {
			b.WriteString(ansiDim + "{" + to + "} ")
		} else {
			b.WriteString("{" + to + ": ")
		}
	}
	return b.String()
}

// mark renders one span: plain text as it is, a hit with its marker or
// colour; a hit in boilerplate keeps its marker but, in colour, stays dim.
func mark(s Span, color bool) string {
	if s.Hit == nil {
		return printable.Text(s.Text)
	}
	if color && s.Section != "" {
		return s.Text
	}
	if s.Hit.Neutral {
		if color {
			return ansiNeutral + s.Text + ansiReset
		}
		return "[N:" + s.Text + "]"
	}
	p := "L"
	esc := ansiLead
	if s.Hit.Pole == lexicon.Management {
		p, esc = "M", ansiMgmt
	}
	if color {
		if s.Hit.Negated {
			esc = ansiNegated
		}
		return esc + printable.Text(s.Text) + ansiReset
	}
	if s.Hit.Negated {
		p = "~" + p
	}
	return "[" + p + ":" + printable.Text(s.Text) + "]"
}

// writeTable writes the per-dimension hits and the entries behind them.
func writeTable(w io.Writer, d *Document) {
	width := len("dimension")
	for _, dim := range d.Dimensions {
		width = max(width, len(dim.Name))
	}
	fmt.Fprintf(w, "%-*s  %10s  %10s\n", width, "dimension", "leadership", "management")
	var lead, mgmt float64
	for _, dim := range d.Dimensions {
		fmt.Fprintf(w, "%-*s  %10.1f  %10.1f\n", width, dim.Name, dim.Leadership, dim.Management)
		lead += dim.Leadership
		mgmt += dim.Management
	}
	fmt.Fprintf(w, "%-*s  %10.1f  %10.1f\n", width, "total", lead, mgmt)
	any := false
	for _, dim := range d.Dimensions {
		if len(dim.LeadershipTerms)+len(dim.MgmtTerms) == 0 {
			continue
		}
		if !any {
			fmt.Fprintln(w, "\nentries hit")
			any = true
		}
		if len(dim.LeadershipTerms) > 0 {
			fmt.Fprintf(w, "  %s, leadership: %s\n", dim.Name, termList(dim.LeadershipTerms))
		}
		if len(dim.MgmtTerms) > 0 {
			fmt.Fprintf(w, "  %s, management: %s\n", dim.Name, termList(dim.MgmtTerms))
		}
	}
}
