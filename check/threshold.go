package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/leadlex/leadlex/results"
)

// threshold checks one document metric against its bounds. A document
// with no hits has no balance, so the balance rule does not judge it (a
// minimum on leadership_per_1k does).
func (c *Checker) threshold(t Threshold, r *results.Result) (Finding, bool) {
	var v float64
	switch t.Metric {
	case MetricBalance:
		if r.Balance == nil {
			return Finding{}, false
		}
		v = *r.Balance
	case MetricLeadershipPer1k:
		v = r.LeadershipPer1k
	case MetricManagementPer1k:
		v = r.ManagementPer1k
	case MetricBalancePercentile:
		if r.BalancePercentile == nil {
			return Finding{}, false
		}
		v = *r.BalancePercentile
	case MetricLeadershipPercentile:
		if r.LeadershipPercentile == nil {
			return Finding{}, false
		}
		v = *r.LeadershipPercentile
	}
	f := Finding{Rule: t.ID, Severity: t.Severity}
	digits := 1
	switch {
	case t.Metric == MetricBalance:
		digits = 2
	case isPercentile(t.Metric):
		digits = 0
	}
	// Compare at the precision shown, so a message never reads "0.20 is below 0.20".
	shown := roundTo(v, digits)
	var low bool
	var bound float64
	switch {
	case t.Min != nil && shown < roundTo(*t.Min, digits):
		low, bound = true, *t.Min
	case t.Max != nil && shown > roundTo(*t.Max, digits):
		low, bound = false, *t.Max
	default:
		return Finding{}, false
	}
	side := "above"
	if low {
		side = "below"
	}
	lead, mgmt := number(r.LeadershipHits, 1), number(r.ManagementHits, 1)
	switch t.Metric {
	case MetricBalance:
		f.Message = fmt.Sprintf("balance %s is %s the policy's %s (leadership %s, management %s weighted hits)",
			number(v, 2), side, number(bound, 2), lead, mgmt)
	case MetricLeadershipPer1k:
		f.Message = fmt.Sprintf("leadership wording is %s hits per 1,000 words, %s the policy's %s (%s hits in %d words)",
			number(v, 1), side, number(bound, 1), lead, r.ScoredWords)
	case MetricManagementPer1k:
		f.Message = fmt.Sprintf("management wording is %s hits per 1,000 words, %s the policy's %s (%s hits in %d words)",
			number(v, 1), side, number(bound, 1), mgmt, r.ScoredWords)
	case MetricBalancePercentile, MetricLeadershipPercentile:
		f.Message = c.percentileMessage(t.Metric, v, side, bound)
	}
	// Too little leadership or too much management wording: name the
	// management terms to cut and the dimensions with no leadership
	// wording yet; the other way round for the opposite bounds.
	wantLead := low == (t.Metric != MetricManagementPer1k)
	f.Suggestion = c.advice(r, wantLead)
	return f, true
}

// advice suggests what to change: when more leadership wording is wanted,
// the most frequent management terms and the dimensions without any
// leadership hit; otherwise the most frequent leadership terms.
func (c *Checker) advice(r *results.Result, wantLead bool) string {
	cut, add := "management", "leadership"
	if !wantLead {
		cut, add = "leadership", "management"
	}
	var parts []string
	var top []string
	for _, tc := range r.TopTerms {
		if tc.Pole == cut && len(top) < 3 && !c.isSubject(tc) {
			top = append(top, fmt.Sprintf("%s ×%d", tc.Term, tc.Count))
		}
	}
	if len(top) > 0 {
		parts = append(parts, fmt.Sprintf("rework frequent %s terms (%s)", cut, strings.Join(top, ", ")))
	}
	var missing []string
	for _, d := range r.Dimensions {
		hits := d.Leadership
		if !wantLead {
			hits = d.Management
		}
		if hits == 0 {
			missing = append(missing, d.Name)
		}
	}
	if len(missing) > 0 && len(missing) < len(r.Dimensions) {
		parts = append(parts, fmt.Sprintf("add %s wording (none yet on %s)", add, strings.Join(missing, ", ")))
	} else {
		parts = append(parts, fmt.Sprintf("add %s wording", add))
	}
	return strings.Join(parts, "; ")
}

func roundTo(v float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}

// number formats v with the given decimals and a true minus sign (−).
func number(v float64, digits int) string {
	s := fmt.Sprintf("%.*f", digits, roundTo(v, digits))
	if s == fmt.Sprintf("-%.*f", digits, 0.0) {
		s = s[1:]
	}
	if strings.HasPrefix(s, "-") {
		return "−" + s[1:]
	}
	return s
}

// percentileMessage says where a document stands among the genre's:
// "more management-leaning than 78 % of job posts (balance percentile 22,
// below the policy's 30)".
func (c *Checker) percentileMessage(metric string, v float64, side string, bound float64) string {
	genre := strings.ReplaceAll(c.an.Norms.Name, "-", " ")
	pct := fmt.Sprintf("%s percentile %s, %s the policy's %s", strings.TrimSuffix(metric, "_percentile"), number(v, 0), side, number(bound, 0))
	if metric == MetricBalancePercentile {
		if side == "below" {
			return fmt.Sprintf("more management-leaning than %s %% of %s (%s)", number(100-v, 0), genre, pct)
		}
		return fmt.Sprintf("more leadership-leaning than %s %% of %s (%s)", number(v, 0), genre, pct)
	}
	if side == "below" {
		return fmt.Sprintf("less leadership wording than %s %% of %s (%s)", number(100-v, 0), genre, pct)
	}
	return fmt.Sprintf("more leadership wording than %s %% of %s (%s)", number(v, 0), genre, pct)
}

// isSubject reports whether a top term is a subject noun of the lexicon
// (payroll, stock): it names what the work is about, and rewording a job's
// subject away is no advice, so advice never names one.
func (c *Checker) isSubject(tc results.TermCount) bool {
	for _, e := range c.an.Lexicon().Lookup(tc.Term) {
		if e.Subject && e.Dimension == tc.Dimension {
			return true
		}
	}
	return false
}
