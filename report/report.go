// Package report turns a leadlex results file into one self-contained HTML
// page: corpus totals, labels, the balance distribution, hits per 1,000
// words by dimension, the top terms of each pole and the documents that
// lean furthest each way, optionally compared across groups of documents.
// It reads the file once, streaming; memory depends on the number of
// groups and the length of the top lists, not on the number of rows.
package report

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/leadlex/leadlex/internal/fielderr"
	"github.com/leadlex/leadlex/internal/humanize"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// Options choose what the page shows.
type Options struct {
	// By groups documents for side-by-side charts: "" (one group),
	// "folder" (the folder of doc_id), "folder:N" (its first N levels) or
	// the name of a text column of the results file, such as label.
	By string
	// Top is how many documents each of the two "most leaning" lists
	// holds; 0 means 20.
	Top int
	// Title heads the page; "" derives one from the file name.
	Title string
}

// Limits on groups: more distinct values than MaxGroups is an error (the
// grouping is then not a grouping); past ShownGroups the smallest groups
// are merged into one named "other".
const (
	MaxGroups   = 1000
	ShownGroups = 12
)

// BalanceBins is the number of histogram bins over balance's range [-1, 1].
const BalanceBins = 20

// Report is what the page shows, gathered in one pass over the rows.
type Report struct {
	Source     string            // the results file
	Title      string            // the page's heading
	Meta       map[string]string // the file's key/value metadata
	By         string            // the grouping, as given
	Margin     float64           // the label margin from the metadata
	Dimensions []string          // lexicon dimensions in file order
	All        *Group            // every row
	Groups     []*Group          // the groups, by name; one (= All) without By
	Leadership []DocFigures      // the most leadership-leaning documents, most first
	Management []DocFigures      // the most management-leaning documents, most first
	top        int
}

// Group holds the totals of one group of rows.
type Group struct {
	Name        string
	Documents   int
	Status      map[string]int // rows by status
	Labels      map[string]int // scored rows by label
	Bytes       int64
	Words       int64            // of scored rows
	ScoredWords int64            // words that counted (boilerplate left out)
	Excluded    map[string]int64 // words of boilerplate left out, by kind
	Sentences   int64
	Leadership  float64 // weighted hits
	Management  float64
	Negated     float64
	Balance     [BalanceBins]int // scored rows with hits, by balance
	NoHits      int              // scored rows without hits (balance null)
	Dims        []DimTotal       // per dimension, in Report.Dimensions order
	Terms       map[Term]int64   // summed from each row's top_terms
}

// DimTotal is the weighted hits of one dimension summed over a group.
type DimTotal struct {
	Leadership, Management float64
}

// Term identifies a lexicon entry in top_terms.
type Term struct {
	Term, Pole, Dimension string
}

// TermTotal is a term with its summed count.
type TermTotal struct {
	Term
	Count int64
}

// DocFigures are one document's figures for the "most leaning" lists.
type DocFigures struct {
	DocID, Group, Label    string
	Words                  int32
	Leadership, Management float64
	LeadershipPer1k        float64
	ManagementPer1k        float64
	Balance                float64
	Confidence             float64
	// Share is the smoothed leadership share (L+1)/(L+M+2) the lists are
	// ranked by: it leans less for few hits than balance does.
	Share float64
}

// Read streams the results file at path and gathers its report.
func Read(path string, opt Options) (*Report, error) {
	f, err := results.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := Gather(f.Rows(), f.Meta, opt)
	if err != nil {
		return nil, err
	}
	r.Source = path
	if r.Title == "" {
		r.Title = "leadlex report: " + filepath.Base(path)
	}
	return r, nil
}

// Gather builds a report from rows and the file's metadata.
func Gather(rows iter.Seq2[*results.Result, error], meta map[string]string, opt Options) (*Report, error) {
	key, err := grouping(opt.By)
	if err != nil {
		return nil, err
	}
	rep := &Report{Title: opt.Title, Meta: meta, By: opt.By, Margin: margin(meta), top: opt.Top}
	if rep.top <= 0 {
		rep.top = 20
	}
	rep.All = newGroup("all documents")
	groups := map[string]*Group{}
	for r, err := range rows {
		if err != nil {
			return nil, err
		}
		rep.dimensions(r)
		name := ""
		rep.All.add(rep, r)
		if key != nil {
			name = key(r)
			g, ok := groups[name]
			if !ok {
				if len(groups) == MaxGroups {
					return nil, &fielderr.Error{Field: "By", Msg: fmt.Sprintf("%s gives more than %d groups; group by a column with fewer values, or folder:N with a smaller N", opt.By, MaxGroups)}
				}
				g = newGroup(name)
				groups[name] = g
			}
			g.add(rep, r)
		}
		rep.rank(r, name)
	}
	if key == nil {
		rep.Groups = []*Group{rep.All}
	} else {
		rep.Groups = shown(groups)
	}
	return rep, nil
}

