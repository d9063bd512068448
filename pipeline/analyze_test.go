package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/results"
)

const testLexicon = `name: test
version: "1"
dimensions:
  - name: vision
    description: d
    entries:
      leadership:
        - {term: inspire, source: s}
        - {term: set a vision, source: s}
        - {term: vision, source: s}
        - {term: long-term vision, source: s}
        - {term: "innovat*", weight: 2, source: s}
      management:
        - {term: budget, source: s}
        - {term: deadline, weight: 0.5, source: s}
  - name: risk
    description: r
    entries:
      leadership:
        - {term: take risks, source: s}
      management:
        - {term: mitigate risks, source: s}
        - {term: compliance, source: s}
`

func testAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	lex, err := lexicon.Parse("test.yaml", []byte(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	return NewAnalyzer(lex, DefaultLabels)
}

// hits renders an analysis as "term:matched text" items, "!" marking negated ones.
func hits(an *Analyzer, text string, a *Analysis) []string {
	var out []string
	for _, h := range a.Hits {
		s := an.Lexicon().Entries[h.Entry].Term + ":" + text[h.Start:h.End]
		if h.Negated {
			s = "!" + s
		}
		out = append(out, s)
	}
	return out
}

func TestAnalyzeInflections(t *testing.T) {
	an := testAnalyzer(t)
	text := "She inspires people. Inspiring work. They were inspired."
	a := NewScorer(an).Analyze(text)
	got := hits(an, text, a)
	want := []string{"inspire:inspires", "inspire:Inspiring", "inspire:inspired"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("hits %q, want %q", got, want)
	}
	r := scoreText(t, an, text)
	if r.LeadershipHits != 3 || len(r.TopTerms) != 1 || r.TopTerms[0] != (results.TermCount{Term: "inspire", Pole: "leadership", Dimension: "vision", Count: 3}) {
		t.Errorf("leadership_hits %v top_terms %+v; want 3 hits of one entry", r.LeadershipHits, r.TopTerms)
	}
}

func TestAnalyzePhraseAcrossInflections(t *testing.T) {
	an := testAnalyzer(t)
	text := "We set a vision. Setting the vision is hard. He sets our vision."
	got := hits(an, text, NewScorer(an).Analyze(text))
	want := []string{"set a vision:set a vision", "set a vision:Setting the vision", "set a vision:sets our vision"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("hits %q, want %q", got, want)
	}
}

func TestAnalyzeNestedPhraseCountsOnce(t *testing.T) {
	an := testAnalyzer(t)
	text := "Our long-term vision matters."
	r := scoreText(t, an, text)
	if r.LeadershipHits != 1 || r.TopTerms[0].Term != "long-term vision" {
		t.Errorf("hits %v top %+v; want one hit of the longest phrase", r.LeadershipHits, r.TopTerms)
	}
}

func TestAnalyzeWeights(t *testing.T) {
	an := testAnalyzer(t)
	r := scoreText(t, an, "Innovative teams. Deadline and budget.")
	if r.LeadershipHits != 2 || r.ManagementHits != 1.5 {
		t.Errorf("leadership %v management %v; want 2 (weight 2) and 1.5 (0.5 + 1)", r.LeadershipHits, r.ManagementHits)
	}
	if r.TopTerms[0].Count != 1 {
		t.Errorf("top_terms counts are unweighted: %+v", r.TopTerms)
	}
}

func TestAnalyzeNegation(t *testing.T) {
	an := testAnalyzer(t)
	tests := []struct{ text, want string }{
		{"We do not inspire.", "[!inspire:inspire]"},
		{"We don't take risks.", "[!take risks:take risks]"},
		{"Never a budget here.", "[!budget:budget]"},
		{"Without a clear vision, nothing.", "[!vision:vision]"},
		{"No one can really inspire them.", "[inspire:inspire]"}, // "no" is 4 words back: outside the window of 3
		{"Not now, but inspire.", "[inspire:inspire]"},           // a comma ends the negation's reach
		{"It is not. Inspire!", "[inspire:Inspire]"},             // so does a sentence
		{"They don't \"inspire\" anyone.", "[!inspire:inspire]"}, // quotes do not
	}
	for _, tc := range tests {
		got := fmt.Sprint(hits(an, tc.text, NewScorer(an).Analyze(tc.text)))
		if got != tc.want {
			t.Errorf("%q: hits %s, want %s", tc.text, got, tc.want)
		}
	}
	r := scoreText(t, an, "We don't take risks. We take risks. Not a budget.")
	if r.LeadershipHits != 1 || r.ManagementHits != 0 || r.NegatedHits != 2 {
		t.Errorf("leadership %v management %v negated %v; want 1, 0, 2", r.LeadershipHits, r.ManagementHits, r.NegatedHits)
	}
}

func TestAnalyzeOffsetsAcrossChunks(t *testing.T) {
	an := testAnalyzer(t)
	para := strings.Repeat("Plain words fill this paragraph so it is long enough to matter. ", 40)
	var b strings.Builder
	for i := 0; b.Len() < 3*chunkTarget; i++ {
		fmt.Fprintf(&b, "%s\n\nParagraph %d has a budget.\n\n", para, i)
	}
	text := b.String()
	a := NewScorer(an).Analyze(text)
	want := strings.Count(text, "budget")
	if len(a.Hits) != want {
		t.Fatalf("%d hits, want %d", len(a.Hits), want)
	}
	for _, h := range a.Hits {
		if text[h.Start:h.End] != "budget" {
			t.Fatalf("hit at %d:%d is %q", h.Start, h.End, text[h.Start:h.End])
		}
	}
}

func scoreText(t testing.TB, an *Analyzer, text string) *results.Result {
	t.Helper()
	r := NewScorer(an).Score(context.Background(), corpus.Doc{ID: "x", Status: corpus.OK, Text: text})
	if r.Status != results.StatusOK {
		t.Fatalf("status %s: %v", r.Status, *r.Error)
	}
	return r
}

// TestScoreStreamEqualsText checks that streaming a long text in chunks
// gives exactly the counts of scoring it whole, including a paragraph so
// long it must be cut mid-sentence.
func TestScoreStreamEqualsText(t *testing.T) {
	an := testAnalyzer(t)
	var b strings.Builder
	for i := 0; b.Len() < 2*chunkMax; i++ {
		fmt.Fprintf(&b, "Sentence %d sets a vision and a budget, then", i)
		if i%3 == 0 {
			b.WriteString(" stops. ")
		} else {
			b.WriteString(" goes on ")
		}
		if i%30000 == 29999 {
			b.WriteString("end.\n\n")
		}
	}
	text := b.String()
	whole := NewScorer(an).Score(context.Background(), corpus.Doc{Status: corpus.OK, Text: text})
	streamed := NewScorer(an).Score(context.Background(), corpus.Doc{Status: corpus.OK, Body: nopCloser{strings.NewReader(text)}})

	// The reference: the same text analysed as one piece, without chunking,
	// tallied and filled like any row. Every cut here is at a space between
	// sentences (no paragraph breaks for over 1 MB, so cuts are forced), and
	// the test lexicon's entries are single words: every count is exact.
	// (A multi-word entry or a negation window spanning a forced cut would
	// be seen in two halves; see chunk.go.)
	sc := NewScorer(an)
	var ref Analysis
	sc.analyzeChunk(text, 0, false, &ref)
	tally := newTally(len(an.Lexicon().Entries))
	tally.Add(&ref)
	want := &results.Result{}
	an.fill(want, tally)
	if len(ref.Hits) < 1000 {
		t.Fatalf("only %d hits in the reference", len(ref.Hits))
	}
	for _, got := range []*results.Result{whole, streamed} {
		if got.Words != want.Words || got.Sentences != want.Sentences || got.LeadershipHits != want.LeadershipHits ||
			got.ManagementHits != want.ManagementHits || got.NegatedHits != want.NegatedHits ||
			!reflect.DeepEqual(got.Dimensions, want.Dimensions) || !reflect.DeepEqual(got.TopTerms, want.TopTerms) {
			t.Errorf("chunked words %d, sentences %d, hits %v/%v/%v, dimensions %v, terms %v;\nunchunked %d, %d, %v/%v/%v, %v, %v",
				got.Words, got.Sentences, got.LeadershipHits, got.ManagementHits, got.NegatedHits, got.Dimensions, got.TopTerms,
				want.Words, want.Sentences, want.LeadershipHits, want.ManagementHits, want.NegatedHits, want.Dimensions, want.TopTerms)
		}
	}
}

type nopCloser struct{ *strings.Reader }

func (nopCloser) Close() error { return nil }

// TestAnalyzeNegationFromLexicon checks a lexicon's own negation block
// replaces the default window and words.
func TestAnalyzeNegationFromLexicon(t *testing.T) {
	src := strings.Replace(testLexicon, "dimensions:\n", "negation: {window: 1, words: [sans]}\ndimensions:\n", 1)
	lex, err := lexicon.Parse("neg.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	an := NewAnalyzer(lex, DefaultLabels)
	tests := []struct{ text, want string }{
		{"Sans inspire.", "[!inspire:inspire]"},
		{"We do not inspire.", "[inspire:inspire]"}, // "not" is no negator here
		{"Sans a budget.", "[budget:budget]"},       // two words back: outside a window of 1
		{"Sans budget, sans vision.", "[!budget:budget !vision:vision]"},
	}
	for _, tc := range tests {
		if got := fmt.Sprint(hits(an, tc.text, NewScorer(an).Analyze(tc.text))); got != tc.want {
			t.Errorf("%q: hits %s, want %s", tc.text, got, tc.want)
		}
	}
	r := scoreText(t, an, "Sans inspire. Inspire! Sans budget.")
	if r.LeadershipHits != 1 || r.ManagementHits != 0 || r.NegatedHits != 2 {
		t.Errorf("leadership %v management %v negated %v; want 1, 0, 2", r.LeadershipHits, r.ManagementHits, r.NegatedHits)
	}
}

// TestAnalyzeDoubleNegation checks that negators cancel out in pairs and
// that "not only" negates nothing.
func TestAnalyzeDoubleNegation(t *testing.T) {
	an := testAnalyzer(t)
	for _, tc := range []struct{ text, want string }{
		{"They are not afraid to take risks.", "[take risks:take risks]"},
		{"She never hesitates to inspire.", "[inspire:inspire]"},
		{"They don't hesitate to take risks.", "[take risks:take risks]"},
		{"They are afraid to take risks.", "[!take risks:take risks]"}, // one negator
		{"They hesitate to inspire.", "[!inspire:inspire]"},
		{"She not only inspires, she plans.", "[inspire:inspires]"},
		{"She does not just inspire.", "[inspire:inspire]"},
		{"They would never fail to inspire.", "[inspire:inspire]"},
		{"We inspire nobody without a vision.", "[inspire:inspire !vision:vision]"}, // the nearest negator decides
		// Only negators within the window count: "no" is out of reach here.
		{"No one hesitates to really inspire.", "[!inspire:inspire]"},
	} {
		got := fmt.Sprint(hits(an, tc.text, NewScorer(an).Analyze(tc.text)))
		if got != tc.want {
			t.Errorf("%q: hits %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestEmptyDocumentScores holds that a document with no text, and the
// zero Doc, score as empty rows (0 words, label none, status ok) through
// every entry point rather than erroring.
func TestEmptyDocumentScores(t *testing.T) {
	sc := NewScorer(NewAnalyzer(lexicon.Default(), DefaultLabels))
	rows := map[string]*results.Result{
		"Analyze":    sc.Analyze("").Result,
		"AnalyzeDoc": sc.AnalyzeDoc(corpus.Doc{}).Result,
		"Score":      sc.Score(context.Background(), corpus.Doc{}),
	}
	for name, r := range rows {
		if r.Status != results.StatusOK || r.Error != nil || r.Words != 0 || r.Label != results.LabelNone || len(r.Dimensions) == 0 {
			t.Errorf("%s: %+v, want status ok, 0 words, label none, the dimensions", name, r)
		}
	}
}

const contextLexicon = `name: context
dimensions:
  - name: change
    entries:
      leadership:
        - {term: change, source: s, context: [{before: [react to, adapt to], pole: management}, {before: "fear of", pole: none}]}
        - {term: status quo, source: s, context: [{before: accept, pole: management, weight: 1.5}]}
      management:
        - {term: rules, weight: 0.5, source: s, context: [{before: [change, break], pole: leadership, weight: 2}]}
        - {term: plan, weight: 0.5, source: s, context: [{after: to follow, pole: management, weight: 1.5}]}
        - {term: risk, weight: 0.5, source: s, context: [{after: [seeking, seekers], pole: leadership}]}
`

// TestAnalyzeContextRules checks that neighbouring phrases flip or cancel
// an entry, on stems and with determiners between the words.
func TestAnalyzeContextRules(t *testing.T) {
	lex, err := lexicon.Parse("context.yaml", []byte(contextLexicon))
	if err != nil {
		t.Fatal(err)
	}
	an := NewAnalyzer(lex, DefaultLabels)
	for _, tc := range []struct {
		text       string
		lead, mgmt float64
	}{
		{"They drive change.", 1, 0},
		{"They react to change.", 0, 1},
		{"They are adapting to the changes.", 0, 1},
		{"Their fear of change is old.", 0, 0}, // cancelled: counts for neither pole
		{"They accept the status quo.", 0, 1.5},
		{"They challenge the status quo.", 1, 0},
		{"They follow the rules.", 0, 0.5},
		{"They change the rules.", 2, 0}, // "change the rules" beats "change" and "rules"
		{"A plan to follow.", 0, 1.5},
		{"A plan.", 0, 0.5},
		{"Risk-seekers and risk seeking.", 1, 0},
		{"Risk.", 0, 0.5},
		{"They don't react to change.", 0, 0}, // a flipped hit can be negated too
	} {
		r := scoreText(t, an, tc.text)
		if r.LeadershipHits != tc.lead || r.ManagementHits != tc.mgmt {
			t.Errorf("%q: leadership %v management %v; want %v and %v (%+v)", tc.text, r.LeadershipHits, r.ManagementHits, tc.lead, tc.mgmt, r.TopTerms)
		}
	}
}

// TestAnalyzeDocIsScore holds that the one analysis gives the row score
// writes, and hits that point at their words.
func TestAnalyzeDocIsScore(t *testing.T) {
	sc := NewScorer(NewAnalyzer(lexicon.Default(), DefaultLabels))
	d := corpus.Doc{ID: "a", Path: "a.txt", Format: "txt", Bytes: 80, Status: corpus.OK,
		Text: "You will coach and mentor the team. We never micromanage.\n\nTrack the budget and enforce compliance."}
	a := sc.AnalyzeDoc(d)
	want := sc.Score(context.Background(), d)
	if !reflect.DeepEqual(a.Result, want) {
		t.Errorf("AnalyzeDoc row\n%+v\nScore row\n%+v", a.Result, want)
	}
	if len(a.Hits) < 4 || a.Words != int(want.Words) {
		t.Fatalf("%d hits, %d words", len(a.Hits), a.Words)
	}
	for _, h := range a.Hits {
		if w := a.Text[h.Start:h.End]; strings.TrimSpace(w) != w || w == "" {
			t.Errorf("hit %+v covers %q", h, w)
		}
	}
}

// TestAnalyzeFillsGapBetweenBoilerplate: a sentence with no role cue
// between two boilerplate ones in the same paragraph is boilerplate too
// (sections.Tracker.Filled): its hits stop counting, it joins the
// boilerplate in text order, and the score and the analysis agree on the
// words left out. A blank line before the closing boilerplate leaves it be.
// (The first sentence's role cues make the text a job post's.)
func TestAnalyzeFillsGapBetweenBoilerplate(t *testing.T) {
	an := testAnalyzer(t)
	text := "You will plan the budget and you will be responsible for the rota.\nThe package has 27 days annual leave and a pension scheme.\n" +
		"Staff inspire the budget.\nFor an informal discussion please contact Sam on 01234 567890."
	a := NewScorer(an).Analyze(text)
	gap := strings.Index(text, "Staff")
	var counted []string
	for _, h := range a.Hits {
		if h.Counts {
			counted = append(counted, text[h.Start:h.End])
		}
		if h.Start > gap && h.Start < strings.Index(text, "For") && (h.Counts || !h.Section.Boilerplate()) {
			t.Errorf("hit %q in the gap: counts %v, section %s", text[h.Start:h.End], h.Counts, h.Section)
		}
	}
	if !slices.Equal(counted, []string{"budget"}) {
		t.Errorf("counted hits %q, want only the first sentence's budget", counted)
	}
	var starts []int
	words := 0
	for _, b := range a.Boilerplate {
		starts = append(starts, b.Start)
		words += b.Words
	}
	if len(starts) != 3 || !slices.IsSorted(starts) || starts[1] != gap {
		t.Errorf("boilerplate starts %v, want three in order, the second at %d", starts, gap)
	}
	if r := scoreText(t, an, text); int(r.ScoredWords) != a.Words-words || int(r.ScoredWords) != 13 {
		t.Errorf("scored words %d, want %d (the first sentence's 13)", r.ScoredWords, a.Words-words)
	}
	apart := strings.Replace(text, "\nFor", "\n\nFor", 1)
	if r := scoreText(t, an, apart); r.ScoredWords != 17 {
		t.Errorf("with a blank line before the contact sentence: scored words %d, want 17", r.ScoredWords)
	}
}
