package check

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestRulesDocHasEveryAnchor: every helpUri points at a heading of
// docs/RULES.md (GitHub's slug: lower case, punctuation but - and _ dropped).
func TestRulesDocHasEveryAnchor(t *testing.T) {
	data, err := os.ReadFile("../docs/RULES.md")
	if err != nil {
		t.Fatal(err)
	}
	slugs := map[string]bool{}
	drop := regexp.MustCompile(`[^\p{L}\p{N} _-]`)
	for _, m := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(string(data), -1) {
		slug := strings.ReplaceAll(drop.ReplaceAllString(strings.ToLower(m[1]), ""), " ", "-")
		slugs[slug] = true
	}
	if len(ruleKinds) != 5 {
		t.Errorf("%d rule kinds, want 5", len(ruleKinds))
	}
	for anchor := range ruleKinds {
		if !slugs[anchor] {
			t.Errorf("docs/RULES.md has no heading for #%s (has %v)", anchor, slugs)
		}
	}
	for _, ri := range sampleReport(t).Rules {
		if _, ok := ruleKinds[ri.Anchor]; !ok {
			t.Errorf("rule %s has anchor %q, not a documented kind", ri.ID, ri.Anchor)
		}
	}
}
