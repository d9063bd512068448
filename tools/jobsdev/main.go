// Command jobsdev measures leadlex on a set of real job postings
// (../shared/data/jobs-dev.tsv by default): the AUC of balance and of
// leadership_per_1k for executive against operational titles, on all rows
// and per board, the share of each label, and how many words boilerplate
// detection left out. It prints a Markdown table for docs/VALIDITY.md.
//
//	go run ./tools/jobsdev [-data ../shared/data/jobs-dev.tsv] [-lexicon FILE] [-heldout]
//	go run ./tools/jobsdev -derive dev.tsv     # then: leadlex derive dev.tsv
//	go run ./tools/jobsdev -fires 40           # entries that fire most per group
//
// The postings are split into a dev and a held-out half by source id
// (evaluate.SplitJobPosts: near-duplicates stay together). Wording is
// chosen on the dev half only, so by default only dev figures are printed;
// -heldout adds the held-out half and all rows, to be run once after
// tuning. -derive and -fires look at the dev half only.
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
	heldOut := flag.Bool("heldout", false, "also print the held-out half and all rows (run once, after tuning)")
	derive := flag.String("derive", "", "write the dev half's executive (leadership) and operational (management) role text, boilerplate left out, as a TSV for leadlex derive, to this file")
	fires := flag.Int("fires", 0, "list this many entries that count most, per 1,000 scored words, in dev-half executive and operational posts")
	board := flag.String("board", "", "with -derive or -fires: only this board's posts (nhs, linkedin)")
	flag.Parse()
	opt := options{lexName: *lex, normsName: *normsName, countAll: *sectionsFlag == "all", heldOut: *heldOut, derive: *derive, fires: *fires, board: *board}
	if err := run(os.Stdout, *data, opt); err != nil {
		fmt.Fprintln(os.Stderr, "jobsdev:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	lexName, normsName string
	countAll, heldOut  bool
	derive, board      string
	fires              int
}

func run(w io.Writer, data string, opt options) error {
	posts, err := evaluate.ReadSplitJobPosts(data)
	if err != nil {
		return err
	}
	lex, err := lexicon.Load(opt.lexName)
	if err != nil {
		return err
	}
	an := pipeline.NewAnalyzer(lex, pipeline.DefaultLabels)
	an.CountAll = opt.countAll
	if opt.normsName != "" {
		if an.Norms, err = norms.Load(opt.normsName); err != nil {
			return err
		}
		an.LabelByNorms = true
	}
	switch {
	case opt.derive != "":
		return writeDeriveInput(opt.derive, an, devHalf(posts, opt.board))
	case opt.fires > 0:
		printFires(w, an, devHalf(posts, opt.board), opt.fires)
		return nil
	}
	scored, err := evaluate.ScoreJobPosts(context.Background(), an, posts)
	if err != nil {
		return err
	}
	halves := []string{evaluate.HalfDev}
	if opt.heldOut {
		halves = append(halves, evaluate.HalfHeldOut, evaluate.HalfAll)
	}
	printStats(w, evaluate.MeasureJobPosts(scored, halves...))
	return nil
}

// devHalf returns the executive and operational posts of the dev half,
// of one board unless board is empty.
func devHalf(posts []evaluate.JobPost, board string) []evaluate.JobPost {
	var out []evaluate.JobPost
	for _, p := range posts {
		if p.Half == evaluate.HalfDev && (p.Group == "executive" || p.Group == "operational") && (board == "" || p.Board() == board) {
			out = append(out, p)
		}
	}
	return out
}

func printStats(w io.Writer, stats []evaluate.JobPostStats) {
	labels := []string{results.LabelLeadership, results.LabelBalanced, results.LabelManagement, results.LabelNone}
	fmt.Fprintf(w, "| half | rows | posts | exec / oper | AUC balance | AUC leadership/1k | %s | words excluded |\n",
		strings.Join(labels, " | "))
	fmt.Fprintf(w, "|---|---|---|---|---|---|%s---|\n", strings.Repeat("---|", len(labels)))
	for _, s := range stats {
		fmt.Fprintf(w, "| %s | %s | %d | %d / %d | %.3f | %.3f |", s.Half, s.Subset, s.Posts, s.Executive, s.Operational, s.BalanceAUC, s.LeadershipAUC)
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
