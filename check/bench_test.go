package check

import (
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/corpusgen"
)

// BenchmarkCheck checks generated documents with the sample policy, once
// as they are (no flagged term: the flag pass is skipped) and once with a
// flagged term in every document (the flag pass runs).
func BenchmarkCheck(b *testing.B) {
	g := corpusgen.New(corpusgen.Options{Seed: 7})
	var texts []string
	var size int64
	for range 200 {
		d := g.Next()
		texts = append(texts, d.Text)
		size += int64(len(d.Text))
	}
	p, err := Load(sampleDir + "/.leadlex.yaml")
	if err != nil {
		b.Fatal(err)
	}
	c, err := New(p, defaultAnalyzer)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name   string
		suffix string
	}{{"no-flagged-terms", ""}, {"flagged-term-in-each", "\nPlease do not be a rockstar.\n"}} {
		b.Run(bc.name, func(b *testing.B) {
			sc := c.newScorers()
			b.SetBytes(size)
			for b.Loop() {
				for _, t := range texts {
					c.check(sc, corpus.Doc{ID: "jobs/a.txt", Path: "jobs/a.txt", Format: "txt", Status: corpus.OK, Text: t + bc.suffix})
				}
			}
			b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
