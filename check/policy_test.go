package check

import (
	"strings"
	"testing"
)

const overridePolicy = `
min_words: 10
thresholds:
  balance: {min: -0.2}
  management_per_1k: {max: 40, severity: warning}
require:
  - any_of: [vision, people]
flag:
  - micromanage
  - term: rockstar*
    severity: warning
overrides:
  - paths: ["jobs/engineering/**"]
    min_words: 0
    thresholds:
      balance: {min: 0.1}
    flag:
      - term: ninja
        severity: info
  - paths: ["jobs/operations/**", "**/*.txt"]
    thresholds:
      management_per_1k: {max: 80, severity: info}
      leadership_per_1k: {min: 2}
    severity:
      require/vision-or-people: off
      flag/rockstar: error
`

func TestPolicyForPath(t *testing.T) {
	c := newChecker(t, t.TempDir(), overridePolicy)
	p := c.Policy()
	describe := func(rs RuleSet) string {
		var parts []string
		for _, th := range rs.Thresholds {
			s := th.ID + ":" + th.Severity.String()
			if th.Min != nil {
				s += " min=" + number(*th.Min, 1)
			}
			if th.Max != nil {
				s += " max=" + number(*th.Max, 1)
			}
			parts = append(parts, s)
		}
		for _, r := range rs.Requires {
			parts = append(parts, r.ID+":"+r.Severity.String())
		}
		for _, f := range rs.Flags {
			parts = append(parts, f.ID+":"+f.Severity.String())
		}
		return strings.Join(parts, ", ")
	}
	tests := []struct {
		rel      string
		minWords int
		want     string
	}{
		{"jobs/sales/rep.md", 10,
			"threshold/balance:error min=−0.2, threshold/management_per_1k:warning max=40.0, require/vision-or-people:error, flag/micromanage:error, flag/rockstar:warning"},
		{"jobs/engineering/backend/lead.md", 0,
			"threshold/balance:error min=0.1, threshold/management_per_1k:warning max=40.0, require/vision-or-people:error, flag/micromanage:error, flag/rockstar:warning, flag/ninja:info"},
		{"jobs/operations/night.md", 10,
			"threshold/balance:error min=−0.2, threshold/management_per_1k:info max=80.0, threshold/leadership_per_1k:error min=2.0, flag/micromanage:error, flag/rockstar:error"},
		{"jobs/engineering/notes.txt", 0, // both overrides, in order
			"threshold/balance:error min=0.1, threshold/management_per_1k:info max=80.0, threshold/leadership_per_1k:error min=2.0, flag/micromanage:error, flag/rockstar:error, flag/ninja:info"},
	}
	for _, tt := range tests {
		rs := p.For(tt.rel)
		if got := describe(rs); got != tt.want || rs.MinWords != tt.minWords {
			t.Errorf("%s:\n got %s (min_words %d)\nwant %s (min_words %d)", tt.rel, got, rs.MinWords, tt.want, tt.minWords)
		}
	}
	if p.Excluded("jobs/a.md") {
		t.Error("nothing is excluded")
	}
}

func TestRuleInfosListEveryRuleOnce(t *testing.T) {
	c := newChecker(t, t.TempDir(), overridePolicy)
	var ids []string
	for _, r := range c.Policy().RuleInfos() {
		if r.Description == "" {
			t.Errorf("%s has no description", r.ID)
		}
		ids = append(ids, r.ID)
	}
	want := "threshold/balance threshold/management_per_1k threshold/leadership_per_1k require/vision-or-people flag/micromanage flag/rockstar flag/ninja"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("rules %s\nwant %s", got, want)
	}
}
