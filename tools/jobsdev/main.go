// Command jobsdev measures leadlex on a set of real job postings
// (../shared/data/jobs-dev.tsv by default): the AUC of balance and of
// leadership_per_1k for executive against operational titles, on all rows
// and per board, the share of each label, and how many words boilerplate
// detection left out. It prints a Markdown table for docs/VALIDITY.md.
//
//	go run ./tools/jobsdev [-data ../shared/data/jobs-dev.tsv] [-lexicon FILE]
//
// Its figures go into docs/VALIDITY.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/internal/shareddata"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

func main() {
	data := flag.String("data", shareddata.Find(".", "jobs-dev.tsv"), "job postings TSV (group, title, text, source); default: shared/data/jobs-dev.tsv above the current directory")
	lex := flag.String("lexicon", "default", "lexicon to score with")
	normsName := flag.String("norms", "", "norms for --label-by norms (job-posts, general or a file); empty: label by balance")
	sectionsFlag := flag.String("sections", "role", "role leaves boilerplate out (the default); all counts everything")
	flag.Parse()
	if err := run(os.Stdout, *data, *lex, *normsName, *sectionsFlag == "all"); err != nil {
		fmt.Fprintln(os.Stderr, "jobsdev:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, data, lexName, normsName string, countAll bool) error {
	posts, err := evaluate.ReadJobPosts(data)
	if err != nil {
		return err
	}
	lex, err := lexicon.Load(lexName)
	if err != nil {
		return err
	}
	an := pipeline.NewAnalyzer(lex, pipeline.DefaultLabels)
	an.CountAll = countAll
	if normsName != "" {
		if an.Norms, err = norms.Load(normsName); err != nil {
			return err
		}
		an.LabelByNorms = true
	}
	scored, err := evaluate.ScoreJobPosts(context.Background(), an, posts)
	if err != nil {
		return err
	}
	printStats(w, evaluate.MeasureJobPosts(scored))
	return nil
}

func printStats(w io.Writer, stats []evaluate.JobPostStats) {
	labels := []string{results.LabelLeadership, results.LabelBalanced, results.LabelManagement, results.LabelNone}
	fmt.Fprintf(w, "| rows | posts | exec / oper | AUC balance | AUC leadership/1k | %s | words excluded |\n",
		strings.Join(labels, " | "))
	fmt.Fprintf(w, "|---|---|---|---|---|%s---|\n", strings.Repeat("---|", len(labels)))
	for _, s := range stats {
		fmt.Fprintf(w, "| %s | %d | %d / %d | %.3f | %.3f |", s.Subset, s.Posts, s.Executive, s.Operational, s.BalanceAUC, s.LeadershipAUC)
		for _, l := range labels {
			fmt.Fprintf(w, " %.1f %% |", 100*s.LabelShare(l))
		}
		fmt.Fprintf(w, " %.1f %%%s |\n", 100*(1-float64(s.ScoredWords)/float64(max(1, s.Words))), kinds(s.Excluded, s.Words))
	}
}

func kinds(m map[string]int64, words int64) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %.1f %%", k, 100*float64(m[k])/float64(max(1, words)))
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
