package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/pipeline"
)

// writeDeriveInput writes a TSV (label, text) for leadlex derive: the
// role text of each post (evaluate.JobPostExamples), executive posts
// labelled leadership and operational ones management.
func writeDeriveInput(path string, an *pipeline.Analyzer, posts []evaluate.JobPost) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("derive input: %w", err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "label\ttext")
	for _, e := range evaluate.JobPostExamples(an, posts, evaluate.HalfDev) {
		fmt.Fprintf(w, "%s\t%s\n", e.Label, e.Text)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("derive input: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("derive input: %w", err)
	}
	return nil
}

// fire is how often one entry counted in each group.
type fire struct {
	entry      int
	exec, oper float64 // weighted hits
	execPosts  int     // posts it counted in
	operPosts  int
}

// printFires lists the n entries whose weighted hits per 1,000 scored
// words differ most between executive and operational posts, each way.
func printFires(w io.Writer, an *pipeline.Analyzer, posts []evaluate.JobPost, n int) {
	lex := an.Lexicon()
	fires := make([]fire, len(lex.Entries))
	for i := range fires {
		fires[i].entry = i
	}
	var execWords, operWords float64
	sc := pipeline.NewScorer(an)
	for _, p := range posts {
		a := sc.Analyze(p.Text)
		exec := p.Group == "executive"
		if exec {
			execWords += float64(a.Result.ScoredWords)
		} else {
			operWords += float64(a.Result.ScoredWords)
		}
		seen := map[int]bool{}
		for _, h := range a.Hits {
			if !h.Counts || h.Entry >= len(fires) {
				continue
			}
			f := &fires[h.Entry]
			wt := lex.Entries[h.Entry].Weight
			if exec {
				f.exec += wt
			} else {
				f.oper += wt
			}
			if !seen[h.Entry] {
				seen[h.Entry] = true
				if exec {
					f.execPosts++
				} else {
					f.operPosts++
				}
			}
		}
	}
	diff := func(f fire) float64 { return 1000*f.exec/max(1, execWords) - 1000*f.oper/max(1, operWords) }
	slices.SortFunc(fires, func(a, b fire) int { return cmp.Compare(diff(b), diff(a)) })
	fmt.Fprintf(w, "entry\tdimension\tpole\tweight\texec/1k\toper/1k\texec posts\toper posts\n")
	for i, f := range fires {
		if i >= n && i < len(fires)-n {
			continue
		}
		e := lex.Entries[f.entry]
		fmt.Fprintf(w, "%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%d\t%d\n", e.Term, e.Dimension, e.Pole, e.Weight,
			1000*f.exec/max(1, execWords), 1000*f.oper/max(1, operWords), f.execPosts, f.operPosts)
	}
}
