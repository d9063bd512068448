package serve

import (
	"encoding/json"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/explain"
	"github.com/leadlex/leadlex/pipeline"
)

// ExplainAnswer is the answer of /api/v1/explain: the text as analysed
// (markup removed), its hits with byte offsets into Text and places in
// the file sent, and its row as /api/v1/score gives it.
type ExplainAnswer struct {
	Text string      `json:"text"`
	Hits []HitAnswer `json:"hits"`
	// Excluded lists the stretches of Text that do not count (boilerplate
	// sections), which the page dims. Empty until the analysis reports
	// such stretches (pipeline.Analysis has none yet).
	Excluded []ExcludedAnswer `json:"excluded"`
	Result   json.RawMessage  `json:"result"`
}

// ExcludedAnswer is a stretch of the text left out of the score.
type ExcludedAnswer struct {
	Start int    `json:"start"` // byte offset in Text
	End   int    `json:"end"`
	Kind  string `json:"kind"` // what it is, e.g. benefits
}

// HitAnswer is one hit: where it is, the entry it matched, what it counts
// for and where the entry came from.
type HitAnswer struct {
	Start      int     `json:"start"` // byte offset in Text
	End        int     `json:"end"`   // byte offset just after the hit
	Line       int     `json:"line"`  // place in the file sent, 1-based, columns in characters
	Column     int     `json:"column"`
	EndLine    int     `json:"end_line"`
	EndColumn  int     `json:"end_column"`
	Match      string  `json:"match"` // the words matched
	Term       string  `json:"term"`  // the entry as the lexicon writes it
	Dimension  string  `json:"dimension"`
	Pole       string  `json:"pole"`
	Weight     float64 `json:"weight"`
	Negated    bool    `json:"negated"` // a negator stands before it: not counted
	Source     string  `json:"source,omitempty"`
	Phrase     string  `json:"phrase,omitempty"`
	Note       string  `json:"note,omitempty"`
	Provenance string  `json:"provenance"` // the hit described in a few lines, for a tooltip
}

// Explain lists the hits of an analysis with their places.
func Explain(a *pipeline.Analysis, an *pipeline.Analyzer) *ExplainAnswer {
	out := &ExplainAnswer{Text: a.Text, Hits: []HitAnswer{}, Excluded: []ExcludedAnswer{}}
	pos := a.Positions
	if pos == nil {
		pos = corpus.TextPositions(a.Text)
	}
	lex := an.Lexicon()
	for _, h := range a.Hits {
		e := explain.HitOf(lex, h)
		start, end := pos.At(h.Start), pos.End(h.End)
		out.Hits = append(out.Hits, HitAnswer{
			Start: h.Start, End: h.End,
			Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column,
			Match: a.Text[h.Start:h.End], Term: e.Term, Dimension: e.Dimension, Pole: e.Pole.String(),
			Weight: e.Weight, Negated: e.Negated, Source: e.Source, Phrase: e.Phrase, Note: e.Note,
			Provenance: e.Provenance(),
		})
	}
	if !an.CountAll {
		for _, b := range a.Boilerplate {
			out.Excluded = append(out.Excluded, ExcludedAnswer{Start: b.Start, End: b.End, Kind: b.Kind.String()})
		}
	}
	return out
}
