package check

import (
	"fmt"
	"strings"

	"github.com/leadlex/leadlex/results"
)

// require checks that the document touches at least one of the required
// dimensions with enough weighted hits on the required pole.
func (c *Checker) require(q Require, r *results.Result) (Finding, bool) {
	lex := c.an.Lexicon()
	var total float64
	var figures, hints []string
	for _, name := range q.AnyOf {
		var hits float64
		for _, d := range r.Dimensions {
			if d.Name != name {
				continue
			}
			switch q.Pole {
			case "leadership":
				hits = d.Leadership
			case "management":
				hits = d.Management
			default:
				hits = d.Leadership + d.Management
			}
		}
		total += hits
		figures = append(figures, fmt.Sprintf("%s %s", name, number(hits, 1)))
		dim, _ := lex.Dimension(name)
		hint := dim.Leadership
		if q.Pole == "management" {
			hint = dim.Management
		}
		if hint != "" {
			hints = append(hints, name+": "+hint)
		}
	}
	if total >= q.MinHits {
		return Finding{}, false
	}
	msg := q.Message
	if msg == "" {
		msg = fmt.Sprintf("says too little about %s", strings.Join(q.AnyOf, " or "))
	}
	msg = strings.TrimRight(msg, ".") + fmt.Sprintf(" (%s hits: %s; the policy asks for at least %s)",
		poleWords(q.Pole), strings.Join(figures, ", "), number(q.MinHits, 1))
	return Finding{
		Rule:       q.ID,
		Severity:   q.Severity,
		Message:    msg,
		Suggestion: strings.Join(hints, "; "),
	}, true
}
