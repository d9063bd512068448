package sections_test

import (
	"os"
	"slices"
	"testing"

	"github.com/leadlex/leadlex/internal/sectionlabels"
	"github.com/leadlex/leadlex/internal/shareddata"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/sections"
)

func readLabels(t *testing.T) []sectionlabels.Label {
	t.Helper()
	labels, err := sectionlabels.Read("testdata/labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range labels {
		if !validSplit[l.Split] {
			t.Fatalf("labels.tsv: %s %d-%d: unknown split %q", l.Posting, l.Start, l.End, l.Split)
		}
	}
	return labels
}

// validSplit lists the splits of labels.tsv: dev (cues tuned on it),
// spent (the first held-out half, measured more than once and since tuned
// on like dev), heldout2, heldout3 and heldout4 (fresh samples, each
// measured once before any cue was written for it, then tuned on like
// dev: heldout4 in the fourth round, heldout5, labelled blind while the
// fourth round was tuned, in the fifth) and heldout6 (the fifth fresh
// sample, labelled blind while the fifth round was tuned).
var validSplit = map[string]bool{"dev": true, "spent": true, "heldout2": true, "heldout3": true, "heldout4": true, "heldout5": true, "heldout6": true}

// devSplits are the splits the cues were tuned on.
var devSplits = sectionlabels.TunedSplits

// wholeSentences lists the splits whose every span is one whole sentence
// as the pipeline splits the posting.
var wholeSentences = map[string]bool{"heldout2": true, "heldout3": true, "heldout4": true, "heldout5": true, "heldout6": true}

// TestLabelsAreSentences checks that every span of heldout2, heldout3,
// heldout4, heldout5 and heldout6 is one whole sentence as the pipeline
// splits the posting, that the older spans (a sentence, a run of them, or
// the part of one after a glued heading) lie inside the posting, and that
// no span is labelled twice. A change to tokenizing or sentence splitting
// that moves those spans shows here. It runs no classifier.
func TestLabelsAreSentences(t *testing.T) {
	labels := readLabels(t)
	text := postingTexts(t)
	sentences := map[string]map[[2]int]bool{}
	seen := map[sectionlabels.Label]bool{}
	for _, l := range labels {
		doc, ok := text[l.Posting]
		if !ok || l.End > len(doc) {
			t.Fatalf("labelled posting %s is not in jobs-dev.tsv (or is shorter)", l.Posting)
		}
		if wholeSentences[l.Split] {
			if sentences[l.Posting] == nil {
				sentences[l.Posting] = sentenceSpans(doc)
			}
			if !sentences[l.Posting][[2]int{l.Start, l.End}] {
				t.Errorf("%s %d-%d (%s) is not a sentence of the posting", l.Posting, l.Start, l.End, l.Split)
			}
		}
		key := sectionlabels.Label{Posting: l.Posting, Start: l.Start, End: l.End}
		if seen[key] {
			t.Errorf("%s %d-%d is labelled twice", l.Posting, l.Start, l.End)
		}
		seen[key] = true
	}
}

// sentenceSpans returns the byte spans of the sentences of text.
func sentenceSpans(text string) map[[2]int]bool {
	toks := pipeline.Tokenize(nil, text)
	out := map[[2]int]bool{}
	for _, s := range pipeline.Segment(nil, text, toks) {
		out[[2]int{s.Start, s.End}] = true
	}
	return out
}

