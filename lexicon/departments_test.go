package lexicon_test

import (
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// TestRoundTwoDepartmentsNeverCount scores the department names and titles
// that the second round of job-post wording made neutral (1.3.0): none of
// their words may count, as pipeline's TestTitlesAndDepartmentsNeverCount
// holds for the first round's titles.
func TestRoundTwoDepartmentsNeverCount(t *testing.T) {
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	for _, name := range []string{
		"Learning and Development", "Training and Development", "Research and Development",
		"Business Development", "Development Director", "Development Team", "Heart Centre",
	} {
		r := pipeline.NewScorer(an).Analyze("She works in the " + name + ".").Result
		if r.LeadershipHits+r.ManagementHits != 0 {
			t.Errorf("%q scores %v leadership, %v management hits", name, r.LeadershipHits, r.ManagementHits)
		}
	}
}

// TestRoundTwoWording checks what the second round of job-post wording
// (1.3.0) changed, phrase by phrase: the adjective 'motivated' and the
// applicant's own development no longer count, motivating others and
// developing a service still do, 'bring people with them' stays a
// leadership phrase although 'people with' is neutral, and 'multi-
// disciplinary' is no longer a disciplinary matter.
func TestRoundTwoWording(t *testing.T) {
	checkHits(t, []phraseHits{
		{"We want a motivated team player.", 0, 0},
		{"You will motivate the team.", 0.75, 0},
		{"A chance to develop your skills and your career.", 0, 0},
		{"You will develop the service.", 0.75, 0},
		{"We support people with dementia.", 0, 0},
		{"You bring people with you.", 0.5, 0},
		{"You join a multi-disciplinary team.", 0, 0},
		{"Disciplinary hearings are part of the role.", 0, 1.25},
		{"You can work under pressure.", 0, 0.75},
		{"You will give compassionate care.", 0, 0},
		{"You bring compassionate leadership.", 0.5, 0},
	})
}

// TestRoundThreeWording checks what the third round of job-post wording
// (1.5.0) made neutral, phrase by phrase: service and setting names with
// 'community', the applicant's own skills, contract and policy documents,
// employer names, reporting lines and titles no longer count, while a sense
// of community, developing a service, planning, trust given and driving
// change still do.
func TestRoundThreeWording(t *testing.T) {
	checkHits(t, []phraseHits{
		{"She joins the Community Services division.", 0, 0},
		{"You will visit patients in the community.", 0, 0},
		{"The community mental health team is based at the community hospital.", 0, 0},
		{"You will build a sense of community.", 2, 0}, // build 0.5 (1.5.0, fourth round) + sense of community 1.5
		{"You have well-developed communication skills.", 0, 0},
		{"You will develop the service.", 0.75, 0},
		{"Your job plan has ten sessions in Planned Care.", 0, 0},
		{"You will plan the rota.", 0, 1.75},
		{"You will work across both Trusts and with all Trust staff.", 0, 0},
		{"The post is accountable to the Medical Director.", 0, 0},
		{"You must be able to drive.", 0, 0},
		{"You will drive change.", 1.5, 0},
		{"You bring a strong work ethic.", 0, 0},
		{"She reports to the Chief Nursing Information Officer.", 0, 0},
		{"The role carries people management responsibilities.", 0, 0},
		{"We improve outcomes for people using the service.", 0, 0},
		{"Make sure that people use the checklist.", 0.5, 2},
		{"The post holder is responsible to the Head of Nursing.", 0, 0},
		{"The page saw strong follower growth.", 0, 0},
		{"We live the Trust values.", 0, 0},
		{"She is a social worker and works with support workers.", 0, 0},
		{"Call Medical Staffing or Employee Relations.", 0, 0},
		{"She reports to the Director of Strategy.", 0, 0},
		{"You will set the strategy.", 0.5, 0},
		{"She works with the local authority in Urgent Care and Infection Control.", 0, 0},
		{"Urgent requests come first.", 0, 0.75},
		{"You will join our skilled temporary workers and agency workers.", 0, 0},
		{"Rapid Assessment service: assessment and treatment of patients.", 0, 0},
		{"You will review the risk assessment.", 0, 2}, // review 0.5 + risk assessment 1.5: risk control still counts
	})
}

// phraseHits is a phrase and the leadership and management hits the
// default lexicon must give it.
type phraseHits struct {
	text       string
	lead, mgmt float64
}

// checkHits scores each phrase on its own with the default lexicon.
func checkHits(t *testing.T, cases []phraseHits) {
	t.Helper()
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	for _, c := range cases {
		r := pipeline.NewScorer(an).Analyze(c.text).Result
		if r.LeadershipHits != c.lead || r.ManagementHits != c.mgmt {
			t.Errorf("%q: %v leadership, %v management hits; want %v and %v", c.text, r.LeadershipHits, r.ManagementHits, c.lead, c.mgmt)
		}
	}
}

// TestRoundFourWording checks what the fourth round of job-post wording
// changed, phrase by phrase: words that name the kind of rule or what is
// delivered (regulatory, regulation, statutory, the noun delivery,
// safeguarding) weigh 0.3 as subject words while complying, delivering and
// planning keep their weight; the people a service is for, benefits and
// physical requirements, fields and titles no longer count, while
// inspiring people and working with people still do.
func TestRoundFourWording(t *testing.T) {
	checkHits(t, []phraseHits{
		{"You will comply with the regulations.", 0, 1.3},
		{"Statutory and regulatory requirements apply.", 0, 0.6},
		{"You will deliver the plan.", 0, 1},
		{"Delivery of stock is on Tuesday.", 0, 0.6},
		{"You will safeguard the budget.", 0, 1.55},
		{"She reports to the Head of Safeguarding.", 0, 0},
		{"We care for local people and the people we serve.", 0, 0},
		{"She enjoys working with people, and with people experiencing homelessness.", 0, 0},
		{"Pupils must learn to work with people who differ from them.", 0.5, 0},
		{"You will inspire people.", 1.75, 0},
		{"Benefits: Medical/Dental/Vision.", 0, 0},
		{"You need sufficient vision and hearing.", 0, 0},
		{"You will set the vision.", 1.5, 0},
		{"She works in youth development and workforce development.", 0, 0},
		{"He was a danger to themselves or others.", 0, 0},
		{"She reports to the Deputy Chief of People and the Head of Continuous Improvement.", 0, 0},
	})
}
