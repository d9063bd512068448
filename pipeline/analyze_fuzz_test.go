package pipeline

import (
	"testing"
	"unicode/utf8"

	"github.com/leadlex/leadlex/lexicon"
)

// FuzzAnalyze feeds arbitrary text through the one analysis path and
// checks what every feature relies on: sentences in order and inside the
// text, hits and neutral matches inside their sentence and never
// overlapping, boilerplate stretches inside the text, scored words no more
// than words, and a second analysis of the same text on the same Scorer
// (its memory of runs now warm) giving the same row.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"We set a bold vision and inspire people to grow. You will not micromanage the budget.",
		"Responsibilities·Lead the team·Manage the rota•Benefits: dental and vision, long-term disability.",
		"We are an equal opportunity employer. We offer a pension and 25 days annual leave.",
		"'care' \"vision\" — n't not afraid to take risks; never hesitates to change the rules.",
		"AboutUsWe're a growing company.Apply now!!! ((((([[[[ ....",
		// The gap rule: a weak sentence between two boilerplate ones.
		"You will plan the budget and you will be responsible for the rota.\nThe package has 27 days annual leave and a pension scheme.\n" +
			"Staff inspire the budget.\nFor an informal discussion please contact Sam on 01234 567890.",
		"",
	} {
		f.Add(s)
	}
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			t.Skip("long inputs are the business of FuzzTokenizeTime")
		}
		sc := NewScorer(an)
		a := sc.Analyze(text)
		checkAnalysis(t, text, a)
		again := sc.Analyze(text)
		if (again.Result.Balance == nil) != (a.Result.Balance == nil) ||
			a.Result.Balance != nil && *again.Result.Balance != *a.Result.Balance ||
			again.Result.LeadershipHits != a.Result.LeadershipHits || again.Result.ManagementHits != a.Result.ManagementHits ||
			again.Words != a.Words || len(again.Hits) != len(a.Hits) || len(again.Sentences) != len(a.Sentences) {
			t.Fatalf("a second analysis differs: %+v / %+v", a.Result, again.Result)
		}
	})
}

// checkAnalysis checks the invariants of FuzzAnalyze on a.
func checkAnalysis(t *testing.T, text string, a *Analysis) {
	t.Helper()
	end := 0
	for i, s := range a.Sentences {
		if s.Start < end || s.End < s.Start || s.End > len(text) {
			t.Fatalf("sentence %d [%d,%d) after %d in %d bytes", i, s.Start, s.End, end, len(text))
		}
		end = s.End
	}
	for _, hits := range [][]Hit{a.Hits, a.Neutral} {
		prev := 0
		for _, h := range hits {
			if h.Start < prev || h.End <= h.Start || h.End > len(text) {
				t.Fatalf("hit [%d,%d) after %d in %d bytes", h.Start, h.End, prev, len(text))
			}
			if h.Sentence < 0 || h.Sentence >= len(a.Sentences) {
				t.Fatalf("hit in sentence %d of %d", h.Sentence, len(a.Sentences))
			}
			if s := a.Sentences[h.Sentence]; h.Start < s.Start || h.End > s.End {
				t.Fatalf("hit [%d,%d) outside its sentence [%d,%d)", h.Start, h.End, s.Start, s.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[h.Start:h.End]) {
				t.Fatalf("hit [%d,%d) cuts a character", h.Start, h.End)
			}
			prev = h.End
		}
	}
	left, prev := 0, 0
	for _, b := range a.Boilerplate {
		if b.Start < prev || b.End < b.Start || b.End > len(text) || b.Words < 0 || !b.Kind.Boilerplate() {
			t.Fatalf("boilerplate %+v after %d in %d bytes", b, prev, len(text))
		}
		prev, left = b.End, left+b.Words
	}
	checkHitSections(t, a)
	r := a.Result
	if r.ScoredWords < 0 || int(r.ScoredWords) != max(0, a.Words-left) || int(r.Words) != a.Words {
		t.Fatalf("words %d, row words %d, scored %d, boilerplate words %d", a.Words, r.Words, r.ScoredWords, left)
	}
	if r.LeadershipHits < 0 || r.ManagementHits < 0 || r.Balance != nil && (*r.Balance < -1 || *r.Balance > 1) {
		t.Fatalf("row %+v", r)
	}
}

// checkHitSections checks that a hit counts exactly when it stands in the
// role's text, and that it starts in a stretch of a.Boilerplate exactly
// when its section is boilerplate (the gap rule relabels both together).
func checkHitSections(t *testing.T, a *Analysis) {
	t.Helper()
	b := 0
	for _, h := range a.Hits {
		if h.Counts == h.Section.Boilerplate() {
			t.Fatalf("hit [%d,%d) in %s: counts %v", h.Start, h.End, h.Section, h.Counts)
		}
		for b < len(a.Boilerplate) && a.Boilerplate[b].End <= h.Start {
			b++
		}
		inside := b < len(a.Boilerplate) && a.Boilerplate[b].Start <= h.Start
		if inside != h.Section.Boilerplate() {
			t.Fatalf("hit [%d,%d) in %s, inside boilerplate: %v", h.Start, h.End, h.Section, inside)
		}
	}
}
