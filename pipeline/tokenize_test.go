package pipeline

import (
	"strings"
	"testing"
)

func TestTokenizeOffsets(t *testing.T) {
	tests := []struct {
		text string
		want []string // text[Start:End] of each token, "*" marks words
	}{
		{"Leaders inspire.", []string{"Leaders*", "inspire*", "."}},
		{"“Inspiring” isn’t easy", []string{"“", "Inspiring*", "”", "is*", "n’t", "easy*"}},
		{"a long-term, day-to-day plan", []string{"a*", "long*", "term*", ",", "day*", "to*", "day*", "plan*"}},
		{"and/or — the end—really", []string{"and*", "or*", "—", "the*", "end*", "really*"}},
		{"We’ll grow 10% in 2027.", []string{"We*", "’ll", "grow*", "10%*", "in*", "2027*", "."}},
		{"  \n- café\r\n- naïve", []string{"-", "café*", "-", "naïve*"}},
		{"Fish &rsquo;n chips", []string{"Fish*", "&rsquo;n", "chips*"}},
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range Tokenize(nil, tc.text) {
			s := tc.text[tok.Start:tok.End]
			if tok.Word {
				s += "*"
			}
			got = append(got, s)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestTokenizeMonotonic(t *testing.T) {
	// Offsets never go backwards and stay inside the text, whatever the input.
	for _, text := range []string{"", "   ", "\"\"''", "a\u201c\u201db", "&rsquo;&rsquo;", "x-", "-x", "--", "¯\\(ツ)/¯ :-)"} {
		last := 0
		for _, tok := range Tokenize(nil, text) {
			if tok.Start < last || tok.End < tok.Start || tok.End > len(text) {
				t.Errorf("Tokenize(%q): token %+v out of order (last end %d)", text, tok, last)
			}
			last = tok.End
		}
	}
}
