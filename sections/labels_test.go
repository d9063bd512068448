package sections_test

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/internal/shareddata"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/sections"
)

// label is one hand-labelled span of a jobs-dev posting (testdata/labels.tsv).
type label struct {
	posting    string // postingRef of the posting
	start, end int
	kind       sections.Kind
	split      string
}

func readLabels(t *testing.T) []label {
	t.Helper()
	f, err := os.Open("testdata/labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "posting\t") || line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("labels.tsv:%d: %d fields, want 5", n, len(f))
		}
		start, err1 := strconv.Atoi(f[1])
		end, err2 := strconv.Atoi(f[2])
		kind, err3 := sections.ParseKind(f[3])
		if err1 != nil || err2 != nil || err3 != nil || start >= end || !validSplit[f[4]] {
			t.Fatalf("labels.tsv:%d: bad row %q", n, line)
		}
		out = append(out, label{f[0], start, end, kind, f[4]})
	}
	return out
}

// validSplit lists the splits of labels.tsv: dev (cues tuned on it),
// spent (the first held-out half, measured more than once and since tuned
// on like dev), heldout2 (a fresh sample, measured once, then tuned on
// like dev), heldout3 (the second fresh held-out sample) and heldout4 (the
// third, labelled after heldout3 was measured).
var validSplit = map[string]bool{"dev": true, "spent": true, "heldout2": true, "heldout3": true, "heldout4": true}

// devSplits are the splits the cues were tuned on.
var devSplits = []string{"dev", "spent", "heldout2"}

// wholeSentences lists the splits whose every span is one whole sentence
// as the pipeline splits the posting.
var wholeSentences = map[string]bool{"heldout2": true, "heldout3": true, "heldout4": true}

