package pipeline

import (
	"reflect"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
)

func TestSummaryTopTerms(t *testing.T) {
	lex := &lexicon.Lexicon{Entries: []lexicon.Entry{
		{Term: "vision", Pole: lexicon.Leadership},
		{Term: "inspire", Pole: lexicon.Leadership},
		{Term: "budget", Pole: lexicon.Management},
		{Term: "coach", Pole: lexicon.Leadership},
		{Term: "empower", Pole: lexicon.Leadership},
	}}
	s := Summary{Terms: []int64{3, 5, 9, 3, 0}}
	got := s.TopTerms(lex, lexicon.Leadership, 2)
	want := []TermTotal{{"inspire", 5}, {"coach", 3}} // a tie goes by term; budget is the other pole
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TopTerms(leadership, 2) = %v, want %v", got, want)
	}
	if got := s.TopTerms(lex, lexicon.Leadership, 10); len(got) != 3 {
		t.Errorf("TopTerms(leadership, 10) = %v: want the 3 entries with hits", got)
	}
}
