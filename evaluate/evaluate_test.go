package evaluate

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestEvaluateHandComputed checks the metrics on nine predictions worked
// out by hand:
//
//	gold \ predicted  leadership  management  balanced  none
//	leadership                 2           1         1     1
//	management                 1           3         0     0
//
// leadership: P = 2/3, R = 2/5, F1 = 2·(2/3·2/5)/(2/3+2/5) = 0.5
// management: P = 3/4, R = 3/4, F1 = 0.75; macro-F1 = 0.625
// accuracy = 5/9; coverage = 8/9 (the none text has no hit).
func TestEvaluateHandComputed(t *testing.T) {
	p := func(loc, gold, pred string, l, m, conf float64) Prediction {
		return Prediction{Location: loc, Gold: gold, Predicted: pred, Leadership: l, Management: m, Confidence: conf}
	}
	preds := []Prediction{
		p("1", "leadership", "leadership", 3, 0, 0.9),
		p("2", "leadership", "leadership", 2, 0, 0.8),
		p("3", "leadership", "management", 0, 2, 0.7),
		p("4", "leadership", "balanced", 1, 1, 0.3),
		p("5", "leadership", "none", 0, 0, 0),
		p("6", "management", "management", 0, 3, 0.9),
		p("7", "management", "management", 0, 2, 0.8),
		p("8", "management", "management", 1, 4, 0.9),
		p("9", "management", "leadership", 3, 1, 0.6),
	}
	r := Evaluate(preds, 10)
	if r.Texts != 9 || r.Correct != 5 || !near(r.Accuracy, 5.0/9) || !near(r.Coverage, 8.0/9) || r.Covered != 8 {
		t.Errorf("texts %d correct %d accuracy %v coverage %v", r.Texts, r.Correct, r.Accuracy, r.Coverage)
	}
	if !near(r.MacroF1, 0.625) {
		t.Errorf("macro-F1 %v, want 0.625", r.MacroF1)
	}
	want := []ClassMetrics{
		{Label: "leadership", Support: 5, Predicted: 3, Correct: 2, Precision: 2.0 / 3, Recall: 0.4, F1: 0.5},
		{Label: "management", Support: 4, Predicted: 4, Correct: 3, Precision: 0.75, Recall: 0.75, F1: 0.75},
	}
	for i, c := range r.Classes {
		w := want[i]
		if c.Label != w.Label || c.Support != w.Support || c.Predicted != w.Predicted || c.Correct != w.Correct ||
			!near(c.Precision, w.Precision) || !near(c.Recall, w.Recall) || !near(c.F1, w.F1) {
			t.Errorf("class %+v, want %+v", c, w)
		}
	}
	if fmt.Sprint(r.Confusion) != "[[2 1 1 1] [1 3 0 0]]" {
		t.Errorf("confusion %v", r.Confusion)
	}
	var worst []string
	for _, w := range r.Worst {
		worst = append(worst, w.Location)
	}
	// The other pole first (most confident first), then balanced, then none.
	if strings.Join(worst, " ") != "3 9 4 5" {
		t.Errorf("worst %v, want 3 9 4 5", worst)
	}
	if len(Evaluate(preds, 2).Worst) != 2 {
		t.Error("worst is not limited")
	}
}

func TestEvaluateEmptyAndOneSided(t *testing.T) {
	r := Evaluate(nil, 5)
	if r.Accuracy != 0 || r.MacroF1 != 0 || r.Coverage != 0 || len(r.Worst) != 0 {
		t.Errorf("empty report %+v", r)
	}
	// Nothing predicted management: its precision is 0, not NaN.
	r = Evaluate([]Prediction{{Gold: "management", Predicted: "none"}, {Gold: "leadership", Predicted: "leadership", Leadership: 2}}, 5)
	if r.Classes[1].Precision != 0 || r.Classes[1].F1 != 0 || !near(r.MacroF1, 0.5) {
		t.Errorf("classes %+v macro %v", r.Classes, r.MacroF1)
	}
}

func TestPredict(t *testing.T) {
	lex, err := lexicon.Load("../testdata/lexicons/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	an := pipeline.NewAnalyzer(lex, pipeline.DefaultLabels)
	ex := []Example{
		{Label: "leadership", Text: "We inspire people and set a vision.", Source: "x.tsv", Line: 2},
		{Label: "management", Text: "We keep to the budget and the deadline.", Source: "x.tsv", Line: 3},
		{Label: "management", Text: "Nothing to see.", Source: "x.tsv", Line: 4},
	}
	preds, err := Predict(context.Background(), an, ex)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join([]string{preds[0].Predicted, preds[1].Predicted, preds[2].Predicted, preds[0].Location}, " ")
	if got != "leadership management none x.tsv:2" {
		t.Errorf("predictions %s", got)
	}
	if preds[1].Management != 2 || preds[0].Leadership != 2 {
		t.Errorf("hits %+v %+v", preds[0], preds[1])
	}
	_, err = Predict(context.Background(), an, []Example{{Label: "balanced", Text: "x", Source: "x.tsv", Line: 7}})
	if err == nil || !strings.Contains(err.Error(), `x.tsv:7: label "balanced": expected leadership or management`) {
		t.Errorf("err = %v", err)
	}
}

func TestParseTSV(t *testing.T) {
	ex, err := ParseTSV("x.tsv", strings.NewReader("\uFEFFid\ttext\tLabel\r\n1\tWe inspire.\tLeadership\r\n\n2\tBudgets.\tmanagement\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ex) != 2 || ex[0] != (Example{Label: "leadership", Text: "We inspire.", Source: "x.tsv", Line: 2}) || ex[1].Line != 4 {
		t.Errorf("examples %+v", ex)
	}
	for _, tc := range []struct{ src, want string }{
		{"", "x.tsv: file is empty"},
		{"label,text\n", "x.tsv:1: header \"label,text\": expected tab-separated columns named label and text"},
		{"label\ttext\nleadership\tok\nmanagement\ttoo\tmany\n", "x.tsv:3: 3 fields, expected 2"},
		{"label\ttext\n\tno label\n", "x.tsv:2: empty label"},
	} {
		_, err := ParseTSV("x.tsv", strings.NewReader(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestParseTSVSplit(t *testing.T) {
	in := "split\tlabel\ttext\tsource\n" +
		"dev\tleadership\tInspire people.\ta\n" +
		"HELDOUT\tmanagement\tKeep the budget.\tb\n" +
		"dev\tmanagement\tCheck the rota.\tc\n"
	ex, err := ParseTSV("s.tsv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		split string
		lines []int
		err   string
	}{
		{"dev", []int{2, 4}, ""},
		{"heldout", []int{3}, ""},
		{"Dev", []int{2, 4}, ""},
		{"test", nil, `split "test": no row has it; the set's splits are dev, heldout`},
	} {
		got, err := FilterSplit(ex, tc.split)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: error %v, want %q", tc.split, err, tc.err)
			}
			continue
		}
		var lines []int
		for _, e := range got {
			lines = append(lines, e.Line)
		}
		if err != nil || fmt.Sprint(lines) != fmt.Sprint(tc.lines) {
			t.Errorf("%s: lines %v err %v, want %v", tc.split, lines, err, tc.lines)
		}
	}
	plain, err := ParseTSV("p.tsv", strings.NewReader("label\ttext\nleadership\tInspire.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := FilterSplit(plain, "dev"); err == nil || !strings.Contains(err.Error(), "has no split column") {
		t.Errorf("no split column: %v", err)
	}
}