// TestLabelsAreSentences checks that every span of heldout2, heldout3 and
// heldout4 is one whole sentence as the pipeline splits the posting, that
// the older spans (a sentence, a run of them, or the part of one after a
// glued heading) lie inside the posting, and that no span is labelled twice. A
// change to tokenizing or sentence splitting that moves those spans shows
// here. It runs no classifier.
func TestLabelsAreSentences(t *testing.T) {
	labels := readLabels(t)
	text := postingTexts(t)
	sentences := map[string]map[[2]int]bool{}
	seen := map[label]bool{}
	for _, l := range labels {
		doc, ok := text[l.posting]
		if !ok || l.end > len(doc) {
			t.Fatalf("labelled posting %s is not in jobs-dev.tsv (or is shorter)", l.posting)
		}
		if wholeSentences[l.split] {
			if sentences[l.posting] == nil {
				sentences[l.posting] = sentenceSpans(doc)
			}
			if !sentences[l.posting][[2]int{l.start, l.end}] {
				t.Errorf("%s %d-%d (%s) is not a sentence of the posting", l.posting, l.start, l.end, l.split)
			}
		}
		key := label{posting: l.posting, start: l.start, end: l.end}
		if seen[key] {
			t.Errorf("%s %d-%d is labelled twice", l.posting, l.start, l.end)
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

// kindsOf classifies a posting as the pipeline does (tokens, sentences,
// one Tracker over the sentences in order) and returns each token with the
// kind of the part it fell in.
func kindsOf(text string) ([]pipeline.Token, []sections.Kind) {
	toks := pipeline.Tokenize(nil, text)
	sents := pipeline.Segment(nil, text, toks)
	kinds := make([]sections.Kind, len(toks))
	var tr sections.Tracker
	var words []string
	var parts []sections.Part
	for _, s := range sents {
		words = words[:0]
		for _, tk := range toks[s.First:s.Last] {
			words = append(words, tk.Text)
		}
		parts = tr.Sentence(parts[:0], words, nil)
		for _, p := range parts {
			for i := p.First; i < p.Last; i++ {
				kinds[s.First+i] = p.Kind
			}
		}
	}
	return toks, kinds
}

// predict returns the kind most of a span's words got.
func predict(toks []pipeline.Token, kinds []sections.Kind, start, end int) sections.Kind {
	var n [16]int
	for i, tk := range toks {
		if tk.Word && tk.Start >= start && tk.End <= end {
			n[kinds[i]]++
		}
	}
	best := sections.Role
	for k := range n {
		if n[k] > n[best] {
			best = sections.Kind(k)
		}
	}
	return best
}

type confusion struct{ tp, fp, fn, tn int }

func (c confusion) precision() float64 { return float64(c.tp) / float64(max(1, c.tp+c.fp)) }
func (c confusion) recall() float64    { return float64(c.tp) / float64(max(1, c.tp+c.fn)) }

// measure classifies the labelled spans of the given splits and counts
// boilerplate (any kind but role) against role, in all and per board
// (nhs, linkedin).
func measure(t *testing.T, splits []string, verbose bool) (confusion, map[string]confusion) {
	labels := readLabels(t)
	text := postingTexts(t)
	var c confusion
	boards := map[string]confusion{}
	cache := map[string]func(int, int) sections.Kind{}
	for _, l := range labels {
		if !slices.Contains(splits, l.split) {
			continue
		}
		doc, ok := text[l.posting]
		if !ok || l.end > len(doc) {
			t.Fatalf("labelled posting %s is not in jobs-dev.tsv (or is shorter)", l.posting)
		}
		if cache[l.posting] == nil {
			toks, kinds := kindsOf(doc)
			cache[l.posting] = func(a, b int) sections.Kind { return predict(toks, kinds, a, b) }
		}
		got := cache[l.posting](l.start, l.end)
		c.add(got, l.kind)
		b := boards[board(l.posting)]
		b.add(got, l.kind)
		boards[board(l.posting)] = b
		if verbose && got.Boilerplate() != l.kind.Boilerplate() {
			t.Logf("%s: want %s got %s: %.160q", l.split, l.kind, got, doc[l.start:l.end])
		}
	}
	return c, boards
}

// add counts one span classified as got and labelled want.
func (c *confusion) add(got, want sections.Kind) {
	switch {
	case got.Boilerplate() && want.Boilerplate():
		c.tp++
	case got.Boilerplate():
		c.fp++
	case want.Boilerplate():
		c.fn++
	default:
		c.tn++
	}
}

// board names the job board of a posting reference (postingRef).
func board(posting string) string {
	b, _, _ := strings.Cut(posting, ":")
	return b
}

// postingRef is how labels.tsv names a jobs-dev posting: its board and the
// id at the end of its source column ("nhs:916162067" for
// "stochastictalk/nhs_jobs_data:data/916162067.json@…#vacancy_id=916162067",
// "linkedin:3486250934" for "…postings_sample.csv@…#job_id=3486250934").
func postingRef(source string) string {
	b := "linkedin"
	if strings.HasPrefix(source, "stochastictalk/nhs_jobs_data:") {
		b = "nhs"
	}
	_, id, _ := strings.Cut(source[strings.LastIndexByte(source, '#')+1:], "=")
	return b + ":" + id
}

// TestBoilerplateDev reports the dev spans (dev, spent and heldout2), on
// which the cues were tuned; with -v it lists every disagreement.
func TestBoilerplateDev(t *testing.T) {
	c, boards := measure(t, devSplits, testing.Verbose())
	t.Logf("dev: precision %.3f recall %.3f (%+v)", c.precision(), c.recall(), c)
	for _, b := range []string{"nhs", "linkedin"} {
		t.Logf("dev %s: precision %.3f recall %.3f (%+v)", b, boards[b].precision(), boards[b].recall(), boards[b])
	}
}

// TestBoilerplateHeldOut measures the fresh held-out sample, heldout3
// (whole postings whose sentences were never used to write or weigh cues;
// measured once, after the cues were final). It prints no text: do not
// tune on it. LEADLEX_SKIP_HELDOUT=1 skips it, for whoever tunes the cues.
// The goal is precision >= 0.95 and recall >= 0.85; the test holds the
// figures reached (docs/VALIDITY.md), which a regression would fall below.
func TestBoilerplateHeldOut(t *testing.T) {
	if os.Getenv("LEADLEX_SKIP_HELDOUT") != "" {
		t.Skip("LEADLEX_SKIP_HELDOUT is set: the held-out labels are not measured while tuning")
	}
	c, boards := measure(t, []string{"heldout3"}, false)
	t.Logf("held-out: precision %.3f recall %.3f (%+v)", c.precision(), c.recall(), c)
	for _, b := range []string{"nhs", "linkedin"} {
		t.Logf("held-out %s: precision %.3f recall %.3f (%+v)", b, boards[b].precision(), boards[b].recall(), boards[b])
	}
	if c.tp+c.fn < 50 {
		t.Fatalf("only %d held-out boilerplate spans", c.tp+c.fn)
	}
	if c.precision() < heldOutMinPrecision || c.recall() < heldOutMinRecall {
		t.Errorf("held-out boilerplate precision %.3f (floor %.2f), recall %.3f (floor %.2f)",
			c.precision(), heldOutMinPrecision, c.recall(), heldOutMinRecall)
	}
}

// The floors TestBoilerplateHeldOut holds, just under the figures heldout3
// reached when it was measured, once, with the final cues (0.914, 0.657);
// the goal is 0.95 and 0.85.
const (
	heldOutMinPrecision = 0.91
	heldOutMinRecall    = 0.65
)

// postingTexts reads jobs-dev.tsv from the shared data (skipping the test
// where it is absent) and returns each posting's text by its postingRef.
func postingTexts(t *testing.T) map[string]string {
	t.Helper()
	posts, err := evaluate.ReadJobPosts(shareddata.Require(t, "jobs-dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	text := make(map[string]string, len(posts))
	for _, p := range posts {
		ref := postingRef(p.Source)
		if _, twice := text[ref]; twice || strings.HasSuffix(ref, ":") {
			t.Fatalf("jobs-dev.tsv: source %q does not give a reference of its own (%q)", p.Source, ref)
		}
		text[ref] = p.Text
	}
	return text
}
