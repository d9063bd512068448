package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const header = `name: t
version: "1"
dimensions:
  - name: vision
    description: d
    entries:
      leadership:
`

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty file", "", "bad.yaml: file is empty"},
		{"not yaml", "name: [unclosed\n", "bad.yaml:1: invalid YAML"},
		{"top level list", "- a\n- b\n", "bad.yaml:1:1: expected a mapping"},
		{"alias", "name: &n x\nversion: *n\ndimensions: []\n", "bad.yaml:2:10: aliases are not supported (*n)"},
		{"missing name", "version: 1\ndimensions: []\n", "bad.yaml:1:1: missing required field name"},
		{"missing dimensions", "name: x\n", "bad.yaml:1:1: missing required field dimensions"},
		{"unknown top field", "name: x\ndimension: []\n", `bad.yaml:2:1: lexicon: unknown field "dimension"; expected one of agents, description, dimensions, name, negation, neutral, skip, sources, version`},
		{"dimensions not a list", "name: x\ndimensions: {a: 1}\n", "bad.yaml:2:13: dimensions: expected a list"},
		{"bad dimension name", "name: x\ndimensions:\n  - name: Vision X\n", `bad.yaml:3:5: dimension "Vision X": names are lower-case`},
		{"dimension twice", "name: x\ndimensions:\n  - name: a\n  - name: a\n", `bad.yaml:4:5: dimension "a" is defined twice`},
		{"unknown pole", header[:len(header)-len("      leadership:\n")] + "      vision:\n        - {term: x, source: s}\n", `bad.yaml:7:7: dimension vision entries: unknown field "vision"; expected one of leadership, management`},
		{"entry missing term", header + "        - {source: s}\n", "bad.yaml:8:11: entry: missing required field term"},
		{"entry missing source", header + "        - {term: inspire}\n", `bad.yaml:8:11: entry "inspire": missing required field source`},
		{"entry unknown field", header + "        - {term: inspire, source: s, wieght: 2}\n", `bad.yaml:8:38: entry: unknown field "wieght"`},
		{"weight not a number", header + "        - {term: inspire, source: s, weight: heavy}\n", `bad.yaml:8:46: entry weight: expected a number, got "heavy"`},
		{"weight zero", header + "        - {term: inspire, source: s, weight: 0}\n", `bad.yaml:8:11: entry "inspire": weight 0 is out of range`},
		{"wildcard inside word", header + "        - {term: \"in*spire\", source: s}\n", `bad.yaml:8:11: entry "in*spire": word "in*spire": '*' may only end a word`},
		{"short wildcard", header + "        - {term: \"i*\", source: s}\n", `a wildcard needs at least 2 letters`},
		{"punctuation", header + "        - {term: \"vision!\", source: s}\n", `punctuation is not matched`},
		{"duplicate stem", header + "        - {term: inspire, source: s}\n        - {term: inspiring, source: s}\n", `bad.yaml:9: entry "inspiring" duplicates "inspire" at line 8`},
		{"conflict across poles", header + "        - {term: vision, source: s}\n      management:\n        - {term: visions, source: s}\n", `bad.yaml:10: entry "visions" conflicts with "vision" at line 8: the same stems count for leadership there and management here`},
		{"phrase duplicate via determiner", header + "        - {term: set a vision, source: s}\n        - {term: set the vision, source: s}\n", `duplicates "set a vision"`},
		{"negation window", "name: x\nnegation: {window: many}\ndimensions: []\n", `bad.yaml:2:20: negation.window: expected a whole number`},
		{"derived without statistic", header + "        - {term: inspire, derived: c.tsv}\n", `entry "inspire": derived provenance needs statistic`},
		{"two provenances", header + "        - {term: inspire, source: s, derived: c.tsv, statistic: z}\n", `give one provenance`},
		{"context pole", header + "        - {term: change, source: s, context: [{before: react to, pole: sideways}]}\n", `context rule pole "sideways": want leadership, management or none`},
		{"context no phrases", header + "        - {term: change, source: s, context: [{pole: management}]}\n", `context rule has no before or after phrases`},
		{"context same pole", header + "        - {term: change, source: s, context: [{before: drive, pole: leadership}]}\n", `context rule keeps the entry's pole`},
		{"context phrase punctuation", header + "        - {term: change, source: s, context: [{before: \"react!\", pole: none}]}\n", `context rule phrase "react!": word "react!": punctuation`},
		{"context duplicates an entry", header + "        - {term: drive change, source: s}\n        - {term: change, source: s, context: [{before: drive, pole: management}]}\n", `conflicts with "drive change"`},
		{"sources without title", "name: x\nsources: [{file: a.txt}]\ndimensions: []\n", `source: file and title are required`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("Parse accepted:\n%s", tc.src)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n  %v\nwant it to contain\n  %s", err, tc.want)
			}
			if !IsError(err) {
				t.Errorf("error %v is not a *lexicon.Error", err)
			}
		})
	}
}

