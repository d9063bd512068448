package pipeline

import (
	"testing"

	"github.com/leadlex/leadlex/lexicon"
)

// TestTitlesAndDepartmentsNeverCount scores job titles and department names
// in a sentence: none of their words may count, whichever pole.
func TestTitlesAndDepartmentsNeverCount(t *testing.T) {
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	for _, title := range []string{
		"Director of Operations", "Chief Operating Officer", "Chief Executive Officer", "Operations Manager",
		"Operations Director", "Head of Operations", "Vice President of Operations", "Human Resources",
		"Operations Coordinator", "Operations Supervisor", "Operations Assistant", "Team Leader", "Line Manager",
		"General Manager", "Managing Director", "Head of Human Resources", "Operations Team",
		"Chief of People", "Chief People Officer", "Head of Continuous Improvement", "Head of Transformation",
		"Director of Innovation", "Head of Safeguarding", "Head of Patient Safety", "Head of Strategic Communications",
	} {
		for _, e := range an.Matches(title) {
			if e.Dimension != "" {
				t.Errorf("%q counts for %s/%s through %q", title, e.Dimension, e.Pole, e.Term)
			}
		}
		r := NewScorer(an).Analyze("Reports to the " + title + ".").Result
		if r.LeadershipHits+r.ManagementHits != 0 {
			t.Errorf("%q scores %v leadership, %v management hits", title, r.LeadershipHits, r.ManagementHits)
		}
	}
}
