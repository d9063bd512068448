package lexicon

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse feeds the lexicon loader arbitrary files: it must not panic,
// every error must be a located *Error naming the file, and a lexicon it
// accepts must validate (pipeline compiles it for matching).
func FuzzParse(f *testing.F) {
	mini, err := os.ReadFile("../testdata/lexicons/mini.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(mini) // small: the default lexicon is too large to mutate quickly
	f.Add([]byte("name: x\nversion: 1\ndimensions:\n  - name: v\n    entries:\n      leadership:\n        - {term: inspire, source: s}\n      management:\n        - {term: \"budget*\", weight: 2, source: s}\n"))
	f.Add([]byte("name: x\nnegation: {window: 2, words: [not]}\nskip: [the]\ndimensions: []\n"))
	f.Add([]byte("name: x\nsources: [{file: s, title: T, first_line: F}]\nnegation: {window: 3, words: [not], reversible: [afraid], except: [only]}\ndimensions:\n  - name: v\n    entries:\n      leadership:\n        - {term: change, source: s, context: [{before: [react to], pole: management, weight: 2}, {after: x, pole: none}]}\n      management:\n        - {term: plan, derived: c, statistic: z}\n"))
	f.Add([]byte("name: [unclosed\n"))
	f.Add([]byte("\t- not: yaml: at all"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("f.yaml", data)
		if err != nil {
			if !IsError(err) || !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error without a location: %T %v", err, err)
			}
			return
		}
		if err := l.Validate(); err != nil {
			t.Fatalf("accepted a lexicon that does not validate: %v", err)
		}
	})
}
