package evaluate

import (
	"context"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
)

// TestLogOddsHandComputed checks the formula on counts worked out by hand:
// n_a = n_b = 20, α0 = 30; x is 10 vs 0, so α_x = 30·10/40 = 7.5 and
// δ = log(17.5/32.5) − log(7.5/42.5) = 1.115562, σ² = 1/17.5 + 1/7.5,
// z = 2.556073; z, seen 10 times on each side, scores 0.
func TestLogOddsHandComputed(t *testing.T) {
	a := map[string]int{"x": 10, "z": 10}
	b := map[string]int{"y": 10, "z": 10}
	got := LogOdds(a, b, 30, 0)
	if len(got) != 3 {
		t.Fatalf("%d scores", len(got))
	}
	want := []TermScore{{"x", 1.1155618469818829, 2.5560733030996112, 10, 0}, {"z", 0, 0, 10, 10}, {"y", -1.1155618469818829, -2.5560733030996112, 0, 10}}
	for i, w := range want {
		g := got[i]
		if g.Term != w.Term || !near(g.Delta, w.Delta) || !near(g.Z, w.Z) || g.A != w.A || g.B != w.B {
			t.Errorf("score %d = %+v, want %+v", i, g, w)
		}
	}
	if got := LogOdds(a, b, 30, 15); len(got) != 1 || got[0].Term != "z" {
		t.Errorf("min count 15 kept %+v", got)
	}
	if LogOdds(nil, nil, 30, 0) != nil {
		t.Error("empty sets gave scores")
	}
}

func TestCounts(t *testing.T) {
	c := NewCounts()
	opt := CountOptions{MaxN: 2, Stop: DefaultStop}
	c.Add("Our leader sets the vision; she sets the vision again, in 2025. The manager's budget-plan.", "a.txt", opt)
	c.Add("Setting visions!", "b.txt", opt)
	for term, want := range map[string]int{
		"set": 3, "vision": 3, "set vision": 1, // "sets the vision": "the" stands between, so no bigram
		"budget": 1, "plan": 1, "budget plan": 1, // joined by a hyphen: two words, one phrase
		"again": 1, "leader": 0, "manag": 0, // role words are never counted
		"the": 0, "the vision": 0, "2025": 0, // stop words do not start or end terms; numbers are left out
		"vision again": 1, "again in": 0,
	} {
		if got := c.Terms[term]; got != want {
			t.Errorf("count of %q = %d, want %d", term, got, want)
		}
	}
	if c.InTexts["vision"] != 2 || c.InTexts["set"] != 2 || c.InTexts["again"] != 1 {
		t.Errorf("in texts %v", c.InTexts)
	}
	if c.Form("set") != "sets" || c.Form("vision") != "vision" {
		t.Errorf("forms %q %q", c.Form("set"), c.Form("vision"))
	}
	if ev := c.Example("set vision"); ev.Source != "b.txt" || ev.Snippet != "Setting visions" {
		t.Errorf("example %+v", ev)
	}
	if ev := c.Example("again"); ev.Snippet != "she sets the vision again, in 2025" {
		t.Errorf("example %+v", ev)
	}
}

func TestDeriveFolders(t *testing.T) {
	ctx := context.Background()
	lead, err := ReadFolder(ctx, "../testdata/derive/leadership", "leadership")
	if err != nil {
		t.Fatal(err)
	}
	mgmt, err := ReadFolder(ctx, "../testdata/derive/management", "management")
	if err != nil {
		t.Fatal(err)
	}
	for _, unit := range []Unit{ByText, ByOccurrence} {
		d, err := Derive(append(lead, mgmt...), DeriveOptions{Count: CountOptions{MaxN: 1, Stop: DefaultStop}, Unit: unit, MinCount: 3})
		if err != nil {
			t.Fatal(err)
		}
		tl, tm := d.Top(lexicon.Leadership, 3, 0), d.Top(lexicon.Management, 3, 0)
		if len(tl) == 0 || tl[0].Term != "reimagin" || tl[0].Z <= tl[1].Z || tl[0].Form != "reimagine" {
			t.Errorf("unit %d: top leadership terms %+v; want reimagin first", unit, tl)
		}
		if unit == ByText && (len(tm) == 0 || tm[0].Term != "reconcil" || tm[0].Z <= tm[1].Z || tm[0].Z <= 0) {
			t.Errorf("unit %d: top management terms %+v; want reconcil first", unit, tm)
		}
	}
	if _, err := Derive(lead, DeriveOptions{}); err == nil || !strings.Contains(err.Error(), "no management texts") {
		t.Errorf("one-sided input: %v", err)
	}
}

func TestDerivedLexiconLoads(t *testing.T) {
	ex, err := ReadTSV("../testdata/labeled/tune.tsv")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Derive(ex, DeriveOptions{Count: CountOptions{MaxN: 3, Stop: DefaultStop}, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	l := d.Lexicon("proposed", "derived", 40, 0, []string{"tune.tsv"})
	var buf strings.Builder
	if err := lexicon.WriteYAML(&buf, l); err != nil {
		t.Fatal(err)
	}
	back, err := lexicon.Parse("proposed.yaml", []byte(buf.String()))
	if err != nil {
		t.Fatalf("derived lexicon does not load: %v\n%s", err, buf.String())
	}
	if len(back.Entries) < 40 || len(back.Entries) > 80 {
		t.Errorf("%d entries", len(back.Entries))
	}
	for _, e := range back.Entries {
		if e.Provenance() != lexicon.DerivedProvenance || e.Derived != "tune.tsv" || e.Source != "" || e.Phrase != "" ||
			!strings.HasPrefix(e.Statistic, "weighted log-odds z = ") || !strings.HasPrefix(e.Note, "first seen at ../testdata/labeled/tune.tsv:") {
			t.Errorf("entry %q provenance %q %q %q %q %q", e.Term, e.Source, e.Phrase, e.Derived, e.Statistic, e.Note)
		}
		if w := lexicon.RoleWord(e.Term); w != "" {
			t.Errorf("entry %q has role word %q", e.Term, w)
		}
	}
}
