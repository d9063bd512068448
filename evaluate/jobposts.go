package evaluate

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// JobPost is one row of a job-posting set such as jobs-dev.tsv: the title
// group it was put in (executive, operational, other), its title, its text
// and where it came from.
type JobPost struct {
	Group, Title, Text, Source string
	Line                       int    // 1-based line in the file
	Half                       string // HalfDev or HalfHeldOut (SplitJobPosts)
}

// Board returns which board a posting came from, read off its source:
// "nhs", "linkedin" or "other".
func (p *JobPost) Board() string {
	switch {
	case strings.Contains(p.Source, "nhs_jobs_data"):
		return "nhs"
	case strings.Contains(p.Source, "job_id="):
		return "linkedin"
	}
	return "other"
}

// ReadSplitJobPosts is ReadJobPosts with each post's Half set
// (SplitJobPosts), for the measures and tools that keep the halves apart.
func ReadSplitJobPosts(path string) ([]JobPost, error) {
	posts, err := ReadJobPosts(path)
	if err == nil {
		SplitJobPosts(posts)
	}
	return posts, err
}

// ReadJobPosts reads a TSV file with a header naming the columns group,
// title, text and source (in any order), with no quoting. Half is left
// empty: grouping near-duplicate posts for the split reads every text
// again (seconds for jobs-dev), which only ReadSplitJobPosts pays.
func ReadJobPosts(path string) ([]JobPost, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read job posts: %w", err)
	}
	defer f.Close()
	posts, err := ParseJobPosts(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return posts, nil
}

// ParseJobPosts reads job posts in the TSV layout of ReadJobPosts; like
// it, it leaves Half empty (SplitJobPosts sets it).
func ParseJobPosts(r io.Reader) ([]JobPost, error) {
	col := map[string]int{}
	var out []JobPost
	line, err := readLines(r, 16<<20, func(line int, text string) error {
		fields := strings.Split(text, "\t")
		if line == 1 {
			for i, f := range fields {
				col[strings.TrimSpace(f)] = i
			}
			for _, want := range []string{"group", "title", "text", "source"} {
				if _, ok := col[want]; !ok {
					return fmt.Errorf("header has no %q column", want)
				}
			}
			return nil
		}
		if len(fields) < len(col) {
			return fmt.Errorf("%d fields, want %d", len(fields), len(col))
		}
		out = append(out, JobPost{
			Group: fields[col["group"]], Title: fields[col["title"]],
			Text: fields[col["text"]], Source: fields[col["source"]], Line: line,
		})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	return out, nil
}

// ScoredPost is a job post and its result row.
type ScoredPost struct {
	Post   *JobPost
	Result *results.Result
}

// ScoreJobPosts scores every post's text through the pipeline, one
// document each.
func ScoreJobPosts(ctx context.Context, an *pipeline.Analyzer, posts []JobPost) ([]ScoredPost, error) {
	sc := pipeline.NewScorer(an)
	out := make([]ScoredPost, 0, len(posts))
	for i := range posts {
		p := &posts[i]
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r := sc.Score(ctx, corpus.Doc{ID: p.Source, Status: corpus.OK, Format: "txt", Text: p.Text})
		if r.Status != results.StatusOK {
			return nil, fmt.Errorf("line %d: %s", p.Line, deref(r.Error))
		}
		out = append(out, ScoredPost{Post: p, Result: r})
	}
	return out, nil
}

// JobPostStats is what MeasureJobPosts reports for one subset of posts.
type JobPostStats struct {
	Half                   string         // HalfDev, HalfHeldOut or HalfAll
	Subset                 string         // all, nhs, linkedin
	Posts                  int            // posts in the subset
	Executive, Operational int            // posts in each title group
	BalanceAUC             float64        // AUC of balance, executive vs operational (NaN without both groups)
	LeadershipAUC          float64        // AUC of leadership_per_1k, executive vs operational
	Labels                 map[string]int // label counts
	Words, ScoredWords     int64          // all words and words that counted
	Excluded               map[string]int64
}

// LabelShare returns the share of posts with the given label.
func (s *JobPostStats) LabelShare(label string) float64 {
	if s.Posts == 0 {
		return 0
	}
	return float64(s.Labels[label]) / float64(s.Posts)
}

// HalfAll names both halves together in MeasureJobPosts.
const HalfAll = "all"

// MeasureJobPosts computes, for each of the given halves (HalfDev,
// HalfHeldOut, HalfAll), the statistics of all its posts and of each
// board, in that order.
func MeasureJobPosts(scored []ScoredPost, halves ...string) []JobPostStats {
	var out []JobPostStats
	for _, half := range halves {
		for _, subset := range []string{"all", "nhs", "linkedin"} {
			var in []ScoredPost
			for _, s := range scored {
				if (half == HalfAll || s.Post.Half == half) && (subset == "all" || s.Post.Board() == subset) {
					in = append(in, s)
				}
			}
			out = append(out, measureSubset(half, subset, in))
		}
	}
	return out
}

func measureSubset(half, name string, scored []ScoredPost) JobPostStats {
	st := JobPostStats{Half: half, Subset: name, Posts: len(scored), Labels: map[string]int{}, Excluded: map[string]int64{}}
	var execBal, operBal, execLead, operLead []float64
	for _, s := range scored {
		r := s.Result
		st.Labels[r.Label]++
		st.Words += int64(r.Words)
		st.ScoredWords += int64(r.ScoredWords)
		for _, x := range r.Excluded {
			st.Excluded[x.Kind] += int64(x.Words)
		}
		bal := 0.0
		if r.Balance != nil {
			bal = *r.Balance
		}
		switch s.Post.Group {
		case "executive":
			st.Executive++
			execBal, execLead = append(execBal, bal), append(execLead, r.LeadershipPer1k)
		case "operational":
			st.Operational++
			operBal, operLead = append(operBal, bal), append(operLead, r.LeadershipPer1k)
		}
	}
	st.BalanceAUC = AUC(execBal, operBal)
	st.LeadershipAUC = AUC(execLead, operLead)
	return st
}

// AUC is the area under the ROC curve of scores that should rank pos above
// neg: the probability that a random pos scores higher than a random neg,
// ties counting one half (the Mann-Whitney U statistic over |pos|·|neg|).
// It is NaN when either side is empty.
func AUC(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	type item struct {
		v   float64
		pos bool
	}
	all := make([]item, 0, len(pos)+len(neg))
	for _, v := range pos {
		all = append(all, item{v, true})
	}
	for _, v := range neg {
		all = append(all, item{v, false})
	}
	slices.SortFunc(all, func(a, b item) int { return cmp.Compare(a.v, b.v) })
	// Sum of the ranks of pos, ties getting their mean rank.
	var rankSum float64
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].v == all[i].v {
			j++
		}
		mean := float64(i+j+1) / 2 // ranks i+1 … j
		for k := i; k < j; k++ {
			if all[k].pos {
				rankSum += mean
			}
		}
		i = j
	}
	np, nn := float64(len(pos)), float64(len(neg))
	return (rankSum - np*(np+1)/2) / (np * nn)
}
