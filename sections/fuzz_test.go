package sections

import (
	"strings"
	"testing"
)

// FuzzTracker classifies arbitrary text, a sentence a line and a blank line
// a paragraph break, and checks what the pipeline relies on: each
// sentence's parts cover its tokens in order with no gap, each has a
// kind, and the gap rule (Filled) turns at most defaultGap.maxRun
// sentences, all of them after the last paragraph break and after a
// sentence before them, and only when the sentence just given begins as
// boilerplate.
func FuzzTracker(f *testing.F) {
	for _, s := range []string{
		"You will plan the rota and you will be responsible for the budget .\nThe package has 27 days annual leave and a pension scheme .\nFree fruit on Fridays .\nFor an informal discussion please contact Sam on 01234 567890 .",
		"About us\nRiverside Clinic provides care across the county .\nIt has strong links with the university .\n\nWe set bold goals .",
		"Responsibilities·Lead the team·Manage the rota•Benefits: dental and vision",
		"AboutUsWe're a growing company.Apply now!!! CUH FVC2 ((((",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			t.Skip("long inputs add nothing here")
		}
		var tr Tracker
		var parts []Part
		since := 0 // sentences since the last paragraph break
		for _, line := range strings.Split(text, "\n") {
			tokens := strings.Fields(line)
			if len(tokens) == 0 {
				tr.Paragraph()
				since = 0
				continue
			}
			parts = tr.Sentence(parts[:0], tokens, nil)
			next := 0
			for _, p := range parts {
				if p.First != next || p.Last <= p.First || p.Kind >= numKinds {
					t.Fatalf("%q: parts %+v do not cover the tokens in order", line, parts)
				}
				next = p.Last
			}
			if next != len(tokens) {
				t.Fatalf("%q: parts %+v end at %d of %d tokens", line, parts, next, len(tokens))
			}
			n, kind := tr.Filled()
			if n < 0 || n > defaultGap.maxRun || n > 0 && n >= since || n > 0 && (!kind.Boilerplate() || !parts[0].Kind.Boilerplate()) {
				t.Fatalf("%q: Filled() = %d, %s after %d sentences of the paragraph, parts %+v", line, n, kind, since, parts)
			}
			since++
		}
	})
}
