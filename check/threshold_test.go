package check

import (
	"strings"
	"testing"
)

// mgmtText is management wording only; leadText leadership wording only.
const (
	mgmtText = "Monitor the budget, track every deadline and enforce the procedure. Keep accurate records and file the weekly status report on schedule."
	leadText = "Inspire the team with a compelling vision, coach people to grow, and take bold risks on new ideas that shape our culture."
)

func TestThresholdBalanceMessageNamesFigures(t *testing.T) {
	c := newChecker(t, t.TempDir(), "thresholds:\n  balance: {min: -0.2}\n")
	fs := checkText(t, c, "jobs/a.txt", mgmtText)
	f := findRule(fs, "threshold/balance")
	if f == nil {
		t.Fatalf("no balance finding in %v", rules(fs))
	}
	if !strings.HasPrefix(f.Message, "balance −1.00 is below the policy's −0.20 (leadership 0.0, management ") {
		t.Errorf("message %q", f.Message)
	}
	if f.Line != 1 || f.Column != 1 || f.Match != "" || f.Severity != Error {
		t.Errorf("document-level finding %+v", f)
	}
	if !strings.Contains(f.Suggestion, "rework frequent management terms (") || !strings.Contains(f.Suggestion, "add leadership wording") {
		t.Errorf("suggestion %q", f.Suggestion)
	}
	if fs := checkText(t, c, "jobs/b.txt", leadText); len(fs) != 0 {
		t.Errorf("leadership text: %v", rules(fs))
	}
	if fs := checkText(t, c, "jobs/c.txt", "The office is on the second floor."); len(fs) != 0 {
		t.Errorf("a text without hits has no balance to judge: %v", rules(fs))
	}
}

func TestThresholdBounds(t *testing.T) {
	tests := []struct {
		name, policy, text string
		want               string // message prefix; "" for no finding
	}{
		{"management max", "thresholds:\n  management_per_1k: {max: 40, severity: warning}\n", mgmtText,
			"management wording is "},
		{"management max met", "thresholds:\n  management_per_1k: {max: 600}\n", mgmtText, ""},
		{"leadership min", "thresholds:\n  leadership_per_1k: {min: 5}\n", mgmtText,
			"leadership wording is 0.0 hits per 1,000 words, below the policy's 5.0 (0.0 hits in 21 words)"},
		{"leadership min met", "thresholds:\n  leadership_per_1k: {min: 5}\n", leadText, ""},
		{"balance max", "thresholds:\n  balance: {max: 0.5}\n", leadText, "balance 0.90 is above the policy's 0.50 (leadership 7.5, management 0.4"},
		{"min_words spares short texts", "min_words: 50\nthresholds:\n  leadership_per_1k: {min: 5}\n", mgmtText, ""},
		{"off", "thresholds:\n  leadership_per_1k: {min: 5, severity: off}\n", mgmtText, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, t.TempDir(), tt.policy)
			fs := checkText(t, c, "a.txt", tt.text)
			if tt.want == "" {
				if len(fs) != 0 {
					t.Errorf("want no finding, got %v: %s", rules(fs), fs[0].Message)
				}
				return
			}
			if len(fs) != 1 || !strings.HasPrefix(fs[0].Message, tt.want) {
				t.Fatalf("got %+v, want one finding starting %q", fs, tt.want)
			}
		})
	}
}

func TestThresholdComparesAtShownPrecision(t *testing.T) {
	// A balance of -0.2004 shows as −0.20 and is not "below −0.20".
	c := newChecker(t, t.TempDir(), "thresholds:\n  balance: {min: -0.2}\n")
	min := -0.2
	f, ok := c.threshold(Threshold{ID: "threshold/balance", Metric: MetricBalance, Min: &min, Severity: Error}, resultWithBalance(-0.2004))
	if ok {
		t.Errorf("flagged %q", f.Message)
	}
	if _, ok := c.threshold(Threshold{ID: "threshold/balance", Metric: MetricBalance, Min: &min, Severity: Error}, resultWithBalance(-0.21)); !ok {
		t.Error("-0.21 is below -0.20")
	}
}

func TestNumberUsesMinusSign(t *testing.T) {
	for v, want := range map[float64]string{-0.62: "−0.62", 0.2: "0.20", -0.0001: "0.00", 0: "0.00"} {
		if got := number(v, 2); got != want {
			t.Errorf("number(%g) = %q, want %q", v, got, want)
		}
	}
}
