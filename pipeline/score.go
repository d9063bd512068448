package pipeline

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/leadlex/leadlex/internal/fielderr"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/results"
	"github.com/leadlex/leadlex/sections"
)

// LabelOptions are the thresholds that turn hit counts into a label.
type LabelOptions struct {
	// MinHits is the weighted hit count (leadership + management) below
	// which a document is labelled "none".
	MinHits float64
	// Margin is how far balance must be from 0 for a one-sided label:
	// balance >= Margin is leadership, <= -Margin management, else balanced.
	Margin float64
	// TopTerms is how many terms go into the top_terms column.
	TopTerms int
}

// DefaultLabels are the documented defaults of MinHits, Margin and
// TopTerms (the CLI's --min-hits, --margin and --top-terms). MinHits 1 labels a text with one full-weight cue and leaves
// one down-weighted (ambiguous) word alone unlabelled; on the tuning set of
// short labelled texts (testdata/labeled/tune.tsv) it lifts macro-F1 from
// 0.83 (MinHits 2) to 0.985 without a single wrong-pole label.
var DefaultLabels = LabelOptions{MinHits: 0.5, Margin: 0.2, TopTerms: 10}

// Validate checks the thresholds are usable; a bad one is an
// *OptionError naming its field.
func (o LabelOptions) Validate() error {
	switch {
	case o.MinHits < 0 || math.IsNaN(o.MinHits):
		return &OptionError{Field: "MinHits", Msg: fmt.Sprintf("must be 0 or more, got %g", o.MinHits)}
	case !(o.Margin >= 0 && o.Margin < 1):
		return &OptionError{Field: "Margin", Msg: fmt.Sprintf("must be in [0, 1), got %g", o.Margin)}
	case o.TopTerms < 0:
		return &OptionError{Field: "TopTerms", Msg: fmt.Sprintf("must be 0 or more, got %d", o.TopTerms)}
	}
	return nil
}

// OptionError is an option out of range. Field names the field of the
// options struct, so that a program can name its own flag or setting.
type OptionError = fielderr.Error

// tally accumulates hits per entry over one document (or one sentence).
type tally struct {
	Words, Sentences int
	Counts           []int32 // per entry: counted hits not negated
	Negated          []int32 // per entry: counted negated hits
	// Excluded is the words left out per section kind (index: sections.Kind).
	Excluded [16]int
	// touched lists the entries with a counted hit, negated or not, so that
	// a document touches only those: a lexicon has hundreds of entries, a
	// document hits a few dozen.
	touched []int32
	ranked  []int32 // scratch: the entries topTerms ranks
}

// newTally returns an empty tally for a lexicon of n entries.
func newTally(n int) *tally {
	return &tally{Counts: make([]int32, n), Negated: make([]int32, n)}
}

// Reset empties the tally for reuse.
func (t *tally) Reset() {
	t.Words, t.Sentences = 0, 0
	t.Excluded = [16]int{}
	for _, i := range t.touched {
		t.Counts[i], t.Negated[i] = 0, 0
	}
	t.touched = t.touched[:0]
}

// Touched returns the entries with a counted hit, in entry order.
func (t *tally) Touched() []int32 {
	slices.Sort(t.touched)
	return t.touched
}

// AddHits counts hits into the tally.
func (t *tally) AddHits(hits []Hit) {
	for _, h := range hits {
		if !h.Counts {
			continue
		}
		if t.Counts[h.Entry] == 0 && t.Negated[h.Entry] == 0 {
			t.touched = append(t.touched, int32(h.Entry))
		}
		if h.Negated {
			t.Negated[h.Entry]++
		} else {
			t.Counts[h.Entry]++
		}
	}
}

// Add counts an analysis (its words, sentences and hits) into the tally.
func (t *tally) Add(a *Analysis) {
	t.Words += a.Words
	t.Sentences += len(a.Sentences)
	t.AddHits(a.Hits)
	for _, b := range a.Boilerplate {
		t.Excluded[b.Kind] += b.Words
	}
}

// ScoredWords is the words that counted: all words less those left out.
func (t *tally) ScoredWords(countAll bool) int {
	if countAll {
		return t.Words
	}
	n := t.Words
	for _, x := range t.Excluded {
		n -= x
	}
	return max(0, n)
}

// fill computes the score columns of r from the tally.
func (an *Analyzer) fill(r *results.Result, t *tally) {
	lex := an.Lexicon()
	r.Words, r.Sentences = int32(t.Words), int32(t.Sentences)
	r.Dimensions = make([]results.DimensionScore, len(lex.Dimensions))
	for i, d := range lex.Dimensions {
		r.Dimensions[i].Name = d.Name
	}
	var lead, mgmt, neg float64
	for _, i := range t.Touched() { // in entry order, as the sums' float noise depends on it
		c, e := t.Counts[i], &lex.Entries[i]
		neg += float64(t.Negated[i]) * e.Weight
		if c == 0 {
			continue
		}
		w := float64(c) * e.Weight
		d := &r.Dimensions[an.matcher.dimensionIndex(int(i))]
		if e.Pole == lexicon.Leadership {
			lead += w
			d.Leadership += w
		} else {
			mgmt += w
			d.Management += w
		}
	}
	// Sums of weights such as 0.6 carry float noise that depends on the
	// order of the entries; six decimals make equal lexicons give equal rows.
	lead, mgmt, neg = round(lead), round(mgmt), round(neg)
	for i := range r.Dimensions {
		d := &r.Dimensions[i]
		d.Leadership, d.Management = round(d.Leadership), round(d.Management)
	}
	r.LeadershipHits, r.ManagementHits, r.NegatedHits = lead, mgmt, neg
	scored := t.ScoredWords(an.CountAll)
	r.ScoredWords = int32(scored)
	if an.CountAll {
		r.Excluded = []results.ExcludedWords{} // empty, not nil
	} else {
		r.Excluded = t.excludedWords()
	}
	if scored > 0 {
		r.LeadershipPer1k = lead * 1000 / float64(scored)
		r.ManagementPer1k = mgmt * 1000 / float64(scored)
	}
	if lead+mgmt > 0 {
		b := (lead - mgmt) / (lead + mgmt)
		r.Balance = &b
	}
	r.Label, r.Confidence = an.Labels.Label(lead, mgmt)
	an.placeInNorms(r)
	r.TopTerms = an.topTerms(t)
}

