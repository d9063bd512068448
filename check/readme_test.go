package check

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEPolicyExample keeps the complete policy example of
// docs/CHECK.md (moved there from the README) valid.
func TestREADMEPolicyExample(t *testing.T) {
	data, err := os.ReadFile("../docs/CHECK.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "```yaml\n# .leadlex.yaml\n")
	if !ok {
		t.Fatal("docs/CHECK.md has no policy example starting with # .leadlex.yaml")
	}
	example, _, _ := strings.Cut(rest, "```")
	p, err := Parse("docs/CHECK.md", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(p, defaultAnalyzer); err != nil {
		t.Fatal(err)
	}
	if len(p.Rules.Thresholds) != 3 || len(p.Rules.Requires) != 1 || len(p.Rules.Flags) != 4 || len(p.Overrides) != 2 {
		t.Errorf("example has %d thresholds, %d requirements, %d flags, %d overrides",
			len(p.Rules.Thresholds), len(p.Rules.Requires), len(p.Rules.Flags), len(p.Overrides))
	}
	rs := p.For("jobs/operations/night.md")
	for _, f := range rs.Flags {
		if f.ID == "flag/rockstar" {
			t.Error("flag/rockstar is off for jobs/operations")
		}
	}
	if !p.Excluded("jobs/drafts/x.md") || p.Excluded("jobs/x.md") {
		t.Error("exclude globs")
	}
}
