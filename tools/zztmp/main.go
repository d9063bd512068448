package main

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

func main() {
	posts, _ := evaluate.ReadJobPosts("/work/shared/data/jobs-dev.tsv")
	var dev []evaluate.JobPost
	for _, p := range posts {
		if p.Half == "dev" && (p.Group == "executive" || p.Group == "operational") && (len(os.Args) < 3 || p.Board() == os.Args[2]) {
			dev = append(dev, p)
		}
	}
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	sc, _ := evaluate.ScoreJobPosts(context.Background(), an, dev)
	bal := func(s evaluate.ScoredPost) float64 {
		if s.Result.Balance == nil {
			return 0
		}
		return *s.Result.Balance
	}
	sort.Slice(sc, func(i, j int) bool { return bal(sc[i]) < bal(sc[j]) })
	want := os.Args[1]
	n := 0
	for k := range sc {
		i := k
		if want == "operational" {
			i = len(sc) - 1 - k
		}
		s := sc[i]
		if s.Post.Group != want {
			continue
		}
		fmt.Printf("%.2f %s | L %.1f M %.1f |", bal(s), s.Post.Title, s.Result.LeadershipPer1k, s.Result.ManagementPer1k)
		for _, t := range s.Result.TopTerms {
			fmt.Printf(" %s(%s)", t.Term, t.Pole[:1])
		}
		fmt.Println()
		if n++; n >= 25 {
			break
		}
	}
}
