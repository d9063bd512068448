package lexicon

import (
	"fmt"
	"strings"
	"testing"
)

const contextSrc = `name: c
sources: [{file: s.txt, title: An article, first_line: An article}]
dimensions:
  - name: change
    entries:
      leadership:
        - {term: change, weight: 0.5, source: s.txt, phrase: p, context: [{before: [react to, adapt to], pole: management, weight: 1}, {before: fear of, pole: none}]}
      management:
        - {term: rules, derived: "c.tsv, split dev", statistic: "z = 1", context: [{before: change, after: [be damned], pole: leadership}]}
`

func TestContextRulesExpand(t *testing.T) {
	l, err := Parse("c.yaml", []byte(contextSrc))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range l.Entries {
		got = append(got, fmt.Sprintf("%s/%s/%g/%v/%q", e.Term, e.Pole, e.Weight, e.Cancel, e.Parent))
	}
	want := []string{
		`change/leadership/0.5/false/""`, `rules/management/1/false/""`,
		`react to change/management/1/false/"chang"`, `adapt to change/management/1/false/"chang"`, `fear of change/leadership/0.5/true/"chang"`,
		`change rules/leadership/1/false/"rule"`, `rules be damned/leadership/1/false/"rule"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	g := l.Entries[2]
	if g.Source != "s.txt" || g.Phrase != "p" || g.Rule != `context rule of "change": before "react to" → management` || !g.Generated() {
		t.Errorf("generated entry keeps provenance and names its rule: %+v", g)
	}
	if c := l.Counts(); c[0] != [2]int{1, 1} {
		t.Errorf("counts %v; generated entries must not count", c)
	}
	// Rule phrases skip determiners as phrases do: "change the rules" has
	// the key of "change rules" (matching is tested in pipeline).
	if k := l.Entries[5].Key(l.SkipSet()); k != "chang rule" {
		t.Errorf("key of %q = %q", l.Entries[5].Term, k)
	}
}

func TestContextRulesMergeAndWrite(t *testing.T) {
	l, err := Parse("c.yaml", []byte(contextSrc))
	if err != nil {
		t.Fatal(err)
	}
	// A later file that redefines "change" drops the rules of the old one.
	later, err := Parse("later.yaml", []byte("name: later\ndimensions:\n  - name: change\n    entries:\n      management:\n        - {term: changes, source: s}\n"))
	if err != nil {
		t.Fatal(err)
	}
	merged, err := Merge(l, later)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range merged.Entries {
		if e.Parent == "chang" {
			t.Errorf("merged lexicon keeps %q from the replaced entry's rule", e.Term)
		}
	}
	if len(merged.Sources) != 1 || merged.Sources[0].Title != "An article" {
		t.Errorf("merged sources %+v", merged.Sources)
	}
	// WriteYAML writes rules on their entry, not the phrases they add, and
	// reads back to the same entries.
	var buf strings.Builder
	if err := WriteYAML(&buf, l); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "react to change") || !strings.Contains(out, "context: [{before: [react to, adapt to], pole: management, weight: 1}") ||
		!strings.Contains(out, "derived: 'c.tsv, split dev'") || !strings.Contains(out, "sources:") {
		t.Errorf("written lexicon:\n%s", out)
	}
	back, err := Parse("back.yaml", []byte(out))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(back.Entries) != len(l.Entries) {
		t.Errorf("read back %d entries, want %d", len(back.Entries), len(l.Entries))
	}
	for i := range back.Entries {
		a, b := back.Entries[i], l.Entries[i]
		if a.Term != b.Term || a.Pole != b.Pole || a.Weight != b.Weight || a.Cancel != b.Cancel || a.Derived != b.Derived {
			t.Errorf("entry %d: read back %+v, want %+v", i, a, b)
		}
	}
}
