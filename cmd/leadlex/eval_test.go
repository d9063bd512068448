package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTSV writes a labelled set with the mini test lexicon in mind.
func writeTSV(t *testing.T, rows ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "set.tsv")
	if err := os.WriteFile(p, []byte("label\ttext\n"+strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEval(t *testing.T) {
	set := writeTSV(t,
		"leadership\tShe will inspire us and set a vision for the long-term.",
		"leadership\tWe keep to the budget and the deadline.", // wrong: management
		"management\tEvery deadline and budget line is checked.",
		"management\tA quiet week.", // none
	)
	code, out, stderr := leadlex(t, "eval", set, "--lexicon", miniYAML)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"4 texts; lexicon mini 0.1.0; --min-hits 0.5 --margin 0.2",
		"accuracy  0.500  (2 of 4 right)",
		"coverage  0.750  (3 of 4 texts with a hit)",
		// leadership P 1/1 R 1/2 F1 .667; management P 1/2 R 1/2 F1 .5; macro .583
		"macro-F1  0.583",
		"leadership      1.000   0.500  0.667        2",
		"management      0.500   0.500  0.500        2",
		"leadership           1           1         0     0",
		"management           0           1         0     1",
		"set.tsv:3  gold leadership, got management (L 0, M 2",
		"set.tsv:5  gold management, got none",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "set.tsv:3") > strings.Index(out, "set.tsv:5") {
		t.Error("the wrong-pole text should be listed before the unlabelled one")
	}

	code, out, _ = leadlex(t, "eval", set, "--lexicon", miniYAML, "--json")
	var rep struct {
		Texts    int
		Accuracy float64
		MacroF1  float64 `json:"macro_f1"`
		Coverage float64
		Lexicon  map[string]string
		Worst    []struct{ Location, Gold, Predicted string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("exit %d, json %v:\n%s", code, err, out)
	}
	if rep.Texts != 4 || rep.Accuracy != 0.5 || rep.Coverage != 0.75 || rep.Lexicon["name"] != "mini" || len(rep.Worst) != 2 || rep.Worst[0].Predicted != "management" {
		t.Errorf("json report %+v", rep)
	}
}

func TestEvalExitCodes(t *testing.T) {
	good := writeTSV(t, "leadership\tWe inspire and set a vision.", "management\tBudget and deadline.")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"fail under", []string{"eval", good, "--lexicon", miniYAML, "--fail-under", "1.01"}, 1, "macro-F1 1.000 is below --fail-under 1.010"},
		{"passes", []string{"eval", good, "--lexicon", miniYAML, "--fail-under", "0.9"}, 0, ""},
		{"bad label", []string{"eval", writeTSV(t, "balanced\tx")}, 2, `set.tsv:2: label "balanced": expected leadership or management`},
		{"bad header", []string{"eval", writeTSV(t)[:0] + filepath.Join("..", "..", "testdata", "expected_labels.tsv")}, 2, "expected tab-separated columns named label and text"},
		{"missing file", []string{"eval", "nope.tsv"}, 2, "nope.tsv"},
		{"no file", []string{"eval"}, 2, "requires at least 1 arg"},
		{"bad negation window", []string{"eval", good, "--negation-window", "50"}, 2, "--negation-window must be from 0 to 20"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := leadlex(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d %q; want %d %q", code, stderr, tc.code, tc.msg)
			}
		})
	}
}

