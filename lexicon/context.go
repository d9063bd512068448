package lexicon

import (
	"fmt"
	"strings"
)

// PoleNone is the pole a context rule names to cancel an entry: the words
// are used up by the match but count for neither pole.
const PoleNone = "none"

// ContextRule turns an entry to another pole, or cancels it, when one of
// its phrases stands right before the entry (Before: "react to" before
// "change") or right after it (After: "averse" after "risk"). Phrases match
// as terms do: on stems, with skip words such as "the" allowed between
// words, so "adapting to the changes" meets the rule "adapt to" of "change".
type ContextRule struct {
	Before []string // phrases that end right before the entry
	After  []string // phrases that start right after it
	Pole   string   // "leadership", "management" or PoleNone
	Weight float64  // weight of the matched phrase; 0 keeps the entry's weight
}

// expandContext adds, for every context rule of every entry, one phrase
// entry per rule phrase: the phrase and the entry's term together, on the
// rule's pole. Longest match then does the rest: "react to change" is
// longer than "change", so it wins where it occurs. The added entries keep
// the entry's dimension and provenance and name their rule in Rule; their
// Parent is the entry's key, so a later lexicon that replaces the entry
// also drops them (see Merge).
func expandContext(l *Lexicon) error {
	skip := l.SkipSet()
	n := len(l.Entries)
	for i := 0; i < n; i++ {
		e := l.Entries[i]
		for _, r := range e.Context {
			pole, cancel := e.Pole, r.Pole == PoleNone
			if !cancel {
				p, err := ParsePole(r.Pole)
				if err != nil {
					return e.errorf("entry %q: context rule: %v or %s", e.Term, err, PoleNone)
				}
				pole = p
			}
			if !cancel && pole == e.Pole && r.Weight == 0 {
				return e.errorf("entry %q: context rule keeps the entry's pole %s and weight; give another pole, none, or a weight", e.Term, pole)
			}
			if len(r.Before)+len(r.After) == 0 {
				return e.errorf("entry %q: context rule has no before or after phrases", e.Term)
			}
			add := func(term, where, phrase string) {
				g := e
				g.Term, g.Pole, g.Cancel, g.Context = term, pole, cancel, nil
				if r.Weight > 0 {
					g.Weight = r.Weight
				}
				g.Parent = e.Key(skip)
				g.Rule = fmt.Sprintf("context rule of %q: %s %q → %s", e.Term, where, phrase, r.Pole)
				l.Entries = append(l.Entries, g)
			}
			for _, b := range r.Before {
				add(strings.TrimSpace(b)+" "+e.Term, "before", b)
			}
			for _, a := range r.After {
				add(e.Term+" "+strings.TrimSpace(a), "after", a)
			}
		}
	}
	return nil
}

// Generated reports whether the entry was added by a context rule of
// another entry rather than written in the lexicon file.
func (e *Entry) Generated() bool { return e.Parent != "" }
