// Package explain shows why a document scored as it did: its text with
// every lexicon hit marked by pole, a per-dimension table of hits, the
// balance, the label and its confidence, as plain or coloured text or as
// one self-contained HTML page.
package explain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// Document is one document explained.
type Document struct {
	Path       string          // the file, as given
	ID         string          // the document's id (path#N for records)
	Spans      []Span          // the text, cut into plain and matched spans, in order
	Result     *results.Result // the document's scores, as `leadlex score` writes them
	Dimensions []Dimension     // one per lexicon dimension, in lexicon order
}

// Span is a piece of the document's text; Hit is nil for text between hits.
// Section names the kind of boilerplate the span stands in (benefits,
// how_to_apply, …), whose words and hits do not count; "" is the role's
// own wording, which counts.
type Span struct {
	Text    string
	Hit     *Hit
	Section string
}

// Hit is what a matched span counts for, and where its entry came from.
type Hit struct {
	Term      string // the entry as written in the lexicon
	Dimension string
	Pole      lexicon.Pole
	Weight    float64
	Negated   bool   // a negator stands just before it: not counted
	Neutral   bool   // a neutral entry (a title, a department, benefits wording): uses up its words, counts for nothing
	Source    string // provenance: the source the entry was drawn from
	Phrase    string // provenance: the phrase in that source
	Note      string
}

// Dimension is one row of the per-dimension table: weighted hits per pole
// and the entries hit, most frequent first.
type Dimension struct {
	Name                       string
	Leadership, Management     float64
	LeadershipTerms, MgmtTerms []TermCount
}

// TermCount is how often an entry was hit (negated hits left out).
type TermCount struct {
	Term  string
	Count int
}

// Build analyses a document with the scorer and explains it. Documents
// that were not read (skipped or failed) are an error saying why.
func Build(sc *pipeline.Scorer, d corpus.Doc) (*Document, error) {
	a := sc.AnalyzeDoc(d) // extracts, reads a stream whole, closes d
	r := a.Result
	if r.Status != results.StatusOK {
		return nil, fmt.Errorf("%s: %s", d.Path, *r.Error)
	}
	lex := sc.Analyzer().Lexicon()
	text := a.Text

	out := &Document{Path: d.Path, ID: d.ID, Result: r}
	out.Spans = spans(text, a, lex, sc.Analyzer().CountAll)

	counts := map[string]map[lexicon.Pole]map[string]int{}
	for _, h := range a.Hits {
		if h.Negated || !h.Counts {
			continue
		}
		e := &lex.Entries[h.Entry]
		if counts[e.Dimension] == nil {
			counts[e.Dimension] = map[lexicon.Pole]map[string]int{lexicon.Leadership: {}, lexicon.Management: {}}
		}
		counts[e.Dimension][e.Pole][e.Term]++
	}
	for _, ds := range r.Dimensions {
		out.Dimensions = append(out.Dimensions, Dimension{
			Name: ds.Name, Leadership: ds.Leadership, Management: ds.Management,
			LeadershipTerms: sortedTerms(counts[ds.Name][lexicon.Leadership]),
			MgmtTerms:       sortedTerms(counts[ds.Name][lexicon.Management]),
		})
	}
	return out, nil
}