// TestNegationFlags checks --negation-window and --negators change which
// hits count as negated.
func TestNegationFlags(t *testing.T) {
	// Gold management, so the text is always misclassified and listed with its counts.
	set := writeTSV(t, "management\tWe do not inspire anyone, we inspire nobody without a vision.")
	run := func(args ...string) (lead, negated float64) {
		t.Helper()
		code, out, stderr := leadlex(t, append([]string{"eval", set, "--lexicon", miniYAML, "--json", "--worst", "5"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var rep struct {
			Worst []struct {
				L float64 `json:"leadership_hits"`
				N float64 `json:"negated_hits"`
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Worst) != 1 {
			t.Fatalf("json %v:\n%s", err, out)
		}
		return rep.Worst[0].L, rep.Worst[0].N
	}
	// Default (window 3, built-in negators): "not inspire" and "without a vision" are negated.
	if l, n := run(); l != 1 || n != 1.5 {
		t.Errorf("default: leadership %v negated %v; want 1 and 1.5 (inspire 1 + vision 0.5)", l, n)
	}
	// Window 0 turns negation off: every hit counts.
	if l, n := run("--negation-window", "0"); l != 2.5 || n != 0 {
		t.Errorf("window 0: leadership %v negated %v; want 2.5 and 0", l, n)
	}
	// Only "without" negates: "not inspire" counts again.
	if l, n := run("--negators", "without"); l != 2 || n != 0.5 {
		t.Errorf("--negators without: leadership %v negated %v; want 2 and 0.5", l, n)
	}
	// Window 1: "not" right before "inspire" still negates; "without" is two
	// words before "vision", out of reach.
	if l, n := run("--negation-window", "1"); l != 1.5 || n != 1 {
		t.Errorf("window 1: leadership %v negated %v; want 1.5 and 1", l, n)
	}
}

// sharedData is the folder of the shared data sets: $LEADLEX_SHARED/data,
// or ../shared/data beside the repository.
func sharedData() string {
	if d := os.Getenv("LEADLEX_SHARED"); d != "" {
		return filepath.Join(d, "data")
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

// publishedFigures are the default lexicon's figures as docs/VALIDITY.md
// and the README publish them, at the default thresholds (lexicon 1.7.0
// for the tuned rows). Held-out sets are scored once per tuning round,
// after it; the floors below keep them. The dev and gathered rows are what
// 1.7.0 was tuned on (the dev split, all 993 gathered sentences).
// sentences-fresh.tsv was scored once after 1.4.0 (0.791 / 0.854 / 0.885),
// sentences-fresh2.tsv once after 1.5.0 (0.686 / 0.771 / 0.824) and
// sentences-fresh3.tsv once after 1.6.0 (0.765 / 0.841 / 0.900, 281
// sentences from 116 sites no other set uses, gathered blind while 1.6.0
// was tuned); all three have been tuned on since (fresh from 1.5.0, fresh2
// from 1.6.0, fresh3 from 1.7.0), so their rows are tuned figures (tuned:
// true, scored also under LEADLEX_SKIP_HELDOUT although their split column
// says heldout). The sentences-dev held-out row is that split's sixth
// look, for lexicon 1.7.0 with the job-title and agent-noun rules (each
// round since 1.2.0 measured it once after tuning; its worst sentences were
// read after round two). sentences-fresh4.tsv (293 sentences from 151 sites
// no other set uses, gathered blind while 1.7.0 was tuned) was scored once,
// its first look, the clean figure of 1.7.0 (1.6.0 on it: 0.805 / 0.860 /
// 0.928). The fresh3 row is 1.7.0's tuned figure with the two matcher rules
// (0.786 / 0.854 / 0.932 without them).
var publishedFigures = []struct {
	file, split                 string
	texts                       int
	accuracy, macroF1, coverage float64
	tuned                       bool
}{
	{"../../testdata/labeled/tune.tsv", "", 100, 1.000, 1.000, 1.000, true},
	{"../../testdata/labeled/dev.tsv", "", 40, 0.900, 0.964, 0.950, true},
	{"../../testdata/labeled/heldout.tsv", "", 100, 0.960, 0.974, 0.980, false},
	{"sentences-dev.tsv", "dev", 383, 0.909, 0.941, 0.966, true},
	{"sentences-dev.tsv", "heldout", 240, 0.825, 0.886, 0.921, false},
	{"sentences-gathered.tsv", "dev", 993, 0.787, 0.851, 0.907, true},
	{"sentences-fresh.tsv", "heldout", 321, 0.850, 0.897, 0.928, true},
	{"sentences-fresh2.tsv", "heldout", 296, 0.720, 0.799, 0.858, true},
	{"sentences-fresh3.tsv", "heldout", 281, 0.783, 0.852, 0.929, true},
	{"sentences-fresh4.tsv", "heldout", 293, 0.823, 0.870, 0.939, false},
}

// issueGoals are the floors an issue set on a set's figures, held apart
// from the published figures' slack: issue 15 asks macro-F1 >= 0.88 and
// coverage >= 0.92 on the held-out split of sentences-dev.
var issueGoals = map[string]struct{ macroF1, coverage float64 }{
	"sentences-dev.tsv/heldout": {0.88, 0.92},
}

// TestEvalDefaultLexiconTargets holds the published figures: every metric
// of every set must stay within 0.005 of them (less than one text of 100),
// measured by running leadlex eval at the default --min-hits. It is a
// regression guard, not a target to tune against. The sentences-dev sets
// are read from the shared data folder and skipped where it is absent.
// LEADLEX_SKIP_HELDOUT=1 skips the held-out sets, so that whoever tunes the
// lexicon can run the suite without looking at them.
func TestEvalDefaultLexiconTargets(t *testing.T) {
	for _, want := range publishedFigures {
		name := filepath.Base(want.file)
		if want.split != "" {
			name += "/" + want.split
		}
		t.Run(name, func(t *testing.T) {
			if os.Getenv("LEADLEX_SKIP_HELDOUT") != "" && strings.Contains(name, "heldout") && !want.tuned {
				t.Skip("LEADLEX_SKIP_HELDOUT is set: held-out sets are not scored while tuning")
			}
			args := []string{"eval", want.file, "--json", "--worst", "0"}
			if want.split != "" {
				path := labeledSetPath(want.file)
				if _, err := os.Stat(path); err != nil {
					t.Skipf("%s not found (%v): set LEADLEX_SHARED (and LEADLEX_GATHERED for the gathered set) to check its figures", want.file, err)
				}
				args = []string{"eval", path, "--split", want.split, "--json", "--worst", "0"}
			}
			code, out, stderr := leadlex(t, args...)
			if code != 0 {
				t.Fatalf("exit %d %s", code, stderr)
			}
			var rep struct {
				Texts    int
				Accuracy float64
				MacroF1  float64 `json:"macro_f1"`
				Coverage float64
				Labels   map[string]float64
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Labels["min_hits"] != 0.5 {
				t.Fatalf("default --min-hits is %v; the published figures are at 0.5: measure them again", rep.Labels["min_hits"])
			}
			if goal, ok := issueGoals[name]; ok && (rep.MacroF1 < goal.macroF1 || rep.Coverage < goal.coverage) {
				t.Errorf("macro-F1 %.3f, coverage %.3f; issue 15's goal is at least %.2f and %.2f", rep.MacroF1, rep.Coverage, goal.macroF1, goal.coverage)
			}
			const slack = 0.005
			if rep.Texts != want.texts || rep.Accuracy < want.accuracy-slack || rep.MacroF1 < want.macroF1-slack || rep.Coverage < want.coverage-slack {
				t.Errorf("%d texts, accuracy %.3f, macro-F1 %.3f, coverage %.3f; published %d, %.3f, %.3f, %.3f",
					rep.Texts, rep.Accuracy, rep.MacroF1, rep.Coverage, want.texts, want.accuracy, want.macroF1, want.coverage)
			}
		})
	}
}

func TestEvalReliability(t *testing.T) {
	code, out, stderr := leadlex(t, "eval", "--reliability", "../../testdata/corpus", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Documents, Skipped int
		Poles              []struct {
			Dimension, Pole string
			Entries         int
			EntriesHit      int `json:"entries_hit"`
			Alpha, KR20     *float64
			BaseRate        float64 `json:"base_rate_per_1k"`
			DocShare        float64 `json:"doc_share"`
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.Documents != 31 || rep.Skipped != 5 || len(rep.Poles) != 16 {
		t.Fatalf("%d documents, %d skipped, %d poles; want 31, 5 and 16", rep.Documents, rep.Skipped, len(rep.Poles))
	}
	for _, p := range rep.Poles {
		if p.Entries < 10 || p.EntriesHit > p.Entries || p.DocShare < 0 || p.DocShare > 1 || p.BaseRate < 0 ||
			p.Alpha != nil && *p.Alpha > 1 || p.KR20 != nil && *p.KR20 > 1 {
			t.Errorf("%s/%s: %+v", p.Dimension, p.Pole, p)
		}
	}
	code, out, _ = leadlex(t, "eval", "--reliability", "../../testdata/corpus")
	if code != 0 || !strings.Contains(out, "31 documents (5 skipped or empty)") ||
		!strings.Contains(out, "dimension        pole  entries  hit") {
		t.Errorf("table: exit %d\n%s", code, out)
	}
}

func TestEvalSplit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "split.tsv")
	rows := "split\tlabel\ttext\n" +
		"dev\tleadership\tThey inspire people with a bold vision.\n" +
		"heldout\tmanagement\tThey keep to the budget and the deadline.\n" +
		"dev\tmanagement\tThey track the budget.\n"
	if err := os.WriteFile(p, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := leadlex(t, "eval", p, "--split", "dev", "--json", "--worst", "0")
	var rep struct {
		Texts int
		Split string
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Texts != 2 || rep.Split != "dev" {
		t.Errorf("--split dev: exit %d, %+v, %s", code, rep, stderr)
	}
	code, out, _ = leadlex(t, "eval", p, "--split", "heldout")
	if code != 0 || !strings.Contains(out, "(split heldout): 1 texts") {
		t.Errorf("--split heldout: exit %d\n%s", code, out)
	}
	code, _, stderr = leadlex(t, "eval", p, "--split", "test")
	if code != 2 || !strings.Contains(stderr, `split "test": no row has it; the set's splits are dev, heldout`) {
		t.Errorf("--split test: exit %d %s", code, stderr)
	}
}

// TestEvalReliabilityRefusesSplit: --reliability reads every record of its
// arguments, so --split with it is a usage error rather than a held-out
// split read without notice.
func TestEvalReliabilityRefusesSplit(t *testing.T) {
	code, out, stderr := leadlex(t, "eval", "--reliability", "../../testdata/labeled/tune.tsv", "--split", "dev")
	if code != 2 || out != "" || !strings.Contains(stderr, "--split does not apply with --reliability") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and a usage error", code, out, stderr)
	}
}