func newGroup(name string) *Group {
	return &Group{Name: name, Status: map[string]int{}, Labels: map[string]int{}, Terms: map[Term]int64{}, Excluded: map[string]int64{}}
}

// dimensions learns the lexicon's dimensions from the rows, in order.
func (rep *Report) dimensions(r *results.Result) {
	for _, d := range r.Dimensions {
		if !slices.Contains(rep.Dimensions, d.Name) {
			rep.Dimensions = append(rep.Dimensions, d.Name)
		}
	}
}

// add counts one row into the group.
func (g *Group) add(rep *Report, r *results.Result) {
	g.Documents++
	g.Status[r.Status]++
	g.Bytes += r.Bytes
	if r.Status != results.StatusOK {
		return
	}
	g.Labels[r.Label]++
	g.Words += int64(r.Words)
	scored := int64(r.ScoredWords)
	if scored == 0 && len(r.Excluded) == 0 {
		scored = int64(r.Words) // a results file from before scored_words
	}
	g.ScoredWords += scored
	for _, x := range r.Excluded {
		g.Excluded[x.Kind] += int64(x.Words)
	}
	g.Sentences += int64(r.Sentences)
	g.Leadership += r.LeadershipHits
	g.Management += r.ManagementHits
	g.Negated += r.NegatedHits
	if r.Balance == nil {
		g.NoHits++
	} else {
		g.Balance[balanceBin(*r.Balance)]++
	}
	for len(g.Dims) < len(rep.Dimensions) {
		g.Dims = append(g.Dims, DimTotal{})
	}
	for _, d := range r.Dimensions {
		i := slices.Index(rep.Dimensions, d.Name)
		g.Dims[i].Leadership += d.Leadership
		g.Dims[i].Management += d.Management
	}
	for _, t := range r.TopTerms {
		g.Terms[Term{t.Term, t.Pole, t.Dimension}] += int64(t.Count)
	}
}

// balanceBin maps a balance in [-1, 1] to its histogram bin; a balance on
// a bin edge (after rounding off float noise) goes to the bin above it.
func balanceBin(b float64) int {
	i := int(math.Floor(math.Round((b+1)/2*BalanceBins*1e9) / 1e9))
	return min(max(i, 0), BalanceBins-1)
}

// rank keeps the documents that lean furthest each way.
func (rep *Report) rank(r *results.Result, group string) {
	if r.Status != results.StatusOK || r.Balance == nil || r.LeadershipHits == r.ManagementHits {
		return
	}
	d := DocFigures{
		DocID: r.DocID, Group: group, Label: r.Label, Words: r.Words,
		Leadership: r.LeadershipHits, Management: r.ManagementHits,
		LeadershipPer1k: r.LeadershipPer1k, ManagementPer1k: r.ManagementPer1k,
		Balance: *r.Balance, Confidence: r.Confidence,
		Share: (r.LeadershipHits + 1) / (r.LeadershipHits + r.ManagementHits + 2),
	}
	if d.Leadership > d.Management {
		rep.Leadership = insertTop(rep.Leadership, d, rep.top, func(a, b DocFigures) int {
			return cmp.Or(cmp.Compare(b.Share, a.Share), cmp.Compare(b.Leadership, a.Leadership), cmp.Compare(a.DocID, b.DocID))
		})
	} else {
		rep.Management = insertTop(rep.Management, d, rep.top, func(a, b DocFigures) int {
			return cmp.Or(cmp.Compare(a.Share, b.Share), cmp.Compare(b.Management, a.Management), cmp.Compare(a.DocID, b.DocID))
		})
	}
}

