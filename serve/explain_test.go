package serve

import (
	"testing"

	"github.com/leadlex/leadlex/lexicon"
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
