package explain

import (
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// HitOf describes one hit of an analysis: its entry, what it counts for
// and where the entry came from; a hit of a neutral entry (an index past
// the lexicon's entries, as in Analysis.Neutral) is marked Neutral. serve
// and lsp show hits with it.
func HitOf(lex *lexicon.Lexicon, h pipeline.Hit) *Hit {
	neutral := h.Entry >= len(lex.Entries)
	var e *lexicon.Entry
	if neutral {
		e = &lex.Neutral[h.Entry-len(lex.Entries)]
	} else {
		e = &lex.Entries[h.Entry]
	}
	return &Hit{
		Term: e.Term, Dimension: e.Dimension, Pole: e.Pole, Weight: e.Weight, Negated: h.Negated, Neutral: neutral,
		Source: e.Source, Phrase: e.Phrase, Note: e.Note,
	}
}
