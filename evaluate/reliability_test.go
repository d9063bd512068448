package evaluate

import (
	"context"
	"iter"
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// TestCronbachHandComputed checks α and KR-20 on small tables worked out
// by hand (population variances).
//
//	rates   i1 i2 i3 total        binary  i1 i2 i3 total
//	d1       2  4  1     7        d1       1  1  0     2
//	d2       1  2  1     4        d2       1  0  0     1
//	d3       3  5  2    10        d3       1  1  1     3
//	d4       2  1  0     3        d4       0  0  0     0
//
// rates: var(i) = 0.5, 2.5, 0.5 (sum 3.5), var(total) = 7.5,
// α = 3/2 · (1 − 3.5/7.5) = 0.8. binary: p·q = 0.1875, 0.25, 0.1875
// (sum 0.625), var(total) = 1.25, KR-20 = 3/2 · (1 − 0.625/1.25) = 0.75.
func TestCronbachHandComputed(t *testing.T) {
	sums := func(rows [][]float64) (sum, sq []float64, total, totalSq float64) {
		sum, sq = make([]float64, len(rows[0])), make([]float64, len(rows[0]))
		for _, r := range rows {
			var tt float64
			for i, x := range r {
				sum[i] += x
				sq[i] += x * x
				tt += x
			}
			total += tt
			totalSq += tt * tt
		}
		return
	}
	s, q, tot, tq := sums([][]float64{{2, 4, 1}, {1, 2, 1}, {3, 5, 2}, {2, 1, 0}})
	if a, ok := Cronbach(4, s, q, tot, tq); !ok || !near(a, 0.8) {
		t.Errorf("alpha %v %v, want 0.8", a, ok)
	}
	s, q, tot, tq = sums([][]float64{{1, 1, 0}, {1, 0, 0}, {1, 1, 1}, {0, 0, 0}})
	if a, ok := Cronbach(4, s, q, tot, tq); !ok || !near(a, 0.75) {
		t.Errorf("KR-20 %v %v, want 0.75", a, ok)
	}
	if _, ok := Cronbach(4, []float64{1}, []float64{1}, 1, 1); ok {
		t.Error("alpha of one item should be undefined")
	}
	if _, ok := Cronbach(3, []float64{0, 0}, []float64{0, 0}, 0, 0); ok {
		t.Error("alpha without variance should be undefined")
	}
}

const reliabilityLexicon = `name: r
dimensions:
  - name: vision
    entries:
      leadership:
        - {term: inspire, source: s}
        - {term: vision, source: s}
      management:
        - {term: budget, source: s}
`

func docsOf(texts ...string) iter.Seq[corpus.Doc] {
	return func(yield func(corpus.Doc) bool) {
		for i, t := range texts {
			if !yield(corpus.Doc{ID: string(rune('a' + i)), Status: corpus.OK, Text: t}) {
				return
			}
		}
	}
}

// TestReliabilityHandComputed scores four ten-word documents. Leadership
// rates per 1,000 words: inspire 200, 100, 0, 0; vision 100, 0, 300, 0;
// totals 300, 100, 300, 0. var(inspire) = 6875, var(vision) = 15000,
// var(total) = 16875, so α = 2 · (1 − 21875/16875) = −16/27. Binary:
// p·q = 0.25 twice, totals 2, 1, 1, 0 with variance 0.5, KR-20 = 0. Base
// rate 175 per 1,000 words, 3 of 4 documents hit. Management has one
// entry: no α or KR-20; base rate 25, one document of four.
func TestReliabilityHandComputed(t *testing.T) {
	lex, err := lexicon.Parse("r.yaml", []byte(reliabilityLexicon))
	if err != nil {
		t.Fatal(err)
	}
	an := pipeline.NewAnalyzer(lex, pipeline.DefaultLabels)
	rep, err := Reliability(context.Background(), an, docsOf(
		"inspire inspire vision one two three four five six seven",
		"inspire one two three four five six seven eight nine",
		"vision vision vision budget one two three four five six",
		"one two three four five six seven eight nine ten",
		"", // no words: left out
	))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 4 || rep.Skipped != 1 || rep.Words != 40 || len(rep.Poles) != 2 {
		t.Fatalf("report %+v", rep)
	}
	l, m := rep.Poles[0], rep.Poles[1]
	if l.Pole != "leadership" || l.Entries != 2 || l.EntriesHit != 2 || l.Alpha == nil || !near(*l.Alpha, -16.0/27) ||
		l.KR20 == nil || !near(*l.KR20, 0) || !near(l.BaseRate, 175) || !near(l.DocShare, 0.75) {
		t.Errorf("leadership %+v (alpha %v, KR-20 %v)", l, deref64(l.Alpha), deref64(l.KR20))
	}
	if m.Pole != "management" || m.Entries != 1 || m.Alpha != nil || m.KR20 != nil || !near(m.BaseRate, 25) || !near(m.DocShare, 0.25) {
		t.Errorf("management %+v", m)
	}
	if _, err := Reliability(context.Background(), an, docsOf("")); err == nil {
		t.Error("a corpus without words should be an error")
	}
}

func deref64(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
