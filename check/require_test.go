package check

import (
	"strings"
	"testing"

	"github.com/leadlex/leadlex/results"
)

func resultWithBalance(b float64) *results.Result { return &results.Result{Balance: &b} }

func TestRequireDimensions(t *testing.T) {
	policy := `
require:
  - any_of: [vision, people]
    message: Say where the role is going or how it grows people.
  - id: culture
    any_of: culture
    pole: any
    min_hits: 2
    severity: warning
`
	c := newChecker(t, t.TempDir(), policy)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"neither", "The office is on the second floor, next to a small kitchen.", []string{"require/culture", "require/vision-or-people"}},
		{"management culture counts for pole any", mgmtText, []string{"require/vision-or-people"}},
		{"vision and culture", "Set the direction for the product, shape a culture of openness and build a culture of learning.", nil},
		{"people only", "Mentor engineers and coach them as they grow into new roles.", []string{"require/culture"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := checkText(t, c, "a.txt", tt.text)
			if got := strings.Join(rules(fs), " "); got != strings.Join(tt.want, " ") {
				t.Errorf("rules %q, want %q", got, tt.want)
			}
		})
	}
	fs := checkText(t, c, "a.txt", mgmtText)
	f := findRule(fs, "require/vision-or-people")
	if f == nil {
		t.Fatalf("no vision-or-people finding in %v", rules(fs))
	}
	want := "Say where the role is going or how it grows people (leadership hits: vision 0.0, people 0.0; the policy asks for at least 1.0)"
	if f.Message != want || f.Severity != Error {
		t.Errorf("message %q\nwant    %q", f.Message, want)
	}
	if !strings.HasPrefix(f.Suggestion, "vision: ") || !strings.Contains(f.Suggestion, "; people: ") {
		t.Errorf("suggestion %q should describe each dimension's leadership pole", f.Suggestion)
	}
	fs = checkText(t, c, "a.txt", "The office is on the second floor, next to a small kitchen.")
	if f := findRule(fs, "require/culture"); f == nil || f.Severity != Warning || !strings.HasPrefix(f.Message, "says too little about culture (leadership or management hits: culture 0.0; the policy asks for at least 2.0)") {
		t.Errorf("culture finding %+v", f)
	}
}
