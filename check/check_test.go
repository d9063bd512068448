package check

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// sampleDir holds the sample policy and job descriptions of docs/CHECK.md.
const sampleDir = "../testdata/check"

var defaultAnalyzer = pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)

// newChecker parses a policy given as text, as if it were the file
// dir/.leadlex.yaml, and builds a checker with the default lexicon.
func newChecker(t *testing.T, dir, policy string) *Checker {
	t.Helper()
	p, err := Parse(filepath.Join(dir, ".leadlex.yaml"), []byte(policy))
	if err != nil {
		t.Fatalf("parse policy: %v", err)
	}
	c, err := New(p, defaultAnalyzer)
	if err != nil {
		t.Fatalf("new checker: %v", err)
	}
	return c
}

// checkText checks one in-memory text as the file dir/name.
func checkText(t *testing.T, c *Checker, name, text string) []Finding {
	t.Helper()
	d := c.Check(corpus.Doc{ID: name, Path: filepath.Join(c.policy.Dir, name), Format: "txt", Text: text, Status: corpus.OK})
	if d.Status != corpus.OK {
		t.Fatalf("status %s: %s", d.Status, d.Reason)
	}
	return d.Findings
}

// sampleReport checks the sample folder with its policy, as
// `leadlex check testdata/check` does.
func sampleReport(t *testing.T) *Report {
	t.Helper()
	c := sampleChecker(t)
	p := c.Policy()
	rep := &Report{Tool: Tool{Name: "leadlex", Version: "test", InformationURI: "https://github.com/leadlex/leadlex"}, Rules: p.RuleInfos()}
	docs, err := c.Run(context.Background(), corpus.Walk(context.Background(), []string{sampleDir}, corpus.Options{StreamAbove: -1, Positions: true}), 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Status == corpus.OK {
			rep.Files++
			rep.Findings = append(rep.Findings, d.Findings...)
		}
	}
	return rep
}

func findRule(fs []Finding, rule string) *Finding {
	for i := range fs {
		if fs[i].Rule == rule {
			return &fs[i]
		}
	}
	return nil
}

func rules(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Rule
	}
	return out
}

// TestRunSameForAnyWorkers holds that the pool hands documents back in
// input order: any number of workers gives the same documents and findings.
func TestRunSameForAnyWorkers(t *testing.T) {
	c := sampleChecker(t)
	var first []Document
	for _, workers := range []int{1, 2, 5} {
		docs, err := c.Run(context.Background(), corpus.Walk(context.Background(), []string{sampleDir}, corpus.Options{StreamAbove: -1, Positions: true}), workers)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = docs
			if len(docs) < 5 {
				t.Fatalf("%d documents: want the sample's", len(docs))
			}
			continue
		}
		if !reflect.DeepEqual(docs, first) {
			t.Errorf("workers=%d: documents differ from workers=1", workers)
		}
	}
}

// sampleChecker builds the checker of the sample folder's policy.
func sampleChecker(t *testing.T) *Checker {
	t.Helper()
	p, err := Load(filepath.Join(sampleDir, ".leadlex.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(p, defaultAnalyzer)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
