package pipeline

import (
	"strings"
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

// TestTitleRule scores job titles no neutral entry lists, written as job
// posts write them: the title rule (inTitle) keeps their subject from
// counting, while the same words outside a title, and the words after a
// title, still count.
func TestTitleRule(t *testing.T) {
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	terms := func(text string) []string {
		var out []string
		for _, h := range NewScorer(an).Analyze(text).Hits {
			out = append(out, an.Lexicon().Entries[h.Entry].Term)
		}
		return out
	}
	for _, title := range []string{
		"Head of Performance", "Head of Compliance", "Director of Planning", "Head of Change", "Chief Innovation Officer",
		"Transformation Lead", "Strategy Manager", "VP, Strategic Partnerships", "Director of Planning and Performance",
		"Chief Strategy and Transformation Officer", "Quality Improvement Lead", "Change Manager", "Innovation Director",
		"Budget Coordinator", "Compliance Officer", "Performance Analyst", "Vice President of Strategy",
		"Manager, Strategic Planning", "Clinical Lead for Quality Improvement", "Strategic Planning Specialist",
	} {
		for _, text := range []string{title, "Reports to the " + title + ".", "Our new " + title + " starts in May."} {
			if got := terms(text); len(got) != 0 {
				t.Errorf("%q counts %q, want nothing (a job title)", text, got)
			}
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"Reports to the head of performance.", ""},
		{"We plan and manage budgets.", "plan budget"},                          // no title in lower case
		{"You will lead the strategy.", "strategy"},                             // lead is a verb
		{"Help teams manage change.", "change"},                                 // manage is a verb
		{"An Operations Manager who inspires the team.", "inspire"},             // after the title
		{"The Director of Planning will inspire the team.", "inspire"},          // after the title
		{"Innovation leads to growth.", "innovat* growth"},                      // leads is a verb in lower case
		{"We support managers to plan and prioritise work.", "plan prioritise"}, // lower-case role noun
		{"Strategy Manager: you will set the strategy.", "strategy"},            // the second strategy is not in the title
	} {
		if got := strings.Join(terms(tc.text), " "); got != tc.want {
			t.Errorf("%q counts %q, want %q", tc.text, got, tc.want)
		}
	}
}
