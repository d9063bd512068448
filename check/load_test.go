package check

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseSamplePolicy(t *testing.T) {
	p, err := Load(filepath.Join(sampleDir, ".leadlex.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Rules.MinWords != 40 || len(p.Exclude) != 1 || p.Exclude[0] != "jobs/drafts/**" {
		t.Errorf("min_words %d, exclude %q", p.Rules.MinWords, p.Exclude)
	}
	if got := len(p.Rules.Thresholds); got != 3 {
		t.Fatalf("%d thresholds, want 3", got)
	}
	bal := p.Rules.Thresholds[0]
	if bal.ID != "threshold/balance" || bal.Min == nil || *bal.Min != -0.2 || bal.Max != nil || bal.Severity != Error {
		t.Errorf("balance threshold %+v", bal)
	}
	req := p.Rules.Requires[0]
	if req.ID != "require/direction-or-people" || strings.Join(req.AnyOf, ",") != "vision,people" || req.Pole != "leadership" || req.MinHits != 1 {
		t.Errorf("require %+v", req)
	}
	var ids []string
	for _, f := range p.Rules.Flags {
		ids = append(ids, f.ID)
	}
	if got := strings.Join(ids, " "); got != "flag/micromanage flag/strict-supervision flag/rockstar flag/zero-tolerance" {
		t.Errorf("flag ids %s", got)
	}
	if f := p.Rules.Flags[0]; strings.Join(f.Suggest, "|") != "coach|support" || f.Severity != Error {
		t.Errorf("micromanage flag %+v", f)
	}
	if len(p.Overrides) != 2 || p.Overrides[1].Severity["threshold/leadership_per_1k"] != Info {
		t.Errorf("overrides %+v", p.Overrides)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, policy string
		line         int
		want         string
	}{
		{"empty", "  \n", 0, "file is empty"},
		{"bad yaml", "min_words: 3\nthresholds:\n  balance: x\n    min: 2\n", 4, "invalid YAML: mapping values are not allowed"},
		{"not a mapping", "- a\n- b\n", 1, "policy: expected a mapping"},
		{"alias", "flag: &f [micromanage]\noverrides:\n  - paths: '**'\n    flag: *f\n", 4, "aliases are not supported (*f)"},
		{"unknown top field", "flags:\n  - micromanage\n", 1, `unknown field "flags"; expected one of exclude, flag, lexicon`},
		{"wrong version", "version: 2\n", 1, "policy version 1"},
		{"unknown metric", "thresholds:\n  balanse: {min: 0}\n", 2, `thresholds: unknown field "balanse"; expected one of balance, balance_percentile, leadership_per_1k, leadership_percentile, management_per_1k`},
		{"min not a number", "thresholds:\n  balance:\n    min: low\n", 3, `balance.min: expected a number, got "low"`},
		{"balance out of range", "thresholds:\n  balance: {min: -2}\n", 2, "between -1 and 1"},
		{"min above max", "thresholds:\n  management_per_1k: {min: 50, max: 10}\n", 2, "min 50 is above max 10"},
		{"bad severity", "thresholds:\n  balance: {min: 0, severity: fatal}\n", 2, `severity "fatal": want error, warning, info or off`},
		{"require without any_of", "require:\n  - pole: leadership\n", 2, "missing required field any_of"},
		{"require bad pole", "require:\n  - any_of: vision\n    pole: both\n", 3, `require.pole: expected leadership, management or any`},
		{"require zero hits", "require:\n  - any_of: vision\n    min_hits: 0\n", 3, "expected a number above 0"},
		{"flag without term", "flag:\n  - message: hi\n", 2, "missing required field term"},
		{"flag duplicate id", "flag:\n  - micromanage\n  - term: micro-manage\n    id: micromanage\n", 3, "rule flag/micromanage is already defined on line 2"},
		{"flag exact not bool", "flag:\n  - term: a b\n    exact: maybe\n", 3, "flag.exact: expected true or false"},
		{"override without paths", "overrides:\n  - thresholds: {balance: {min: 0}}\n", 2, "missing required field paths"},
		{"override bad glob", "overrides:\n  - paths: ['jobs/[a']\n", 2, `"jobs/[a" is not a valid glob`},
		{"override unknown rule", "flag: [micromanage]\noverrides:\n  - paths: '**'\n    severity: {flag/micro: off}\n", 4, `no rule "flag/micro" in this policy; rules: flag/micromanage`},
		{"min_words negative", "min_words: -3\n", 1, "min_words: expected a whole number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("team/.leadlex.yaml", []byte(tt.policy))
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *PolicyError", err)
			}
			if pe.File != "team/.leadlex.yaml" || pe.Line != tt.line {
				t.Errorf("at %s:%d, want line %d (%v)", pe.File, pe.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if tt.line > 0 && !strings.HasPrefix(err.Error(), "team/.leadlex.yaml:") {
				t.Errorf("error %q does not start with file:line", err)
			}
		})
	}
}

func TestNewChecksPolicyAgainstLexicon(t *testing.T) {
	tests := []struct {
		name, policy string
		line         int
		want         string
	}{
		{"unknown dimension", "require:\n  - any_of: [vision, poeple]\n", 2, `unknown dimension "poeple"; the lexicon has vision,`},
		{"unknown dimension in override", "overrides:\n  - paths: '**'\n    require:\n      - any_of: culturee\n", 4, `unknown dimension "culturee"`},
		{"same stems twice", "flag:\n  - micromanage\n  - term: micromanaging\n    message: again\n", 3, `flagged term "micromanaging" duplicates "micromanage"`},
		{"bad wildcard", "flag:\n  - term: 'rock*star'\n", 2, "'*' may only end a word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("team/.leadlex.yaml", []byte(tt.policy))
			if err != nil {
				t.Fatal(err)
			}
			_, err = New(p, defaultAnalyzer)
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *PolicyError", err)
			}
			if pe.Line != tt.line || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q at line %d, want %q at line %d", err, pe.Line, tt.want, tt.line)
			}
		})
	}
}

func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || strings.HasPrefix(got, root) {
		t.Fatalf("no policy yet: got %q, %v", got, err)
	}
	if err := os.WriteFile(filepath.Join(root, "a", ".leadlex.yml"), []byte("min_words: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(deep); got != filepath.Join(root, "a", ".leadlex.yml") {
		t.Errorf("found %q, want a/.leadlex.yml", got)
	}
	if err := os.WriteFile(filepath.Join(root, "a", "b", ".leadlex.yaml"), []byte("min_words: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(deep); got != filepath.Join(root, "a", "b", ".leadlex.yaml") {
		t.Errorf("found %q, want the nearest, a/b/.leadlex.yaml", got)
	}
}
