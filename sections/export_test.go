package sections

import (
	"fmt"
	"strings"
)

// CueTrace lists the cues found in a sentence's tokens, with their kinds and
// weights, and marks a sentence whose subject or predicate is the
// organisation; TestBoilerplateDev -v prints it beside each disagreement,
// for whoever tunes cues.txt.
func CueTrace(tokens []string) string {
	var codes []uint16
	var words []string
	for _, tok := range tokens {
		lw := strings.ToLower(tok)
		if !hasGlue(tok) || len(lw) != len(tok) {
			words = append(words, normalise(lw))
			continue
		}
		for _, p := range glueCuts(tok) {
			if p.end > p.start {
				words = append(words, normalise(lw[p.start:p.end]))
			}
		}
	}
	for _, w := range words {
		codes = append(codes, cues.vocab[w])
	}
	var b strings.Builder
	for i := 0; i < len(codes); {
		best, end := cues.longest(codes, i)
		if best == nil {
			i++
			continue
		}
		fmt.Fprintf(&b, "[%s %s %.1f] ", strings.Join(words[i:end], " "), best.kind, best.weight)
		i = end
	}
	if cues.organisationSubject(codes) || cues.organisationPredicate(codes) {
		b.WriteString("[organisation] ")
	}
	return b.String()
}

// TrackerWithGap returns a Tracker whose gap rule fills runs of up to
// maxRun sentences, each holding role cue weight up to maxRole, for
// TestGapRuleLeaveOneSplitOut to compare settings.
func TrackerWithGap(maxRun int, maxRole float64) *Tracker {
	return &Tracker{rule: &gapRule{maxRun: maxRun, maxRole: maxRole}}
}

// DefaultGap returns the gap rule's settings every Tracker uses.
func DefaultGap() (maxRun int, maxRole float64) { return defaultGap.maxRun, defaultGap.maxRole }
