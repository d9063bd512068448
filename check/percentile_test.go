package check

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/pipeline"
)

func TestPercentileThresholds(t *testing.T) {
	dir := t.TempDir()
	policy := "thresholds:\n  balance_percentile: {min: 30}\n"
	p, err := Parse(filepath.Join(dir, ".leadlex.yaml"), []byte(policy))
	if err != nil {
		t.Fatal(err)
	}
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	if _, err := New(p, an); err == nil || !strings.Contains(err.Error(), "pass --norms") {
		t.Fatalf("a percentile threshold without norms: err %v", err)
	}
	an.Norms = &norms.Norms{Name: "job-posts", Metrics: map[string][]float64{
		norms.Balance:         {-1, -0.5, 0, 0.5, 1}, // percentiles 0, 25, 50, 75, 100
		norms.LeadershipPer1k: {0, 10, 20, 30, 40},
		norms.ManagementPer1k: {0, 10, 20, 30, 40},
	}}
	c, err := New(p, an)
	if err != nil {
		t.Fatal(err)
	}
	fs := checkText(t, c, "jobs/a.txt", mgmtText) // balance -1: percentile 0
	f := findRule(fs, "threshold/balance_percentile")
	if f == nil {
		t.Fatalf("no percentile finding in %v", rules(fs))
	}
	if want := "more management-leaning than 100 % of job posts (balance percentile 0, below the policy's 30)"; f.Message != want {
		t.Errorf("message %q, want %q", f.Message, want)
	}
	if fs := checkText(t, c, "jobs/b.txt", leadText); findRule(fs, "threshold/balance_percentile") != nil {
		t.Errorf("a leadership text is above the 30th percentile: %v", rules(fs))
	}
	if _, err := Parse(filepath.Join(dir, ".leadlex.yaml"), []byte("thresholds:\n  leadership_percentile: {max: 120}\n")); err == nil {
		t.Error("a percentile bound above 100 should be refused")
	}
}

// TestReworkNeverNamesASubjectNoun: a text heavy with payroll, invoice and
// stock (subject nouns) and light on ways of working gets advice naming
// the ways of working only.
func TestReworkNeverNamesASubjectNoun(t *testing.T) {
	c := newChecker(t, t.TempDir(), "thresholds:\n  balance: {min: 0}\n")
	text := "Process payroll, payroll and payroll. Check every invoice and invoice. Count the stock and stock. Monitor the budget and enforce the procedure."
	f := findRule(checkText(t, c, "jobs/a.txt", text), "threshold/balance")
	if f == nil {
		t.Fatal("no balance finding")
	}
	for _, noun := range []string{"payroll", "invoice", "stock"} {
		if strings.Contains(f.Suggestion, noun) {
			t.Errorf("suggestion names the subject noun %q: %s", noun, f.Suggestion)
		}
	}
	if !strings.Contains(f.Suggestion, "rework frequent management terms (") {
		t.Errorf("suggestion %q should still name ways of working to rework", f.Suggestion)
	}
}

// TestNoFlagInsideBoilerplate: a flagged term in a benefits sentence raises
// nothing; the same term in the role's wording does.
func TestNoFlagInsideBoilerplate(t *testing.T) {
	c := newChecker(t, t.TempDir(), "flag: [rockstar]\n")
	text := "You will be a rockstar engineer on our team.\n\nWhat we offer: a rockstar pension, dental insurance and 25 days annual leave.\n"
	fs := checkText(t, c, "jobs/a.txt", text)
	var lines []int
	for _, f := range fs {
		if f.Rule == "flag/rockstar" {
			lines = append(lines, f.Line)
		}
	}
	if len(lines) != 1 || lines[0] != 1 {
		t.Errorf("rockstar findings on lines %v, want only line 1 (line 3 is benefits boilerplate)", lines)
	}
}
