package main

import (
	"strings"
	"testing"

	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

func TestDevHalfKeepsDevExecutiveAndOperational(t *testing.T) {
	posts := []evaluate.JobPost{
		{Source: "nhs_jobs_data:1", Group: "executive", Half: evaluate.HalfDev},
		{Source: "nhs_jobs_data:2", Group: "operational", Half: evaluate.HalfHeldOut},
		{Source: "x#job_id=3", Group: "operational", Half: evaluate.HalfDev},
		{Source: "nhs_jobs_data:4", Group: "other", Half: evaluate.HalfDev},
	}
	for _, tc := range []struct {
		board string
		want  []string
	}{
		{"", []string{"nhs_jobs_data:1", "x#job_id=3"}},
		{"linkedin", []string{"x#job_id=3"}},
		{"nhs", []string{"nhs_jobs_data:1"}},
	} {
		var got []string
		for _, p := range devHalf(posts, tc.board) {
			got = append(got, p.Source)
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("board %q: %v, want %v", tc.board, got, tc.want)
		}
	}
}

func TestPrintFiresRanksByGroup(t *testing.T) {
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	posts := []evaluate.JobPost{
		{Group: "executive", Text: "You will set the strategic direction and inspire the teams to transform the service."},
		{Group: "operational", Text: "You will keep accurate records, meet every deadline and follow the rota each day."},
	}
	var b strings.Builder
	printFires(&b, an, posts, 1)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want a header and one entry each way:\n%s", len(lines), b.String())
	}
	if !strings.Contains(lines[1], "leadership") || !strings.Contains(lines[2], "management") {
		t.Errorf("first entry should lean executive (leadership), last operational (management):\n%s", b.String())
	}
}
