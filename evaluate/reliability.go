package evaluate

import (
	"context"
	"fmt"
	"io"
	"iter"
	"math"
	"text/tabwriter"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// PoleReliability is the internal consistency and base rate of one pole of
// one dimension over a corpus, with the pole's entries as the items of a
// scale, as LIWC's Dictionary Workbench reports them for its categories.
type PoleReliability struct {
	Dimension  string `json:"dimension"`
	Pole       string `json:"pole"`
	Entries    int    `json:"entries"`     // items: the pole's entries (context-rule phrases included)
	EntriesHit int    `json:"entries_hit"` // entries hit in at least one document
	// Alpha is Cronbach's α over the entries' rates (hits per 1,000 words)
	// per document; KR20 is Kuder-Richardson 20 over whether each entry
	// occurs in a document. Both are null when undefined (fewer than two
	// entries, or no variance in the documents' totals).
	Alpha *float64 `json:"alpha"`
	KR20  *float64 `json:"kr20"`
	// BaseRate is the mean over documents of the pole's hits per 1,000
	// words (unweighted, negated hits left out); DocShare is the share of
	// documents with at least one hit.
	BaseRate float64 `json:"base_rate_per_1k"`
	DocShare float64 `json:"doc_share"`
}

// ReliabilityReport is the reliability of every dimension and pole of a
// lexicon over one corpus.
type ReliabilityReport struct {
	Documents int               `json:"documents"` // scored documents with at least one word
	Skipped   int               `json:"skipped"`   // documents not scored (skipped, failed, empty)
	Words     int64             `json:"words"`
	Poles     []PoleReliability `json:"poles"`
}

// scaleAccumulator keeps the running sums Cronbach's α and KR-20 need for
// one scale, so that a corpus of any size is one pass in O(entries) memory.
type scaleAccumulator struct {
	items            []int // entry indexes
	sum, sq          []float64
	bsum             []float64 // documents in which the item occurs
	total, totalSq   float64   // of the scale's total rate per document
	btotal, btotalSq float64   // of the number of items occurring per document
	rateSum          float64
	docsWithHit      int
}

func (a *scaleAccumulator) add(counts []int32, words int) {
	var total, btotal float64
	for k, i := range a.items {
		x := float64(counts[i]) * 1000 / float64(words)
		a.sum[k] += x
		a.sq[k] += x * x
		total += x
		if counts[i] > 0 {
			a.bsum[k]++
			btotal++
		}
	}
	a.total += total
	a.totalSq += total * total
	a.btotal += btotal
	a.btotalSq += btotal * btotal
	a.rateSum += total
	if btotal > 0 {
		a.docsWithHit++
	}
}

// Cronbach computes α = k/(k-1) · (1 − Σ var(item) / var(total)) from the
// sums over n documents of each item (sum, sq) and of the totals; variances
// are population variances. ok is false when α is undefined.
func Cronbach(n int, sum, sq []float64, total, totalSq float64) (alpha float64, ok bool) {
	k := len(sum)
	if k < 2 || n < 2 {
		return 0, false
	}
	variance := func(s, q float64) float64 {
		m := s / float64(n)
		return math.Max(0, q/float64(n)-m*m)
	}
	vt := variance(total, totalSq)
	if vt <= 1e-12 {
		return 0, false
	}
	var vi float64
	for i := range sum {
		vi += variance(sum[i], sq[i])
	}
	return float64(k) / float64(k-1) * (1 - vi/vt), true
}

// result turns the sums into the figures of one pole over n documents.
func (a *scaleAccumulator) result(n int) (alpha, kr20 *float64, hit int) {
	if v, ok := Cronbach(n, a.sum, a.sq, a.total, a.totalSq); ok {
		alpha = &v
	}
	// KR-20 is α on items scored 0 or 1: an item's sum of squares is its sum.
	if v, ok := Cronbach(n, a.bsum, a.bsum, a.btotal, a.btotalSq); ok {
		kr20 = &v
	}
	for _, b := range a.bsum {
		if b > 0 {
			hit++
		}
	}
	return alpha, kr20, hit
}

// Reliability scores every document of docs with the analyzer (the one
// analysis path score uses) and reports, per dimension and pole, Cronbach's
// α, KR-20, the base rate and the share of documents with a hit. Entries a
// context rule cancels are not items. Documents that are skipped, fail or
// have no words are counted in Skipped and left out.
func Reliability(ctx context.Context, an *pipeline.Analyzer, docs iter.Seq[corpus.Doc]) (*ReliabilityReport, error) {
	lex := an.Lexicon()
	scales := make([]*scaleAccumulator, 2*len(lex.Dimensions))
	for i := range scales {
		scales[i] = &scaleAccumulator{}
	}
	for i, e := range lex.Entries {
		if e.Cancel {
			continue
		}
		_, d := lex.Dimension(e.Dimension)
		s := scales[2*d+int(e.Pole)]
		s.items = append(s.items, i)
	}
	for _, s := range scales {
		s.sum, s.sq, s.bsum = make([]float64, len(s.items)), make([]float64, len(s.items)), make([]float64, len(s.items))
	}
	rep := &ReliabilityReport{}
	sc := pipeline.NewScorer(an)
	for d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r := sc.Score(ctx, d)
		if r.Status != results.StatusOK || r.Words == 0 {
			rep.Skipped++
			continue
		}
		words, counts := sc.EntryCounts()
		rep.Documents++
		rep.Words += int64(words)
		for _, s := range scales {
			s.add(counts, words)
		}
	}
	if rep.Documents == 0 {
		return nil, fmt.Errorf("no document with words to measure reliability on (%d skipped or empty)", rep.Skipped)
	}
	for i, s := range scales {
		alpha, kr20, hit := s.result(rep.Documents)
		rep.Poles = append(rep.Poles, PoleReliability{
			Dimension: lex.Dimensions[i/2].Name, Pole: lexicon.Poles[i%2].String(),
			Entries: len(s.items), EntriesHit: hit, Alpha: alpha, KR20: kr20,
			BaseRate: s.rateSum / float64(rep.Documents),
			DocShare: float64(s.docsWithHit) / float64(rep.Documents),
		})
	}
	return rep, nil
}

// WriteText writes the report as a table: one row per dimension and pole.
func (r *ReliabilityReport) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "dimension\tpole\tentries\thit\talpha\tKR-20\tper 1k words\tdocs with a hit\t")
	for _, p := range r.Poles {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%.2f\t%.3f\t\n", p.Dimension, p.Pole, p.Entries, p.EntriesHit,
			optFloat(p.Alpha), optFloat(p.KR20), p.BaseRate, p.DocShare)
	}
	return tw.Flush()
}

// optFloat renders an optional figure with three decimals, or "-".
func optFloat(v *float64) string {
	if v == nil {
		return "-"
	}
	if math.Abs(*v) < 0.0005 {
		return "0.000" // not "-0.000"
	}
	return fmt.Sprintf("%.3f", *v)
}
