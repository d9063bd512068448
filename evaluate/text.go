package evaluate

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/leadlex/leadlex/results"
)

// WriteText writes the report as aligned text: accuracy, macro-F1 and
// coverage, the per-class table, the confusion matrix and the worst
// misclassified texts with their terms.
func (r *Report) WriteText(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "accuracy\t%.3f\t(%d of %d right)\n", r.Accuracy, r.Correct, r.Texts)
	fmt.Fprintf(tw, "macro-F1\t%.3f\t(mean F1 of the two classes)\n", r.MacroF1)
	fmt.Fprintf(tw, "coverage\t%.3f\t(%d of %d texts with a hit)\n", r.Coverage, r.Covered, r.Texts)
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "class\tprecision\trecall\tF1\tsupport\t")
	for _, c := range r.Classes {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t\n", c.Label, c.Precision, c.Recall, c.F1, c.Support)
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "gold \\ predicted\t%s\t\n", strings.Join(r.Outcomes, "\t"))
	for g, label := range Classes {
		cells := make([]string, len(r.Outcomes))
		for o, n := range r.Confusion[g] {
			cells[o] = fmt.Sprint(n)
		}
		fmt.Fprintf(tw, "%s\t%s\t\n", label, strings.Join(cells, "\t"))
	}
	tw.Flush()
	if len(r.Worst) == 0 {
		return
	}
	fmt.Fprintf(w, "\nworst misclassified (%d shown)\n", len(r.Worst))
	for _, p := range r.Worst {
		var terms []string
		for _, t := range p.TopTerms {
			sign := "+L"
			if t.Pole == results.LabelManagement {
				sign = "+M"
			}
			terms = append(terms, fmt.Sprintf("%s %s", t.Term, sign))
		}
		fmt.Fprintf(w, "%s  gold %s, got %s (L %g, M %g, negated %g, confidence %.2f)\n    %s\n",
			p.Location, p.Gold, p.Predicted, p.Leadership, p.Management, p.Negated, p.Confidence, ellipsis(p.Text, 160))
		if len(terms) > 0 {
			fmt.Fprintf(w, "    terms: %s\n", strings.Join(terms, ", "))
		}
	}
}

// ellipsis shortens s to about n bytes at a space.
func ellipsis(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		for cut = n; !utf8.RuneStart(s[cut]); cut-- {
		}
	}
	return s[:cut] + " …"
}
