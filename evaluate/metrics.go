package evaluate

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// Classes are the gold labels eval accepts, in report order.
var Classes = []string{results.LabelLeadership, results.LabelManagement}

// Outcomes are the labels a prediction can have, in the column order of the
// confusion matrix. balanced and none are never gold labels, so a text
// predicted balanced or none is always a wrong prediction: it lowers
// accuracy and the recall of its gold class, and no class's precision.
var Outcomes = []string{results.LabelLeadership, results.LabelManagement, results.LabelBalanced, results.LabelNone}

// Prediction is the label leadlex gave one labelled text, with the counts
// behind it.
type Prediction struct {
	Location   string              `json:"location"` // file:line of the text
	Gold       string              `json:"gold"`
	Predicted  string              `json:"predicted"`
	Leadership float64             `json:"leadership_hits"`
	Management float64             `json:"management_hits"`
	Negated    float64             `json:"negated_hits"`
	Confidence float64             `json:"confidence"`
	TopTerms   []results.TermCount `json:"top_terms"`
	Text       string              `json:"text"`
}

// Correct reports whether the prediction equals the gold label.
func (p *Prediction) Correct() bool { return p.Predicted == p.Gold }

// Covered reports whether the text had at least one (not negated) hit.
func (p *Prediction) Covered() bool { return p.Leadership+p.Management > 0 }

// Predict scores every example as a document with the analyzer's lexicon
// and label thresholds. Every gold label must be one of Classes.
func Predict(ctx context.Context, an *pipeline.Analyzer, examples []Example) ([]Prediction, error) {
	for _, e := range examples {
		if !slices.Contains(Classes, e.Label) {
			return nil, fmt.Errorf("%s: label %q: expected leadership or management", e.Location(), e.Label)
		}
	}
	sc := pipeline.NewScorer(an)
	out := make([]Prediction, 0, len(examples))
	for _, e := range examples {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r := sc.Score(ctx, corpus.Doc{ID: e.Location(), Status: corpus.OK, Text: e.Text})
		if r.Status != results.StatusOK {
			return nil, fmt.Errorf("%s: %s", e.Location(), deref(r.Error))
		}
		out = append(out, Prediction{
			Location: e.Location(), Gold: e.Label, Predicted: r.Label,
			Leadership: r.LeadershipHits, Management: r.ManagementHits, Negated: r.NegatedHits,
			Confidence: r.Confidence, TopTerms: r.TopTerms, Text: e.Text,
		})
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ClassMetrics are precision, recall and F1 of one gold class.
type ClassMetrics struct {
	Label     string  `json:"label"`
	Support   int     `json:"support"`   // texts with this gold label
	Predicted int     `json:"predicted"` // texts predicted with this label
	Correct   int     `json:"correct"`   // texts with this gold label predicted right
	Precision float64 `json:"precision"` // Correct / Predicted; 0 when nothing was predicted
	Recall    float64 `json:"recall"`    // Correct / Support; 0 when there is no support
	F1        float64 `json:"f1"`        // harmonic mean of precision and recall; 0 when both are 0
}

// Report is the outcome of an evaluation.
type Report struct {
	Texts    int            `json:"texts"`
	Correct  int            `json:"correct"`
	Accuracy float64        `json:"accuracy"` // Correct / Texts
	MacroF1  float64        `json:"macro_f1"` // mean F1 over Classes
	Covered  int            `json:"covered"`  // texts with at least one hit
	Coverage float64        `json:"coverage"` // Covered / Texts
	Classes  []ClassMetrics `json:"classes"`
	// Confusion counts texts by gold label (rows, in Classes order) and
	// predicted label (columns, in Outcomes order).
	Confusion [][]int      `json:"confusion"`
	Outcomes  []string     `json:"outcomes"`
	Worst     []Prediction `json:"worst"` // misclassified texts, worst first
}

// Evaluate computes the metrics of a set of predictions and keeps the
// worst misclassified texts, at most worst of them (see Worst).
func Evaluate(preds []Prediction, worst int) *Report {
	r := &Report{Texts: len(preds), Outcomes: Outcomes, Confusion: make([][]int, len(Classes))}
	for i := range r.Confusion {
		r.Confusion[i] = make([]int, len(Outcomes))
	}
	for _, p := range preds {
		g, o := slices.Index(Classes, p.Gold), slices.Index(Outcomes, p.Predicted)
		if g >= 0 && o >= 0 {
			r.Confusion[g][o]++
		}
		if p.Correct() {
			r.Correct++
		}
		if p.Covered() {
			r.Covered++
		}
	}
	for g, label := range Classes {
		c := ClassMetrics{Label: label, Correct: r.Confusion[g][g]}
		for o := range Outcomes {
			c.Support += r.Confusion[g][o]
		}
		for k := range Classes {
			c.Predicted += r.Confusion[k][g]
		}
		c.Precision = ratio(c.Correct, c.Predicted)
		c.Recall = ratio(c.Correct, c.Support)
		if c.Precision+c.Recall > 0 {
			c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
		}
		r.MacroF1 += c.F1 / float64(len(Classes))
		r.Classes = append(r.Classes, c)
	}
	r.Accuracy = ratio(r.Correct, r.Texts)
	r.Coverage = ratio(r.Covered, r.Texts)
	r.Worst = Worst(preds, worst)
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Worst returns up to n misclassified predictions, worst first: texts given
// the other pole (most confident first), then texts labelled balanced
// (most hits on the wrong side first), then texts labelled none (most
// hits first). Ties keep input order.
func Worst(preds []Prediction, n int) []Prediction {
	var wrong []Prediction
	for _, p := range preds {
		if !p.Correct() {
			wrong = append(wrong, p)
		}
	}
	rank := func(p *Prediction) int {
		switch p.Predicted {
		case results.LabelBalanced:
			return 1
		case results.LabelNone:
			return 2
		}
		return 0
	}
	slices.SortStableFunc(wrong, func(a, b Prediction) int {
		if c := cmp.Compare(rank(&a), rank(&b)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Confidence, a.Confidence); c != 0 && rank(&a) == 0 {
			return c
		}
		if c := cmp.Compare(b.against(), a.against()); c != 0 {
			return c
		}
		return cmp.Compare(b.Leadership+b.Management, a.Leadership+a.Management)
	})
	return wrong[:min(n, len(wrong))]
}

// against is the weighted hits for the wrong pole minus those for the gold one.
func (p *Prediction) against() float64 {
	if p.Gold == results.LabelLeadership {
		return p.Management - p.Leadership
	}
	return p.Leadership - p.Management
}
