package sections

import (
	"slices"
	"strings"
	"testing"
)

func TestSentenceKinds(t *testing.T) {
	cases := []struct {
		text string
		want Kind
	}{
		{"We are an equal opportunity employer and consider all applicants without regard to race or religion.", EqualOpportunity},
		{"Benefits include dental and vision insurance, a 401(k) match and 25 days annual leave.", Benefits},
		{"Founded in 1998, Acme is one of the largest makers of garden tools.", AboutCompany},
		{"For an informal discussion please contact Jo Bloggs on jo@example.org.", HowToApply},
		{"The post is based at the Riverside site, 37.5 hours per week.", LocationSchedule},
		{"You will set the team's direction and coach new colleagues.", Role},
		{"Kind regards , Sam", Signature},
		{"This email and any attachments are confidential.", Disclaimer},
	}
	for _, c := range cases {
		var tr Tracker
		parts := tr.Sentence(nil, strings.Fields(c.text), nil)
		if len(parts) != 1 || parts[0].Kind != c.want {
			t.Errorf("%q: parts %v, want one %s", c.text, parts, c.want)
		}
	}
}

// TestContractionCues: the tokenizer splits "You'll" into "You" and "'ll",
// and the cues are written so.
func TestContractionCues(t *testing.T) {
	cases := []struct {
		tokens []string
		want   Kind
	}{
		{[]string{"You", "'ll", "be", "supported", "by", "a", "mentor", "."}, Benefits},
		{[]string{"If", "you", "'re", "interested", ",", "call", "Sam", "."}, HowToApply},
		{[]string{"You", "'ll", "plan", "the", "rota", "."}, Role},
	}
	for _, c := range cases {
		var tr Tracker
		if parts := tr.Sentence(nil, c.tokens, nil); len(parts) != 1 || parts[0].Kind != c.want {
			t.Errorf("%q: parts %v, want one %s", c.tokens, parts, c.want)
		}
	}
}

func TestHeadingCarriesAndGluedHeadingSplits(t *testing.T) {
	var tr Tracker
	if p := tr.Sentence(nil, []string{"Benefits", ":"}, nil); p[0].Kind != Benefits {
		t.Fatalf("heading: %v", p)
	}
	// No cue of its own: inherits the heading's kind.
	if p := tr.Sentence(nil, strings.Fields("Free fruit on Fridays"), nil); p[0].Kind != Benefits {
		t.Errorf("after a benefits heading: %v", p)
	}
	// Role wording ends the section.
	if p := tr.Sentence(nil, strings.Fields("You will be responsible for the rota"), nil); p[0].Kind != Role {
		t.Errorf("role sentence: %v", p)
	}
	tr.Reset()
	toks := strings.Fields("Acme is a leading maker of tools.ResponsibilitiesYou will plan the work")
	parts := tr.Sentence(nil, toks, nil)
	kinds := make([]Kind, len(parts))
	for i, p := range parts {
		kinds[i] = p.Kind
	}
	if !slices.Equal(kinds, []Kind{AboutCompany, Role}) || parts[1].First != 6 || parts[len(parts)-1].Last != len(toks) {
		t.Errorf("glued heading: parts %+v", parts)
	}
}

func TestOrganisationSubject(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"The stroke service provides care across the county .", true},
		{"Our team is small and friendly .", true},
		{"The Memory , Mood and Sleep Service ( MMSS ) team is welcoming .", true},
		{"Riverside Community Hospital currently has 40 beds .", true},
		{"Riverside NHS Foundation Trust ( RFT ) provides community services .", true}, // an abbreviation after the name
		{"The team is looking for a nurse .", false},                                   // recruiting: the role's sentence
		{"The team is currently seeking a nurse .", false},                             // adverb before the stop word
		{"Working in a team is essential .", false},                                    // the subject is the work
		{"The post holder will support the team .", false},                             // the subject is the role
		{"Experience of a large organisation is useful .", false},
		{"You will join a service that is growing .", false},
		{"The service", false},
		{"Our focus is on quality .", true},                        // after "our", any noun
		{"Our ideal candidate is calm .", false},                   // the subject is the person
		{"We think our focus is on quality .", false},              // "our" opens the part only
		{"We serve patients across three towns .", true},           // "we" takes a base form
		{"We also provide support to other practices .", true},     // adverb before the verb
		{"We are currently recruiting a nurse .", false},           // recruiting
		{"You will support the team deliver the plan .", false},    // a base form needs "we"
		{"The community team sits within a wider service .", true}, // an organisation's doing
		{"We leverage data to help clinics .", true},
		{"Riverside Clinic provides physiotherapy to three towns .", true}, // a name, then what only an organisation does
		{"Acme operates four depots .", true},
		{"The post holder provides cover at weekends .", false}, // the subject is the role
		{"Priya manages the rota .", false},                     // a person's doing
		{"Today we are launching a new plan .", false},          // "we" not at the start: a memo's voice
		{"We are launching a new plan .", false},                // a stop word after the verb
		{"CUH is the local hospital for the city .", true},      // an abbreviation in capitals is a name
		{"The RN rota is on the wall .", false},                 // no organisation verb after it
		{"Ensure the unit delivers its plan .", false},          // a duty opens the part: the post holder's
	}
	for _, c := range cases {
		if got := cues.organisationSubject(cueCodes(c.text)); got != c.want {
			t.Errorf("%q: organisation subject %v, want %v", c.text, got, c.want)
		}
	}
}

