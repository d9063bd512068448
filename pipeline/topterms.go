package pipeline

import (
	"cmp"
	"slices"

	"github.com/leadlex/leadlex/lexicon"
)

// TermTotal is one lexicon entry's hits over a whole run.
type TermTotal struct {
	Term string
	Hits int64
}

// TopTerms returns up to n entries of lex on pole with the most hits over
// the run (Summary.Terms, which lex must be the lexicon of), most first;
// ties go by term. Entries with no hits are left out.
func (s Summary) TopTerms(lex *lexicon.Lexicon, pole lexicon.Pole, n int) []TermTotal {
	var idx []int
	for i, c := range s.Terms {
		if c > 0 && lex.Entries[i].Pole == pole {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(s.Terms[b], s.Terms[a]); c != 0 {
			return c
		}
		return cmp.Compare(lex.Entries[a].Term, lex.Entries[b].Term)
	})
	out := make([]TermTotal, 0, min(len(idx), n))
	for _, i := range idx[:min(len(idx), n)] {
		out = append(out, TermTotal{Term: lex.Entries[i].Term, Hits: s.Terms[i]})
	}
	return out
}