// spans cuts text into plain and matched spans, in order, each marked with
// the kind of boilerplate it stands in (none when all sections count).
func spans(text string, a *pipeline.Analysis, lex *lexicon.Lexicon, countAll bool) []Span {
	section := func(pos int) string { return "" }
	if !countAll {
		bp := a.Boilerplate
		section = func(pos int) string {
			i, _ := slices.BinarySearchFunc(bp, pos, func(b pipeline.Section, p int) int {
				if b.End <= p {
					return -1
				}
				return 1
			})
			if i < len(bp) && bp[i].Start <= pos && pos < bp[i].End {
				return bp[i].Kind.String()
			}
			return ""
		}
	}
	// Cut plain text where boilerplate starts or ends.
	var cuts []int
	if !countAll {
		for _, b := range a.Boilerplate {
			cuts = append(cuts, b.Start, b.End)
		}
	}
	var out []Span
	plain := func(from, to int) {
		for from < to {
			next := to
			for _, c := range cuts {
				if c > from && c < next {
					next = c
				}
			}
			sec := section(from)
			if n := len(out); n > 0 && out[n-1].Hit == nil && out[n-1].Section == sec {
				out[n-1].Text += text[from:next]
			} else {
				out = append(out, Span{Text: text[from:next], Section: sec})
			}
			from = next
		}
	}
	hits := slices.Concat(a.Hits, a.Neutral)
	slices.SortStableFunc(hits, func(x, y pipeline.Hit) int { return cmp.Compare(x.Start, y.Start) })
	pos := 0
	for _, h := range hits {
		neutral := h.Entry >= len(lex.Entries)
		var e *lexicon.Entry
		if neutral {
			e = &lex.Neutral[h.Entry-len(lex.Entries)]
		} else {
			e = &lex.Entries[h.Entry]
		}
		plain(pos, h.Start)
		out = append(out, Span{Text: text[h.Start:h.End], Section: section(h.Start), Hit: &Hit{
			Term: e.Term, Dimension: e.Dimension, Pole: e.Pole, Weight: e.Weight, Negated: h.Negated, Neutral: neutral,
			Source: e.Source, Phrase: e.Phrase, Note: e.Note,
		}})
		pos = h.End
	}
	plain(pos, len(text))
	return out
}

func sortedTerms(m map[string]int) []TermCount {
	out := make([]TermCount, 0, len(m))
	for term, n := range m {
		out = append(out, TermCount{term, n})
	}
	slices.SortFunc(out, func(a, b TermCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Term, b.Term))
	})
	return out
}

// termList renders terms as "inspire ×2, coach".
func termList(ts []TermCount) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Term
		if t.Count > 1 {
			parts[i] += fmt.Sprintf(" ×%d", t.Count)
		}
	}
	return strings.Join(parts, ", ")
}

// Provenance describes a hit for hover text: dimension, pole, entry,
// weight and where the entry came from.
func (h *Hit) Provenance() string {
	var b strings.Builder
	if h.Neutral {
		fmt.Fprintf(&b, "neutral entry “%s”: uses up its words, counts for nothing", h.Term)
	} else {
		fmt.Fprintf(&b, "%s · %s · entry “%s”", h.Dimension, h.Pole, h.Term)
	}
	if h.Weight != 1 && !h.Neutral {
		fmt.Fprintf(&b, " (weight %g)", h.Weight)
	}
	if h.Negated {
		b.WriteString(" · negated, not counted")
	}
	if h.Source != "" {
		fmt.Fprintf(&b, "\nsource: %s", h.Source)
	}
	if h.Phrase != "" {
		fmt.Fprintf(&b, "\nphrase: “%s”", h.Phrase)
	}
	if h.Note != "" {
		fmt.Fprintf(&b, "\nnote: %s", h.Note)
	}
	return b.String()
}

// Figures is the summary line: words, hits, balance, label and confidence.
func (d *Document) Figures() string {
	r := d.Result
	balance := "none (no hits)"
	if r.Balance != nil {
		balance = signed(*r.Balance)
	}
	return fmt.Sprintf("%d words · leadership %.1f (%.1f per 1,000) · management %.1f (%.1f per 1,000) · negated %.1f\nbalance %s · label %s · confidence %.2f",
		r.Words, r.LeadershipHits, r.LeadershipPer1k, r.ManagementHits, r.ManagementPer1k, r.NegatedHits,
		balance, r.Label, r.Confidence)
}

// signed formats a balance with two decimals and a true minus sign.
func signed(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	if s == "-0.00" {
		return "0.00"
	}
	return strings.Replace(s, "-", "−", 1)
}