// LabelSettings renders the label thresholds and the negation window of a
// run for the leadlex.labels metadata of its output files, as in
// "min_hits=0.5 margin=0.2 top_terms=10 negation_window=3".
// Settings that differ from the defaults follow: "sections=all",
// "norms=job-posts", "label_by=norms".
func (an *Analyzer) LabelSettings() string {
	s := fmt.Sprintf("min_hits=%g margin=%g top_terms=%d negation_window=%d",
		an.Labels.MinHits, an.Labels.Margin, an.Labels.TopTerms, an.Lexicon().Negation.Window)
	if an.CountAll {
		s += " sections=all"
	}
	if an.Norms != nil {
		s += " norms=" + an.Norms.Name
	}
	if an.LabelByNorms {
		s += " label_by=norms"
	}
	return s
}

// Label picks the label for weighted hit counts and the posterior
// probability that the leadership share p lies in that label's band, with
// p ~ Beta(1 + lead, 1 + mgmt): p > (1+Margin)/2 for leadership,
// p < (1-Margin)/2 for management, between them for balanced. A "none"
// label has confidence 0.
func (o LabelOptions) Label(lead, mgmt float64) (string, float64) {
	if lead+mgmt < o.MinHits || lead+mgmt == 0 {
		return results.LabelNone, 0
	}
	hi, lo := (1+o.Margin)/2, (1-o.Margin)/2
	post := distuv.Beta{Alpha: 1 + lead, Beta: 1 + mgmt}
	balance := (lead - mgmt) / (lead + mgmt)
	switch {
	case balance > 0 && balance >= o.Margin:
		return results.LabelLeadership, round(1 - post.CDF(hi))
	case balance < 0 && balance <= -o.Margin:
		return results.LabelManagement, round(post.CDF(lo))
	}
	return results.LabelBalanced, round(post.CDF(hi) - post.CDF(lo))
}

// round keeps 6 decimals so that scores do not carry float noise.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// excludedWords lists the words left out per kind of boilerplate, in
// the order of sections.Kinds, made at its length: one allocation a row,
// none when nothing was left out.
func (t *tally) excludedWords() []results.ExcludedWords {
	n := 0
	for _, k := range sections.Kinds() {
		if t.Excluded[k] > 0 {
			n++
		}
	}
	if n == 0 {
		return []results.ExcludedWords{}
	}
	out := make([]results.ExcludedWords, 0, n)
	for _, k := range sections.Kinds() {
		if t.Excluded[k] > 0 {
			out = append(out, results.ExcludedWords{Kind: k.String(), Words: int32(t.Excluded[k])})
		}
	}
	return out
}

// topTerms lists the most frequent entries, most hits first, then by term.
func (an *Analyzer) topTerms(t *tally) []results.TermCount {
	lex := an.Lexicon()
	idx := t.ranked[:0]
	for _, i := range t.Touched() {
		if t.Counts[i] > 0 {
			idx = append(idx, i)
		}
	}
	t.ranked = idx
	slices.SortFunc(idx, func(a, b int32) int {
		if c := cmp.Compare(t.Counts[b], t.Counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(lex.Entries[a].Term, lex.Entries[b].Term)
	})
	if len(idx) > an.Labels.TopTerms {
		idx = idx[:an.Labels.TopTerms]
	}
	out := make([]results.TermCount, len(idx))
	for k, i := range idx {
		e := &lex.Entries[i]
		out[k] = results.TermCount{Term: e.Term, Pole: e.Pole.String(), Dimension: e.Dimension, Count: t.Counts[i]}
	}
	return out
}

// placeInNorms fills the percentile columns from the analyzer's norms and,
// with LabelByNorms, relabels the document by its balance percentile.
func (an *Analyzer) placeInNorms(r *results.Result) {
	if an.Norms == nil {
		return
	}
	if p, ok := an.Norms.Percentile(norms.LeadershipPer1k, r.LeadershipPer1k); ok {
		r.LeadershipPercentile = &p
	}
	if r.Balance != nil {
		if p, ok := an.Norms.Percentile(norms.Balance, *r.Balance); ok {
			r.BalancePercentile = &p
		}
	}
	if an.LabelByNorms && r.Label != results.LabelNone && r.BalancePercentile != nil {
		r.Label = NormsLabel(*r.BalancePercentile)
	}
}

// NormsLabel is the label of --label-by norms: leadership when balance is
// above two thirds of the genre's documents, management when it is at or
// below one third, balanced between. The confidence column keeps the
// posterior of the balance rule.
func NormsLabel(balancePercentile float64) string {
	switch {
	case balancePercentile > 200.0/3:
		return results.LabelLeadership
	case balancePercentile <= 100.0/3:
		return results.LabelManagement
	}
	return results.LabelBalanced
}
