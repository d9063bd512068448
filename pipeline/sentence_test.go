package pipeline

import (
	"strings"
	"testing"
)

func sentences(text string) []string {
	var out []string
	for _, s := range Segment(nil, text, Tokenize(nil, text)) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"terminal punctuation", "We plan. They dream! Why? Because.", []string{"We plan.", "They dream!", "Why?", "Because."}},
		{"abbreviation before lower case", "Use tools, e.g. spreadsheets, daily. Next one.", []string{"Use tools, e.g. spreadsheets, daily.", "Next one."}},
		{"titles", "Dr. Lee met Mr. Park. Then they left.", []string{"Dr. Lee met Mr. Park.", "Then they left."}},
		{"closing quote stays", `He said "go." Then left.`, []string{`He said "go."`, "Then left."}},
		{"opening quote starts the next", "It ended. “Next” began.", []string{"It ended.", "“Next” began."}},
		{"blank line", "A heading\n\nSome text without a stop", []string{"A heading", "Some text without a stop"}},
		{"wrapped line joins", "This sentence is wrapped\nover two lines.", []string{"This sentence is wrapped\nover two lines."}},
		{"bullets", "You will:\n- own the roadmap\n- grow people\n* coach", []string{"You will:", "- own the roadmap", "- grow people", "* coach"}},
		{"numbered list", "Steps\n1. Plan the budget\n2. Track costs", []string{"Steps", "1. Plan the budget", "2. Track costs"}},
		{"no words", "---\n\n* * *\n\nReal text.", []string{"Real text."}},
		{"ellipsis", "Wait... What next?", []string{"Wait...", "What next?"}},
		{"decimal", "Grew 3.5 percent. Good.", []string{"Grew 3.5 percent.", "Good."}},
		{"crlf", "One.\r\n\r\nTwo", []string{"One.", "Two"}},
	}
	for _, tc := range tests {
		got := sentences(tc.text)
		if strings.Join(got, "¦") != strings.Join(tc.want, "¦") {
			t.Errorf("%s: Segment(%q)\n got %q\nwant %q", tc.name, tc.text, got, tc.want)
		}
	}
}

func TestSegmentWordCounts(t *testing.T) {
	text := "Don't stop. The team's long-term plan works!"
	got := Segment(nil, text, Tokenize(nil, text))
	if len(got) != 2 || got[0].Words != 2 || got[1].Words != 6 {
		t.Errorf("sentences %+v; want 2 with 2 and 6 words", got)
	}
}
