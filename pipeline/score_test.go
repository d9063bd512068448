package pipeline

import (
	"math"
	"slices"
	"testing"

	"github.com/leadlex/leadlex/results"
)

func TestLabel(t *testing.T) {
	o := DefaultLabels
	tests := []struct {
		lead, mgmt float64
		label      string
		conf       float64 // -1: only check the range
	}{
		{0, 0, results.LabelNone, 0},
		{0.25, 0, results.LabelNone, 0},                       // below --min-hits 0.5
		{0.3, 0.15, results.LabelNone, 0},                     // weighted sums count: 0.45
		{0.5, 0, results.LabelLeadership, -1},                 // one half-weight cue reaches it
		{1, 0, results.LabelLeadership, 1 - math.Pow(0.6, 2)}, // Beta(2,1): P(p > 0.6) = 1 - 0.6^2
		{2, 0, results.LabelLeadership, 1 - math.Pow(0.6, 3)}, // Beta(3,1): P(p > 0.6) = 1 - 0.6^3
		{0, 2, results.LabelManagement, 1 - math.Pow(0.6, 3)}, // mirror image
		{5, 5, results.LabelBalanced, -1},
		{5.5, 4.5, results.LabelBalanced, -1}, // balance 0.1
		{6, 4, results.LabelLeadership, -1},   // balance exactly 0.2 reaches the margin
		{7, 3, results.LabelLeadership, -1},   // balance 0.4
		{3, 7, results.LabelManagement, -1},
	}
	for _, tc := range tests {
		label, conf := o.Label(tc.lead, tc.mgmt)
		if label != tc.label {
			t.Errorf("Label(%v, %v) = %s, want %s", tc.lead, tc.mgmt, label, tc.label)
		}
		if tc.conf >= 0 && math.Abs(conf-tc.conf) > 1e-6 {
			t.Errorf("Label(%v, %v) confidence %v, want %v", tc.lead, tc.mgmt, conf, tc.conf)
		}
		if conf < 0 || conf > 1 {
			t.Errorf("Label(%v, %v) confidence %v out of [0, 1]", tc.lead, tc.mgmt, conf)
		}
	}
	// More evidence for the same share means more confidence.
	_, small := o.Label(4, 1)
	_, large := o.Label(40, 10)
	if !(large > small) {
		t.Errorf("confidence for 40:10 (%v) not above 4:1 (%v)", large, small)
	}
	// Balanced confidence is the mass between the two bands.
	_, bal := o.Label(50, 50)
	if bal < 0.9 {
		t.Errorf("confidence of balanced 50:50 = %v, want > 0.9", bal)
	}
}

func TestFillPer1kAndBalance(t *testing.T) {
	an := testAnalyzer(t)
	r := scoreText(t, an, "Inspire and inspire, then budget. Filler words here to pad out the count a bit more now.")
	if r.Words != 17 {
		t.Fatalf("words %d", r.Words)
	}
	if math.Abs(r.LeadershipPer1k-2*1000/17.0) > 1e-9 || math.Abs(r.ManagementPer1k-1000/17.0) > 1e-9 {
		t.Errorf("per_1k %v %v", r.LeadershipPer1k, r.ManagementPer1k)
	}
	if r.Balance == nil || math.Abs(*r.Balance-1.0/3) > 1e-9 {
		t.Errorf("balance %v, want 1/3", r.Balance)
	}
	if len(r.Dimensions) != 2 || r.Dimensions[0] != (results.DimensionScore{Name: "vision", Leadership: 2, Management: 1}) || r.Dimensions[1] != (results.DimensionScore{Name: "risk", Leadership: 0, Management: 0}) {
		t.Errorf("dimensions %+v", r.Dimensions)
	}
	none := scoreText(t, an, "Nothing to see here.")
	if none.Balance != nil || none.Label != results.LabelNone || len(none.Dimensions) != 2 {
		t.Errorf("no hits: balance %v label %s dims %d", none.Balance, none.Label, len(none.Dimensions))
	}
}

// TestTallyTouched: a tally lists the entries a document hit, in entry
// order, and Reset clears exactly those, so a Scorer reused for the next
// document starts from zero without clearing every entry of the lexicon.
func TestTallyTouched(t *testing.T) {
	tl := newTally(10)
	tl.AddHits([]Hit{
		{Entry: 7, Counts: true},
		{Entry: 2, Counts: true, Negated: true},
		{Entry: 7, Counts: true},
		{Entry: 4, Counts: false}, // boilerplate: not counted, not touched
		{Entry: 2, Counts: true},
	})
	if got := tl.Touched(); !slices.Equal(got, []int32{2, 7}) {
		t.Errorf("touched %v, want [2 7]", got)
	}
	if tl.Counts[7] != 2 || tl.Counts[2] != 1 || tl.Negated[2] != 1 || tl.Counts[4] != 0 {
		t.Errorf("counts %v negated %v", tl.Counts, tl.Negated)
	}
	tl.Reset()
	for i := range tl.Counts {
		if tl.Counts[i] != 0 || tl.Negated[i] != 0 {
			t.Fatalf("after Reset entry %d: %d / %d", i, tl.Counts[i], tl.Negated[i])
		}
	}
	if len(tl.Touched()) != 0 {
		t.Errorf("after Reset touched %v", tl.Touched())
	}
	tl.AddHits([]Hit{{Entry: 1, Counts: true, Negated: true}})
	if got := tl.Touched(); !slices.Equal(got, []int32{1}) || tl.Negated[1] != 1 {
		t.Errorf("second document: touched %v, negated %v", got, tl.Negated)
	}
}
