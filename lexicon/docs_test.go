package lexicon

import (
	"os"
	"strings"
	"testing"
)

// docBlock returns the first fenced block of docs/LEXICON.md that opens with
// the given fence line and starts with first, up to its closing fence.
func docBlock(t *testing.T, fence, first string) string {
	t.Helper()
	data, err := os.ReadFile("../docs/LEXICON.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), fence+"\n"+first+"\n")
	if !ok {
		t.Fatalf("docs/LEXICON.md has no %s block starting with %q", fence, first)
	}
	block, _, _ := strings.Cut(rest, "```")
	return first + "\n" + block
}

// TestDocsLexiconExample keeps the lexicon file example of docs/LEXICON.md
// loadable and saying what the page says about it.
func TestDocsLexiconExample(t *testing.T) {
	l, err := Parse("LEXICON.md", []byte(docBlock(t, "```yaml", "name: my-terms                 # required")))
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "my-terms" || l.Version != "1.0.0" || len(l.Dimensions) != 1 || l.Dimensions[0].Name != "vision" {
		t.Errorf("lexicon %s %s with dimensions %v", l.Name, l.Version, l.Dimensions)
	}
	if l.Negation.Window != 3 || strings.Join(l.Skip, " ") != "a an the our" {
		t.Errorf("negation window %d, skip %q", l.Negation.Window, l.Skip)
	}
	kinds := map[string]Kind{}
	for _, e := range l.Entries {
		kinds[e.Term] = e.Kind()
	}
	want := map[string]Kind{"north star": Phrase, "reinvent*": Prefix, "sprint plan": Phrase, "set the scope": Phrase,
		"rules": Word, "change rules": Phrase, "break rules": Phrase} // the last two from the context rule of "rules"
	if len(kinds) != len(want) {
		t.Errorf("entries %v, want %v", kinds, want)
	}
	for term, kind := range want {
		if kinds[term] != kind {
			t.Errorf("entry %q is a %q, want %q", term, kinds[term], kind)
		}
	}
}

// TestDocsDicExample keeps the .dic dictionary and category mapping examples
// of docs/LEXICON.md importable.
func TestDocsDicExample(t *testing.T) {
	d, err := ParseDic("words.dic", []byte(docBlock(t, "```", "%")))
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseDicMap("words.map.yaml", []byte(docBlock(t, "```yaml", "name: my-dictionary          # optional; default: the .dic file name")))
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := Import(d, m)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range l.Entries {
		got[e.Term] = e.Dimension + " " + e.Pole.String() + " " + FormatWeight(e.Weight)
	}
	want := map[string]string{
		"big picture":      "direction leadership 1",
		"innovat*":         "direction leadership 1",
		"quarterly target": "direction management 0.5",
		"zero defects":     "risk management 1",
	}
	if len(got) != len(want) {
		t.Errorf("imported %v, want %v", got, want)
	}
	for term, w := range want {
		if got[term] != w {
			t.Errorf("%q imported as %q, want %q", term, got[term], w)
		}
	}
}