func TestOrganisationPredicate(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Acme is a family-owned consulting firm .", true},
		{"Ward 12 is a busy surgical ward .", true},
		{"There is a level 2 unit on site .", true},
		{"This is a varied and interesting role .", false}, // the role, not the organisation
		{"This is a static post covering acute medicine .", false},
		{"It is a shared commitment to our members .", false}, // no organisation noun
		{"That is a habit .", false},
		{"The engineer is a fully qualified professional .", false},
	}
	for _, c := range cases {
		if got := cues.organisationPredicate(cueCodes(c.text)); got != c.want {
			t.Errorf("%q: organisation predicate %v, want %v", c.text, got, c.want)
		}
	}
}

func TestStrongBoilerplateCarriesToSentenceWithoutCues(t *testing.T) {
	var tr Tracker
	sentence := func(text string) Kind { return tr.Sentence(nil, strings.Fields(text), nil)[0].Kind }
	if k := sentence("We are an equal opportunity employer and welcome applicants regardless of background ."); k != EqualOpportunity {
		t.Fatalf("first sentence: %s", k)
	}
	if k := sentence("Nobody is turned away on those grounds ."); k != EqualOpportunity {
		t.Errorf("a sentence without cues after strong equal-opportunity cues: %s, want equal_opportunity", k)
	}
	if k := sentence("You will plan the rota ."); k != Role {
		t.Fatalf("role sentence: %s", k)
	}
	if k := sentence("Nobody is turned away on those grounds ."); k != Role {
		t.Errorf("a sentence without cues after a role sentence: %s, want role", k)
	}
	tr.Reset()
	if k := sentence("Staff get a yearly bonus and a pension ."); k != Benefits { // benefits do not carry
		t.Fatalf("benefits sentence: %s", k)
	}
	if k := sentence("Nobody is turned away on those grounds ."); k != Role {
		t.Errorf("a sentence without cues after benefits: %s, want role", k)
	}
}

func TestParseKindRoundTrip(t *testing.T) {
	for _, k := range Kinds() {
		got, err := ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k, got, err)
		}
	}
	if _, err := ParseKind("footer"); err == nil {
		t.Error("unknown kind should be an error")
	}
	if Role.Boilerplate() || !Benefits.Boilerplate() {
		t.Error("Boilerplate(): role is not boilerplate, benefits is")
	}
}

func TestCuesCompileErrors(t *testing.T) {
	for _, bad := range []string{"role 1", "footer 1 x", "role -1 x", "role 1 a\nrole 2 a", "@verbs is", "@noun", "@opener the", "role 2 you'll", "role 2 we ’re"} {
		if _, err := compileCues(bad); err == nil {
			t.Errorf("compileCues(%q) should fail", bad)
		}
	}
}

func BenchmarkSentence(b *testing.B) {
	toks := strings.Fields("You will be responsible for planning the weekly rota and ensuring compliance with our policies, and we offer 25 days annual leave.")
	var tr Tracker
	var parts []Part
	for b.Loop() {
		parts = tr.Sentence(parts[:0], toks, nil)
	}
}

// TestBulletsSplitRunTogetherLists: a list whose items are run together
// with bullet glyphs ("Responsibilities· Process payments.· …") splits
// into parts at the bullets, so that one item's cue does not decide the
// whole list.
func TestBulletsSplitRunTogetherLists(t *testing.T) {
	var tr Tracker
	toks := strings.Fields("Responsibilities\u00b7 Process vendor payments.\u00b7 Prepare the monthly reports \u00b7 Train new staff \u2022Plan the rota \u00b7 Keep the pension records")
	parts := tr.Sentence(nil, toks, nil)
	kinds := make([]Kind, len(parts))
	for i, p := range parts {
		kinds[i] = p.Kind
	}
	want := []Kind{Role, Role, Role, Role, Role, Benefits} // only the pension item is benefits
	if !slices.Equal(kinds, want) || parts[0].Last != 1 || parts[len(parts)-1].Last != len(toks) {
		t.Errorf("bulleted list: parts %+v, want kinds %v", parts, want)
	}
	// A benefits list after its heading: every item inherits the kind.
	tr.Reset()
	toks = strings.Fields("What we offer : \u00b7 Free fruit \u00b7 A bike shed")
	for _, p := range tr.Sentence(nil, toks, nil) {
		if p.Kind != Benefits {
			t.Errorf("benefits list: part %+v %q", p, toks[p.First:p.Last])
		}
	}
}

