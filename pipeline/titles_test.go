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
	// Titles no neutral entry lists: the title rule (inTitle) keeps their
	// subject from counting where a text scores them, alone, after
	// "Reports to the" and inside a sentence.
	for _, title := range []string{
		"Head of Performance", "Head of Compliance", "Director of Planning", "Head of Change", "Chief Innovation Officer",
		"Transformation Lead", "Strategy Manager", "VP, Strategic Partnerships", "Director of Planning and Performance",
		"Chief Strategy and Transformation Officer", "Quality Improvement Lead", "Change Manager", "Innovation Director",
		"Budget Coordinator", "Compliance Officer", "Performance Analyst", "Vice President of Strategy",
		"Manager, Strategic Planning", "Clinical Lead for Quality Improvement", "Strategic Planning Specialist",
	} {
		for _, text := range []string{title, "Reports to the " + title + ".", "Our new " + title + " starts in May."} {
			if got := countedTerms(an, text); len(got) != 0 {
				t.Errorf("%q counts %q, want nothing (a job title)", text, got)
			}
		}
	}
}

// countedTerms returns the terms of the entries that count in text.
func countedTerms(an *Analyzer, text string) []string {
	var out []string
	for _, h := range NewScorer(an).Analyze(text).Hits {
		out = append(out, an.Lexicon().Entries[h.Entry].Term)
	}
	return out
}

// TestTitleRuleKeepsWords scores words that look like a title's but are
// not in one: lower-case role nouns and verbs, and the words after a
// title, still count.
func TestTitleRuleKeepsWords(t *testing.T) {
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	for _, tc := range []struct{ text, want string }{
		{"Reports to the head of performance.", ""},                             // a lower-case opener and "of"
		{"We plan and manage budgets.", "plan budget"},                          // no title in lower case
		{"You will lead the strategy.", "strategy"},                             // lead is a verb
		{"Help teams manage change.", "change"},                                 // manage is a verb
		{"An Operations Manager who inspires the team.", "inspire"},             // after the title
		{"The Director of Planning will inspire the team.", "inspire"},          // after the title
		{"Innovation leads to growth.", "innovat* growth"},                      // leads is a verb in lower case
		{"We support managers to plan and prioritise work.", "plan prioritise"}, // lower-case role noun
		{"Strategy Manager: you will set the strategy.", "strategy"},            // the second strategy is not in the title
	} {
		if got := strings.Join(countedTerms(an, tc.text), " "); got != tc.want {
			t.Errorf("%q counts %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestAgentNounsDoNotCount scores person nouns that share a stem with an
// entry: only those the lexicon allows (lexicon.DefaultAgents, or a word
// of an entry's own term) count.
func TestAgentNounsDoNotCount(t *testing.T) {
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	for _, tc := range []struct{ text, want string }{
		{"She is a social media influencer.", ""},
		{"We hire software developers.", ""},
		{"Line 3 operators start at six.", ""},
		{"Our supporters fund the work.", ""},
		{"She influences the board.", "influence"},    // the verb still counts
		{"She develops people.", "develop people"},    // the verb still counts
		{"Our collaborators help.", "collaboration"},  // reviewed same: DefaultAgents
		{"It empowers people.", "empower people"},     // an entry's own word, not an agent noun
		{"We deliver on time.", "deliver on time"},    // an entry's own word
		{"The influencer's post.", ""},                // possessive
		{"The influencers’ posts.", ""},               // curly apostrophe
		{"INFLUENCERS", ""},                           // all caps, alone
		{"The collaborator’s view.", "collaboration"}, // allowed, possessive with a curly apostrophe
	} {
		if got := strings.Join(countedTerms(an, tc.text), " "); got != tc.want {
			t.Errorf("%q counts %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestTitleRuleEdges pins the title rule at a sentence's edges and in
// headings: a hit at the first or last token, a link or opener with
// nothing before it, punctuation, non-ASCII capitals, Title Case and
// all-caps headings, and negation around a title.
func TestTitleRuleEdges(t *testing.T) {
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	for _, tc := range []struct{ text, want string }{
		{"Strategy", "strategy"},                                       // alone: no title frame
		{"Strategy.", "strategy"},                                      // the last token is punctuation
		{"STRATEGY", "strategy"},                                       // all-caps word alone
		{"of Strategy", "strategy"},                                    // a link with no opener before it
		{", Strategy", "strategy"},                                     // a link at the first token
		{"Manager Strategy", "strategy"},                               // an opener with no link
		{"Strategy Manager", ""},                                       // hit at i=0, title noun last
		{"Head of Strategy", ""},                                       // hit at the last token
		{"Head of strategy", ""},                                       // lower-case subject after a capitalised opener and "of"
		{"head of Strategy", ""},                                       // lower-case opener before "of"
		{"Head of Émerging Strategy", ""},                              // a non-ASCII capital in X
		{"ÉTAT Strategy Manager", ""},                                  // a non-ASCII capital before the hit
		{"Director – Strategy", ""},                                    // an en dash link
		{"Lead: Strategy", ""},                                         // a colon link
		{"HEAD OF PERFORMANCE", ""},                                    // an all-caps title
		{"Head of Strategy and Performance Planning Review", "review"}, // X longer than maxTitleWords
		{"WE INSPIRE AND DEVELOP OUR TEAM.", "inspire"},                // all caps: "our" is no title word
		{"Inspire Your Team", "inspire"},                               // Title Case heading: "your" breaks X
		{"Inspire the Team Lead", "inspire"},                           // "the" breaks X
		{"We inspire the Team.", "inspire"},                            // lower-case hit
		{"Strategy Manager, not inspiring.", "inspire"},                // negated after a title: still counts (negated)
		{"Not a Strategy Manager: we do not inspire.", "inspire"},
	} {
		if got := strings.Join(countedTerms(an, tc.text), " "); got != tc.want {
			t.Errorf("%q counts %q, want %q", tc.text, got, tc.want)
		}
	}
	// A title's skipped hit leaves the negation of the next hit alone.
	if h := NewScorer(an).Analyze("Strategy Manager, not inspiring.").Hits; len(h) != 1 || !h[0].Negated {
		t.Errorf("hits %+v, want one negated hit", h)
	}
}