// measure classifies the labelled spans of the given splits with tr and
// counts boilerplate (any kind but role) against role, in all and per
// board (nhs, linkedin).
func measure(t *testing.T, tr *sections.Tracker, splits []string, verbose bool) (sectionlabels.Confusion, map[string]sectionlabels.Confusion) {
	labels := readLabels(t)
	text := postingTexts(t)
	var c sectionlabels.Confusion
	boards := map[string]sectionlabels.Confusion{}
	cache := map[string]func(int, int) sections.Kind{}
	for _, l := range labels {
		if !slices.Contains(splits, l.Split) {
			continue
		}
		doc, ok := text[l.Posting]
		if !ok || l.End > len(doc) {
			t.Fatalf("labelled posting %s is not in jobs-dev.tsv (or is shorter)", l.Posting)
		}
		if cache[l.Posting] == nil {
			p := sectionlabels.Split(doc)
			kinds := p.Kinds(tr)
			cache[l.Posting] = func(a, b int) sections.Kind { return p.Predict(kinds, a, b) }
		}
		got := cache[l.Posting](l.Start, l.End)
		c.Add(got, l.Kind)
		b := boards[sectionlabels.Board(l.Posting)]
		b.Add(got, l.Kind)
		boards[sectionlabels.Board(l.Posting)] = b
		if verbose && got.Boilerplate() != l.Kind.Boilerplate() {
			var toks []string
			for _, tk := range pipeline.Tokenize(nil, doc[l.Start:l.End]) {
				toks = append(toks, tk.Text)
			}
			t.Logf("%s: want %s got %s: %.160q %s", l.Split, l.Kind, got, doc[l.Start:l.End], sections.CueTrace(toks))
		}
	}
	return c, boards
}

// TestBoilerplateDev reports the spans the cues were tuned on (dev, spent,
// heldout2, heldout3, heldout4 and heldout5), in all and per split, and holds a floor on each;
// with -v it lists every disagreement with the cues found in it. These figures are fitted: what the
// cues do on postings nobody read is the held-out split's figure.
func TestBoilerplateDev(t *testing.T) {
	c, boards := measure(t, &sections.Tracker{}, devSplits, testing.Verbose())
	t.Logf("dev: precision %.3f recall %.3f (%+v)", c.Precision(), c.Recall(), c)
	for _, b := range []string{"nhs", "linkedin"} {
		t.Logf("dev %s: precision %.3f recall %.3f (%+v)", b, boards[b].Precision(), boards[b].Recall(), boards[b])
	}
	for _, split := range devSplits {
		c, _ := measure(t, &sections.Tracker{}, []string{split}, false)
		t.Logf("dev %s: precision %.3f recall %.3f (%+v)", split, c.Precision(), c.Recall(), c)
		if c.Precision() < devMinPrecision || c.Recall() < devMinRecall {
			t.Errorf("%s: boilerplate precision %.3f (floor %.2f), recall %.3f (floor %.2f)",
				split, c.Precision(), devMinPrecision, c.Recall(), devMinRecall)
		}
	}
}

// TestGapRuleLeaveOneSplitOut checks that the gap rule's two settings are
// not fitted to one sample: leaving each tuned-on split out in turn, the
// setting the Tracker uses must have the best F1 for boilerplate on the
// other splits among the run lengths 0–3 and the role cue weights a
// sentence in the run may hold 0–1.5 (ties allowed: a fold whose splits
// score two settings alike does not choose between them; the log names
// the first best, the shorter run and lower weight first). With -v it
// logs each fold's choice and the left-out split's figures.
func TestGapRuleLeaveOneSplitOut(t *testing.T) {
	type setting struct {
		run  int
		role float64
	}
	var settings []setting
	for run := 0; run <= 3; run++ {
		for _, role := range []float64{0, 0.5, 1, 1.5} {
			settings = append(settings, setting{run, role})
		}
	}
	labels, text := readLabels(t), postingTexts(t)
	postings := map[string]*sectionlabels.Posting{}
	for _, l := range labels {
		if postings[l.Posting] == nil {
			postings[l.Posting] = sectionlabels.Split(text[l.Posting])
		}
	}
	bySplit := map[setting]map[string]sectionlabels.Confusion{}
	for _, s := range settings {
		bySplit[s] = measureBySplit(labels, postings, sections.TrackerWithGap(s.run, s.role))
	}
	run, role := sections.DefaultGap()
	for _, out := range devSplits {
		best, bestF, usedF := setting{}, -1.0, -1.0
		for _, s := range settings {
			var c sectionlabels.Confusion
			for _, split := range devSplits {
				if split != out {
					x := bySplit[s][split]
					c.TP, c.FP, c.FN, c.TN = c.TP+x.TP, c.FP+x.FP, c.FN+x.FN, c.TN+x.TN
				}
			}
			f := 2 * c.Precision() * c.Recall() / max(1e-9, c.Precision()+c.Recall())
			if f > bestF+1e-9 {
				best, bestF = s, f
			}
			if s == (setting{run, role}) {
				usedF = f
			}
		}
		left := bySplit[best][out]
		t.Logf("without %s: run %d, role weight %.1f (F1 %.4f; the Tracker's %.4f); %s with it: precision %.3f recall %.3f",
			out, best.run, best.role, bestF, usedF, out, left.Precision(), left.Recall())
		if usedF < bestF-1e-9 {
			t.Errorf("leaving %s out chooses run %d, role weight %.1f (F1 %.4f); the Tracker's %d, %.1f scores %.4f", out, best.run, best.role, bestF, run, role, usedF)
		}
	}
}

