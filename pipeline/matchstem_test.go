package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/stem"
)

// TestMatchStem checks MatchStem's promise on many words: where a word's
// stem is one the matcher knows, MatchStem returns it; elsewhere it
// returns something the matcher does not know either. The words are those
// of the test corpus, every lexicon word with endings added (the cases the
// stemmer rewrites most), and the stemmer's own exceptions.
func TestMatchStem(t *testing.T) {
	m := compileMatcher(lexicon.Default())
	known := map[string]bool{}
	for _, s := range m.stems[1:] {
		known[s] = true
	}
	words := map[string]bool{}
	add := func(text string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			words[w] = true
		}
	}
	filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := os.ReadFile(path); err == nil {
				add(string(b))
			}
		}
		return nil
	})
	endings := []string{"", "s", "es", "ed", "ing", "ingly", "edly", "ly", "y", "ies", "ied", "er", "ers", "est", "ness",
		"ful", "fulness", "ation", "ational", "ations", "ization", "izer", "ize", "ise", "ism", "ist", "ity", "ities",
		"ability", "ably", "ible", "ical", "ically", "icate", "icity", "ative", "ive", "ively", "iveness", "ousness",
		"ously", "ment", "ments", "ent", "ence", "ency", "ance", "ant", "al", "ally", "ality", "less", "lessly", "e"}
	for _, e := range lexicon.Default().Entries {
		for _, w := range stem.Words(strings.TrimSuffix(e.Term, "*")) {
			w = strings.TrimSuffix(w, "*")
			for _, stem := range []string{w, stem.Stem(w), strings.TrimSuffix(w, "e"), strings.TrimSuffix(w, "y")} {
				for _, end := range endings {
					words[stem+end] = true
					words[stem+stem[len(stem)-1:]+end] = true // doubled consonant: plan -> planning
					words["'"+stem+end] = true                // a word in single quotes: the stemmer drops the apostrophe
				}
			}
		}
	}
	// A system word list, where there is one, adds the rest of English.
	if b, err := os.ReadFile("/usr/share/dict/words"); err == nil {
		add(string(b))
	}
	for base := range stem.IrregularForms() {
		words[base] = true
	}
	for _, w := range strings.Fields("skis skies dying lying tying idly gently ugly early only singly sky news howe atlas cosmos bias andes inning outing canning herring earring proceed exceed succeed") {
		words[w] = true
	}
	skipped := 0
	for w := range words {
		got, stem := m.matchStem(w), stem.Stem(w)
		switch {
		case known[stem] && got != stem:
			t.Errorf("MatchStem(%q) = %q, want the stem %q, which an entry matches on", w, got, stem)
		case !known[stem] && known[got]:
			t.Errorf("MatchStem(%q) = %q, an entry's stem, but the word's stem %q is none", w, got, stem)
		}
		if got != stem {
			skipped++
		}
	}
	if len(words) < 10000 || skipped == 0 {
		t.Errorf("%d words, %d spared the stemmer: the test sees too little", len(words), skipped)
	}
	t.Logf("%d words, %d spared the stemmer", len(words), skipped)
}