// insertTop inserts d into the sorted list, keeping at most n items.
func insertTop(list []DocFigures, d DocFigures, n int, order func(a, b DocFigures) int) []DocFigures {
	i, _ := slices.BinarySearchFunc(list, d, order)
	if i >= n {
		return list
	}
	list = slices.Insert(list, i, d)
	if len(list) > n {
		list = list[:n]
	}
	return list
}

// shown sorts the groups by name and, past ShownGroups, merges the
// smallest into one group named "other".
func shown(groups map[string]*Group) []*Group {
	all := make([]*Group, 0, len(groups))
	for _, g := range groups {
		all = append(all, g)
	}
	if len(all) > ShownGroups {
		slices.SortFunc(all, func(a, b *Group) int {
			return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(a.Name, b.Name))
		})
		rest := all[ShownGroups-1:]
		other := newGroup(fmt.Sprintf("other (%d groups)", len(rest)))
		for _, g := range rest {
			other.merge(g)
		}
		all = append(all[:ShownGroups-1:ShownGroups-1], other)
	}
	slices.SortStableFunc(all, func(a, b *Group) int {
		if strings.HasPrefix(a.Name, "other (") != strings.HasPrefix(b.Name, "other (") {
			if strings.HasPrefix(a.Name, "other (") {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return all
}

// merge adds the totals of h into g.
func (g *Group) merge(h *Group) {
	g.Documents += h.Documents
	addCounts(g.Status, h.Status)
	addCounts(g.Labels, h.Labels)
	g.Bytes += h.Bytes
	g.Words += h.Words
	g.ScoredWords += h.ScoredWords
	addCounts(g.Excluded, h.Excluded)
	g.Sentences += h.Sentences
	g.Leadership += h.Leadership
	g.Management += h.Management
	g.Negated += h.Negated
	for i, n := range h.Balance {
		g.Balance[i] += n
	}
	g.NoHits += h.NoHits
	for len(g.Dims) < len(h.Dims) {
		g.Dims = append(g.Dims, DimTotal{})
	}
	for i, d := range h.Dims {
		g.Dims[i].Leadership += d.Leadership
		g.Dims[i].Management += d.Management
	}
	addCounts(g.Terms, h.Terms)
}

// addCounts adds each count of src into dst.
func addCounts[K comparable, V int | int64](dst, src map[K]V) {
	for k, v := range src {
		dst[k] += v
	}
}

// Scored is the number of rows with status ok.
func (g *Group) Scored() int { return g.Status[results.StatusOK] }

// Per1k returns hits per 1,000 words of the group's scored text (the
// words that counted).
func (g *Group) Per1k(hits float64) float64 {
	if g.ScoredWords == 0 {
		return 0
	}
	return hits * 1000 / float64(g.ScoredWords)
}

// ExcludedSummary says how many words of each kind of boilerplate were
// left out of the scores, with their share of all words, largest first:
// "benefits 1,204 words (9.1 %), how_to_apply 880 words (6.6 %)"; "" when
// nothing was left out.
func (g *Group) ExcludedSummary() string {
	kinds := make([]string, 0, len(g.Excluded))
	for k, n := range g.Excluded {
		if n > 0 {
			kinds = append(kinds, k)
		}
	}
	slices.SortFunc(kinds, func(a, b string) int {
		return cmp.Or(cmp.Compare(g.Excluded[b], g.Excluded[a]), cmp.Compare(a, b))
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s %s words (%.1f %%)", k, humanize.Thousands(g.Excluded[k]), 100*float64(g.Excluded[k])/float64(max(1, g.Words)))
	}
	return strings.Join(parts, ", ")
}

// TopTerms lists the group's n most frequent terms of a pole, most first.
func (g *Group) TopTerms(pole string, n int) []TermTotal {
	var out []TermTotal
	for t, c := range g.Terms {
		if t.Pole == pole {
			out = append(out, TermTotal{t, c})
		}
	}
	slices.SortFunc(out, func(a, b TermTotal) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Term.Term, b.Term.Term))
	})
	return out[:min(n, len(out))]
}

// margin reads the label margin from the metadata (see
// results.NewMetadata), or the default.
func margin(meta map[string]string) float64 {
	for _, f := range strings.Fields(meta[results.MetaLabels]) {
		if v, ok := strings.CutPrefix(f, "margin="); ok {
			if m, err := strconv.ParseFloat(v, 64); err == nil {
				return m
			}
		}
	}
	return pipeline.DefaultLabels.Margin
}