func TestParseEntry(t *testing.T) {
	src := header + `        - {term: "innovat*", weight: 0.5, source: a.txt, phrase: "fostering innovation", note: why}
        - {term: set a vision, exact: true, source: a.txt}
      management:
        - {term: long-term plan, source: b.txt}
`
	l, err := Parse("ok.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries) != 3 {
		t.Fatalf("got %d entries, want 3", len(l.Entries))
	}
	e := l.Entries[0]
	if e.Term != "innovat*" || e.Weight != 0.5 || e.Source != "a.txt" || e.Phrase != "fostering innovation" ||
		e.Note != "why" || e.Pole != Leadership || e.Dimension != "vision" || e.Line != 8 || e.Kind() != Prefix {
		t.Errorf("entry 0 = %+v", e)
	}
	if !l.Entries[1].Exact || l.Entries[1].Kind() != Phrase || l.Entries[1].Weight != 1 {
		t.Errorf("entry 1 = %+v", l.Entries[1])
	}
	if got := l.Entries[2].Key(l.SkipSet()); got != "long term plan" {
		t.Errorf("key of long-term plan = %q", got)
	}
	if l.Entries[2].Pole != Management {
		t.Errorf("entry 2 pole = %v", l.Entries[2].Pole)
	}
	if len(l.Hash) != 64 {
		t.Errorf("hash %q", l.Hash)
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadMergeOverrides(t *testing.T) {
	dir := t.TempDir()
	base := writeFile(t, dir, "base.yaml", header+`        - {term: vision, source: s}
        - {term: inspire, source: s}
      management:
        - {term: budget, source: s}
`)
	ext := writeFile(t, dir, "ext.yaml", `name: ext
version: "2"
negation: {window: 5, words: [not]}
dimensions:
  - name: vision
    entries:
      management:
        - {term: visions, weight: 3, source: mine}
  - name: risk
    description: new
    entries:
      leadership:
        - {term: bold bet, source: mine}
`)
	l, err := Load(base, ext)
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "t+ext" || l.Version != "1+2" {
		t.Errorf("name %q version %q", l.Name, l.Version)
	}
	if len(l.Dimensions) != 2 || l.Dimensions[1].Name != "risk" || l.Dimensions[0].Description != "d" {
		t.Errorf("dimensions %+v", l.Dimensions)
	}
	got := map[string]string{}
	for _, e := range l.Entries {
		got[e.Term] = e.Pole.String() + "/" + e.Dimension
	}
	want := map[string]string{"inspire": "leadership/vision", "budget": "management/vision", "visions": "management/vision", "bold bet": "leadership/risk"}
	if len(got) != len(want) {
		t.Errorf("entries %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("entry %q = %q, want %q", k, got[k], v)
		}
	}
	if l.Negation.Window != 5 || len(l.Negation.Words) != 1 {
		t.Errorf("negation %+v", l.Negation)
	}
	one, _ := Load(base)
	if l.Hash == one.Hash {
		t.Error("merged hash equals the base hash")
	}

	// An extension may not add an entry to a dimension nobody defined.
	bad := writeFile(t, dir, "bad.yaml", "name: bad\ndimensions:\n  - name: vision\n    entries:\n      leadership:\n        - {term: x, source: s}\n  - name: ghost\n")
	if _, err := Load(base, bad); err != nil {
		t.Errorf("extension with a known dimension: %v", err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Errorf("err = %v", err)
	}
}
