package check

import (
	"strings"

	"github.com/leadlex/leadlex/pipeline"
)

// spanFinding is a finding about a span of the analysed text, before its
// byte offsets are turned into a place in the file.
type spanFinding struct {
	Finding
	start, end int // byte offsets in the analysed text
}

// placeAt sets the finding's start and end positions.
func (f *spanFinding) placeAt(start, end Position) {
	f.Line, f.Column, f.EndLine, f.EndColumn = start.Line, start.Column, end.Line, end.Column
}

// flagFindings finds the active flagged terms in text. A flagged term that
// is negated ("we never micromanage", "no strict supervision") is not
// flagged: the text is saying the right thing.
func (c *Checker) flagFindings(sc *pipeline.Scorer, active []Flag, text string) []spanFinding {
	byID := make(map[string]*Flag, len(active))
	for i := range active {
		byID[active[i].ID] = &active[i]
	}
	var out []spanFinding
	for _, h := range sc.Analyze(text).Hits {
		f, ok := byID[c.flagID[h.Entry]]
		if !ok || h.Negated {
			continue
		}
		match := text[h.Start:h.End]
		out = append(out, spanFinding{
			Finding: Finding{
				Rule:       f.ID,
				Severity:   f.Severity,
				Message:    flagMessage(f, match),
				Match:      match,
				Suggestion: strings.Join(f.Suggest, " or "),
			},
			start: h.Start, end: h.End,
		})
	}
	return out
}

// flagMessage is the flag's message with {match} and {term} filled in, or
// a default naming the match.
func flagMessage(f *Flag, match string) string {
	if f.Message == "" {
		if strings.EqualFold(match, f.Term) || strings.HasSuffix(f.Term, "*") {
			return "“" + match + "” is a flagged term"
		}
		return "“" + match + "” is flagged (as “" + f.Term + "”)"
	}
	return strings.NewReplacer("{match}", match, "{term}", f.Term).Replace(f.Message)
}
