package main

import (
	"regexp"
	"slices"
	"testing"
)

// TestLexiconPatterns checks that the word list given to ripgrep and Vale
// holds the lexicon's words, phrases and prefixes as regular expressions
// that match what the entries match.
func TestLexiconPatterns(t *testing.T) {
	pats := lexiconPatterns()
	if len(pats) < 100 {
		t.Fatalf("%d patterns, want the default lexicon's hundreds", len(pats))
	}
	for _, want := range []string{"vision", "big picture"} {
		if !slices.Contains(pats, want) {
			t.Errorf("no pattern %q", want)
		}
	}
	prefix := false
	for _, p := range pats {
		re, err := regexp.Compile(`(?i)\b(?:` + p + `)\b`)
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		if len(p) > 3 && p[len(p)-3:] == `\w*` {
			prefix = true
			if w := p[:len(p)-3] + "ing"; !re.MatchString("We are " + w + " today") {
				t.Errorf("%q does not match %q", p, w)
			}
		}
	}
	if !prefix {
		t.Error("no prefix wildcard pattern")
	}
}