// measureBySplit classifies the labelled spans of the tuned-on splits with
// tr (their postings split already) and counts boilerplate against role
// per split.
func measureBySplit(labels []sectionlabels.Label, postings map[string]*sectionlabels.Posting, tr *sections.Tracker) map[string]sectionlabels.Confusion {
	out := map[string]sectionlabels.Confusion{}
	kinds := map[string][]sections.Kind{}
	for _, l := range labels {
		if !slices.Contains(devSplits, l.Split) {
			continue
		}
		p := postings[l.Posting]
		if kinds[l.Posting] == nil {
			kinds[l.Posting] = p.Kinds(tr)
		}
		c := out[l.Split]
		c.Add(p.Predict(kinds[l.Posting], l.Start, l.End), l.Kind)
		out[l.Split] = c
	}
	return out
}

// The floors TestBoilerplateDev holds on each tuned-on split, just under
// the lowest figures they reach (docs/VALIDITY.md): heldout4's precision
// (0.934) and heldout5's recall (0.774), the splits tuned on last and the
// least fitted.
const (
	devMinPrecision = 0.92
	devMinRecall    = 0.76
)

// heldOutSplit is the split TestBoilerplateHeldOut measures: heldout6,
// labelled blind while the fifth round of cues was written (on dev, spent
// and heldout2 to heldout5) and measured once with those cues final
// (0.912, 0.702). heldout5 read 0.938, 0.715 with the fourth round's cues,
// heldout4 0.910, 0.624 with the third's.
const heldOutSplit = "heldout6"

// TestBoilerplateHeldOut measures the fresh held-out sample, heldOutSplit
// (whole postings whose sentences were never used to write or weigh cues;
// measured once, after the cues were final). It prints no text: do not
// tune on it. LEADLEX_SKIP_HELDOUT=1 skips it, for whoever tunes the cues.
// The goal is precision >= 0.95 and recall >= 0.85; the test holds the
// figures reached (docs/VALIDITY.md), which a regression would fall below.
func TestBoilerplateHeldOut(t *testing.T) {
	if os.Getenv("LEADLEX_SKIP_HELDOUT") != "" {
		t.Skip("LEADLEX_SKIP_HELDOUT is set: the held-out labels are not measured while tuning")
	}
	c, boards := measure(t, &sections.Tracker{}, []string{heldOutSplit}, false)
	t.Logf("held-out: precision %.3f recall %.3f (%+v)", c.Precision(), c.Recall(), c)
	for _, b := range []string{"nhs", "linkedin"} {
		t.Logf("held-out %s: precision %.3f recall %.3f (%+v)", b, boards[b].Precision(), boards[b].Recall(), boards[b])
	}
	if c.TP+c.FN < 50 {
		t.Fatalf("only %d held-out boilerplate spans", c.TP+c.FN)
	}
	if c.Precision() < heldOutMinPrecision || c.Recall() < heldOutMinRecall {
		t.Errorf("held-out boilerplate precision %.3f (floor %.2f), recall %.3f (floor %.2f)",
			c.Precision(), heldOutMinPrecision, c.Recall(), heldOutMinRecall)
	}
}

// The floors TestBoilerplateHeldOut holds, just under the figures heldout6
// reached when it was measured, once, with the fifth round's cues (0.912,
// 0.702); the goal is 0.95 and 0.85.
const (
	heldOutMinPrecision = 0.90
	heldOutMinRecall    = 0.69
)

// postingTexts reads jobs-dev.tsv from the shared data (skipping the test
// where it is absent) and returns each posting's text by its reference.
func postingTexts(t *testing.T) map[string]string {
	t.Helper()
	text, err := sectionlabels.Texts(shareddata.Require(t, "jobs-dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	return text
}
