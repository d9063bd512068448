package check

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// FuzzParsePolicy feeds the policy loader arbitrary files: it must not
// panic, and every error, from Parse or from New (which checks the policy
// against the lexicon and compiles its flags), must be a located
// *PolicyError naming the file.
func FuzzParsePolicy(f *testing.F) {
	sample, err := os.ReadFile("../testdata/check/.leadlex.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte("version: 1\nflag:\n  - term: micromanage\n    suggest: coach\n"))
	f.Add([]byte("thresholds: {balance: {min: 2}}\nrequire: [{any_of: [nope]}]\n"))
	f.Add([]byte("overrides:\n  - paths: [\"[\"]\n    severity: {x: fatal}\n"))
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	f.Fuzz(func(t *testing.T, data []byte) {
		located := func(err error) {
			var pe *PolicyError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "p.yaml") {
				t.Fatalf("error without a location: %T %v", err, err)
			}
		}
		pol, err := Parse("p.yaml", data)
		if err != nil {
			located(err)
			return
		}
		if _, err := New(pol, an); err != nil {
			located(err)
		}
		pol.RuleInfos()
		pol.For("jobs/engineering/a.md")
	})
}
