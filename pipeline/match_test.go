package pipeline

import (
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/stem"
)

// toks turns space-separated words into m's tokens; "," stays punctuation.
func toks(m *matcher, s string) []matchToken {
	var out []matchToken
	for _, w := range strings.Fields(s) {
		if w == "," || w == "." {
			out = append(out, m.token(w, ""))
			continue
		}
		lw := strings.ToLower(w)
		out = append(out, m.token(lw, stem.Stem(lw)))
	}
	return out
}

// matchHeader is the start of testLexicon up to its first leadership
// entry: a lexicon of one dimension whose leadership entries follow.
func matchHeader() string {
	return testLexicon[:strings.Index(testLexicon, "        - ")]
}

func mustParse(t *testing.T, entries string) *matcher {
	t.Helper()
	l, err := lexicon.Parse("m.yaml", []byte(matchHeader()+entries))
	if err != nil {
		t.Fatal(err)
	}
	return compileMatcher(l)
}

// allMatches runs the matcher left to right as the pipeline does.
func allMatches(m *matcher, ts []matchToken) []string {
	var out []string
	for i := 0; i < len(ts); {
		e, n := m.longest(ts, i)
		if n == 0 {
			i++
			continue
		}
		out = append(out, m.entry(e).Term)
		i += n
	}
	return out
}

func TestLongest(t *testing.T) {
	m := mustParse(t, `        - {term: vision, source: s}
        - {term: set a vision, source: s}
        - {term: set a bold vision, source: s}
        - {term: "innovat*", source: s}
        - {term: "inno*", source: s}
        - {term: "visionar*", source: s}
        - {term: "innovation", source: s}
        - {term: "innovation lab*", source: s}
        - {term: long-term, source: s}
        - {term: challenge the status quo, exact: true, source: s}
      management:
        - {term: day-to-day, source: s}
        - {term: risk, source: s}
        - {term: take risks, source: s}
`)
	tests := []struct{ text, want string }{
		{"vision", "vision"},
		{"Visions matter", "vision"},
		{"we set a vision", "set a vision"},
		{"setting the vision", "set a vision"},
		{"sets our vision", "set a vision"},
		{"set vision", "set a vision"},
		{"set a bold vision", "set a bold vision"},
		{"set the bold vision", "set a bold vision"},
		{"set a new vision", "vision"},     // "new" is not a skip word
		{"set , the vision", "vision"},     // punctuation breaks a phrase
		{"innovative ideas", "innovation"}, // both stem to "innov": a whole-word stem beats a prefix
		{"innovatory", "innovat*"},         // stems apart, so only the prefixes match: the longer wins
		{"innocent", "inno*"},              //
		{"visionaries", "visionar*"},
		{"innovation labs", "innovation lab*"}, // the longest match wins
		{"long term", "long-term"},             // hyphenated terms match spaced words
		{"day to day work", "day-to-day"},      //
		{"taking risks daily", "take risks"},   // the phrase wins over its last word
		{"she took a risk", "take risks"},      // irregular past forms meet their base form
		{"risk", "risk"},                       //
		{"challenge the status quo", "challenge the status quo"},
		{"challenge status quo", ""}, // exact phrases do not skip or lose words
		{"the vision the vision", "vision vision"},
	}
	for _, tc := range tests {
		got := strings.Join(allMatches(m, toks(m, tc.text)), " ")
		if got != tc.want {
			t.Errorf("%q: matched %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestLongestSpan(t *testing.T) {
	m := mustParse(t, "        - {term: set a vision, source: s}\n")
	ts := toks(m, "we are setting the vision now")
	e, n := m.longest(ts, 2)
	if e != 0 || n != 3 {
		t.Errorf("Longest = (%d, %d), want (0, 3)", e, n)
	}
	if _, n := m.longest(ts, 0); n != 0 {
		t.Errorf("match at 'we': n = %d", n)
	}
	// A trailing determiner is never part of a match.
	if _, n := m.longest(toks(m, "set the"), 0); n != 0 {
		t.Errorf("'set the' matched %d tokens", n)
	}
}

func TestCanStart(t *testing.T) {
	m := mustParse(t, "        - {term: \"innovat*\", source: s}\n        - {term: budget plan, source: s}\n")
	for _, tc := range []struct {
		word string
		want bool
	}{{"innovators", true}, {"budgets", true}, {"plan", false}, {",", false}} {
		if got := m.canStart(toks(m, tc.word)[0]); got != tc.want {
			t.Errorf("CanStart(%q) = %v", tc.word, got)
		}
	}
}

func TestMatches(t *testing.T) {
	m := mustParse(t, "        - {term: \"innovat*\", source: s}\n        - {term: set a vision, source: s}\n      management:\n        - {term: budget, source: s}\n")
	var got []string
	for _, e := range m.matches("Innovators setting the vision within budgets") {
		got = append(got, e.Term)
	}
	if strings.Join(got, "|") != "innovat*|set a vision|budget" {
		t.Errorf("Matches = %q", got)
	}
	if len(m.matches("nothing here")) != 0 {
		t.Error("matched plain words")
	}
}
