package serve

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/pipeline"
)

// TestExplainListsExcludedBoilerplate: the benefits paragraph is listed as
// excluded with its kind and offsets; with all sections counted, nothing is.
func TestExplainListsExcludedBoilerplate(t *testing.T) {
	text := "You will set the direction for the team.\n\nWhat we offer: a pension and 25 days annual leave.\n"
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	got := Explain(pipeline.NewScorer(an).Analyze(text), an)
	if len(got.Excluded) != 1 || got.Excluded[0].Kind != "benefits" || text[got.Excluded[0].Start:got.Excluded[0].End] != "What we offer: a pension and 25 days annual leave." {
		t.Fatalf("excluded %+v", got.Excluded)
	}
	an.CountAll = true
	if got := Explain(pipeline.NewScorer(an).Analyze(text), an); len(got.Excluded) != 0 {
		t.Errorf("with all sections counted, excluded %+v", got.Excluded)
	}
}

// explainAd has a neutral phrase, a benefits paragraph and wording of both
// poles.
const explainAd = "You will set the direction for the team and partner with human resources to track the budget.\n\n" +
	"What we offer: a pension and 25 days annual leave.\n"

// TestExplainMarksNeutralHits: "human resources" is listed as a neutral
// hit (no pole, provenance saying it counts for nothing) among the others
// in text order, and does not count toward the row.
func TestExplainMarksNeutralHits(t *testing.T) {
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	a := pipeline.NewScorer(an).Analyze(explainAd)
	got := Explain(a, an)
	var neutral []HitAnswer
	for i, h := range got.Hits {
		if i > 0 && got.Hits[i-1].Start > h.Start {
			t.Errorf("hits out of order: %+v before %+v", got.Hits[i-1], h)
		}
		if h.Neutral {
			neutral = append(neutral, h)
		}
	}
	if len(neutral) != 1 || neutral[0].Match != "human resources" || neutral[0].Pole != "" ||
		!strings.Contains(neutral[0].Provenance, "counts for nothing") {
		t.Fatalf("neutral hits %+v", neutral)
	}
	if len(got.Hits) != len(a.Hits)+1 {
		t.Errorf("%d hits listed, want the %d counted or negated and 1 neutral", len(got.Hits), len(a.Hits))
	}
	if got.Standing != "" {
		t.Errorf("without norms, standing %q", got.Standing)
	}
}

// TestExplainStanding: with norms, the answer says where the balance
// stands among the genre's documents, in check's words.
func TestExplainStanding(t *testing.T) {
	n, err := norms.Load("job-posts")
	if err != nil {
		t.Fatal(err)
	}
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	an.Norms = n
	for _, tc := range []struct{ text, want string }{
		{"Track the budget, enforce the process and monitor compliance.", "more management-leaning than "},
		{"Inspire the team, coach people and shape a bold vision.", "more leadership-leaning than "},
	} {
		a := pipeline.NewScorer(an).Analyze(tc.text)
		got := Explain(a, an).Standing
		p := *a.Result.BalancePercentile
		share := p
		if p < 50 {
			share = 100 - p
		}
		want := fmt.Sprintf("%s%.0f %% of job posts", tc.want, math.Round(share))
		if got != want {
			t.Errorf("%q (balance percentile %g): standing %q, want %q", tc.text, p, got, want)
		}
	}
}
