package explain

import (
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// HitOf describes one hit of an analysis: its entry, what it counts for
// and where the entry came from. serve and lsp show hits with it.
func HitOf(lex *lexicon.Lexicon, h pipeline.Hit) *Hit {
	e := &lex.Entries[h.Entry]
	return &Hit{
		Term: e.Term, Dimension: e.Dimension, Pole: e.Pole, Weight: e.Weight, Negated: h.Negated,
		Source: e.Source, Phrase: e.Phrase, Note: e.Note,
	}
}