// TestListItemWithoutCuesContinuesTheItemBefore: in a header line split
// by bullets, an item with no cue of its own ("Reports to: …") takes the
// kind of the item before it.
func TestListItemWithoutCuesContinuesTheItemBefore(t *testing.T) {
	var tr Tracker
	toks := strings.Fields("Site : Riverside DC \u00b7 Reports to : Shift Manager \u00b7 Pay : \u00a333,500")
	parts := tr.Sentence(nil, toks, nil)
	want := []Kind{LocationSchedule, LocationSchedule, Benefits}
	if len(parts) != len(want) {
		t.Fatalf("parts %+v, want kinds %v", parts, want)
	}
	for i, p := range parts {
		if p.Kind != want[i] {
			t.Errorf("part %d %q: %s, want %s", i, toks[p.First:p.Last], p.Kind, want[i])
		}
	}
	// A new sentence starts afresh.
	if p := tr.Sentence(nil, strings.Fields("Nobody is turned away ."), nil); p[0].Kind != Role {
		t.Errorf("next sentence: %v", p)
	}
}

func TestGlueCuts(t *testing.T) {
	cases := []struct {
		tok  string
		want []string // the pieces, "|" before one that starts a part
	}{
		{"DescriptionArms", []string{"Description", "Arms"}},
		{"clients.Responsibilities", []string{"clients", "|Responsibilities"}},
		{"invoices.\u00b7", []string{"invoices."}},
		{"\u2022Prepare", []string{"|Prepare"}},
		{"and\u00b7Review", []string{"and", "|Review"}},
		{"\u00b7", nil},
	}
	for _, c := range cases {
		var got []string
		for _, p := range glueCuts(c.tok) {
			w := c.tok[p.start:p.end]
			if p.breakBefore {
				w = "|" + w
			}
			if w != "|" {
				got = append(got, w)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("glueCuts(%q) = %q, want %q", c.tok, got, c.want)
		}
	}
}

// cueCodes gives the cue codes of a text whose words are separated by
// spaces, as the tests of the subject and predicate rules write them.
func cueCodes(text string) []uint16 {
	words := strings.Fields(text)
	codes := make([]uint16, len(words))
	for i, w := range words {
		codes[i] = Code(w, strings.ToLower(w))
	}
	return codes
}

// TestOrganisationAgain: "it" or "they" with an organisation's verb is
// the organisation again right after a sentence about it, and the role's
// otherwise; "we" with any verb but a promise or a wish is the
// organisation once the document has shown the role's wording, and not in
// a memo that has not.
func TestOrganisationAgain(t *testing.T) {
	const role = "You will plan the rota and you will be responsible for the budget ."
	cases := []struct {
		name      string
		sentences []string
		want      Kind // the last sentence's kind
	}{
		{"it after the organisation", []string{role, "Riverside Hospital provides care across the county .", "It has strong links with the university ."}, AboutCompany},
		{"it after the role", []string{role, "It has strong links with the university ."}, Role},
		{"it recruiting", []string{role, "Riverside Hospital provides care across the county .", "It is looking for a nurse ."}, Role},
		{"we in a job post", []string{role, "We set bold goals and work hard to meet them ."}, AboutCompany},
		{"we in a memo", []string{"We set bold goals and work hard to meet them ."}, Role},
		{"we promising", []string{role, "We will train you in the first month ."}, Role},
	}
	for _, c := range cases {
		var tr Tracker
		var parts []Part
		for _, s := range c.sentences {
			parts = tr.Sentence(parts[:0], strings.Fields(s), nil)
		}
		if got := parts[len(parts)-1].Kind; got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// TestGapBetweenBoilerplateIsFilled: a short run of sentences with next to
// no role cue between two boilerplate ones becomes boilerplate (Filled),
// a longer run or one with role wording does not, nor a run with
// boilerplate on one side only, nor one in a document that has shown
// no role cue before (a memo).
func TestGapBetweenBoilerplateIsFilled(t *testing.T) {
	cases := []struct {
		name      string
		sentences []string
		want      []int // Filled's n after each sentence
		kind      Kind  // the kind filled, where any is
	}{
		{"one sentence between benefits and how to apply", []string{
			"You will plan the rota and you will be responsible for the budget .",
			"The package has 27 days annual leave and a pension scheme .",
			"Free fruit on Fridays .",
			"For an informal discussion please contact Sam on 01234 567890 .",
		}, []int{0, 0, 0, 1}, Benefits},
		{"two sentences", []string{
			"You will plan the rota and you will be responsible for the budget .",
			"The package has 27 days annual leave and a pension scheme .",
			"Free fruit on Fridays .",
			"Bikes welcome .",
			"For an informal discussion please contact Sam on 01234 567890 .",
		}, []int{0, 0, 0, 0, 2}, Benefits},
		{"three sentences", []string{
			"You will plan the rota and you will be responsible for the budget .",
			"The package has 27 days annual leave and a pension scheme .",
			"Free fruit on Fridays .",
			"Bikes welcome .",
			"Cake on birthdays .",
			"For an informal discussion please contact Sam on 01234 567890 .",
		}, []int{0, 0, 0, 0, 0, 3}, Benefits},
		{"four sentences are too many", []string{
			"You will plan the rota and you will be responsible for the budget .",
			"The package has 27 days annual leave and a pension scheme .",
			"Free fruit on Fridays .",
			"Bikes welcome .",
			"Cake on birthdays .",
			"Tea all day .",
			"For an informal discussion please contact Sam on 01234 567890 .",
		}, []int{0, 0, 0, 0, 0, 0, 0}, Role},
		{"role wording in the gap", []string{
			"You will plan the rota and you will be responsible for the budget .",
			"The package has 27 days annual leave and a pension scheme .",
			"You will plan the rota and you will be responsible for the budget .",
			"For an informal discussion please contact Sam on 01234 567890 .",
		}, []int{0, 0, 0, 0}, Role},
		{"no role cue in the document before: a memo", []string{
			"The package has 27 days annual leave and a pension scheme .",
			"Free fruit on Fridays .",
			"For an informal discussion please contact Sam on 01234 567890 .",
		}, []int{0, 0, 0}, Role},
		{"no boilerplate before", []string{
			"Plan the rota .",
			"Free fruit on Fridays .",
			"For an informal discussion please contact Sam on 01234 567890 .",
		}, []int{0, 0, 0}, Role},
	}
	for _, c := range cases {
		var tr Tracker
		for i, s := range c.sentences {
			tr.Sentence(nil, strings.Fields(s), nil)
			n, kind := tr.Filled()
			if n != c.want[i] || n > 0 && kind != c.kind {
				t.Errorf("%s: after sentence %d Filled() = %d, %s; want %d, %s", c.name, i, n, kind, c.want[i], c.kind)
			}
		}
		tr.Reset()
		if n, _ := tr.Filled(); n != 0 {
			t.Errorf("%s: Filled() = %d after Reset", c.name, n)
		}
	}
}

// TestParagraphEndsGap: a blank line (Paragraph) between a gap and the
// boilerplate after it leaves the gap to the role.
func TestParagraphEndsGap(t *testing.T) {
	var tr Tracker
	tr.Sentence(nil, strings.Fields("You will be responsible for the rota and the budget ."), nil)
	tr.Sentence(nil, strings.Fields("The package has 27 days annual leave and a pension scheme ."), nil)
	tr.Sentence(nil, strings.Fields("Free fruit on Fridays ."), nil)
	tr.Paragraph()
	tr.Sentence(nil, strings.Fields("For an informal discussion please contact Sam on 01234 567890 ."), nil)
	if n, _ := tr.Filled(); n != 0 {
		t.Errorf("Filled() = %d across a blank line, want 0", n)
	}
}

func TestBlankLine(t *testing.T) {
	cases := map[string]bool{
		" ": false, "\n": false, " \n ": false, "\n\n": true, " \n \t\n": true,
		"\r\n\r\n": true, "\n- \n": false, "": false,
	}
	for between, want := range cases {
		if got := BlankLine(between); got != want {
			t.Errorf("BlankLine(%q) = %v, want %v", between, got, want)
		}
	}
}

// TestSureCueDecides: a cue of weight sureWeight decides its part
// whatever role cues it names as its objects.
func TestSureCueDecides(t *testing.T) {
	var tr Tracker
	parts := tr.Sentence(nil, strings.Fields("These notes are not intended to be an exhaustive record of duties , responsibilities or qualifications ."), nil)
	if len(parts) != 1 || parts[0].Kind != Disclaimer {
		t.Errorf("parts %+v, want one disclaimer", parts)
	}
	parts = tr.Sentence(nil, strings.Fields("The job description lists the duties and qualifications of the post ."), nil)
	if len(parts) != 1 || parts[0].Kind != Role {
		t.Errorf("parts %+v, want one role part", parts)
	}
}
