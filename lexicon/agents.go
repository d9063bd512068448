package lexicon

import (
	"strings"

	"github.com/leadlex/leadlex/stem"
)

// Agent nouns name a person by what they do: influencer, developers,
// operators. Snowball gives them the stem of the verb or abstract noun
// ("influencer" and "influence" both stem to influenc), so matching on stems
// alone would count a job's name ("software developers", "social media
// influencer") as the stance of its verb. An agent noun therefore matches
// an entry of its stem only where the lexicon allows it: when it is a word
// of an entry's own term ("stakeholders" for "stakeholder engagement"), or
// when it is listed in Lexicon.Agents (the reviewed pairs of
// testdata/stem-collisions.tsv whose verdict is "same": innovators for
// innovation).

// DefaultAgents lists the agent nouns that match the entries of their stem
// unless a lexicon sets its own list: the "same" verdicts of the reviewed
// stem collisions (TestAgentNounsReviewed keeps the two in step).
var DefaultAgents = []string{
	"collaborator", "collaborators", "communicator", "communicators", "innovator", "innovators",
	"motivator", "performer", "performers", "prioritiser", "regulator", "regulators",
}

// IsAgentNoun reports whether a lower-cased word is an agent noun whose
// -er or -or ending its stem has dropped ("influencer" to influenc,
// "operators" to oper), so that it shares a stem with other words.
// "monitor" (stem monitor) and "power" (stem power) are not: their stem
// keeps the ending, and no other word reaches it through the ending.
func IsAgentNoun(lower, stem string) bool {
	w := strings.TrimSuffix(lower, "'s")
	w = strings.TrimSuffix(w, "s")
	if len(w) < 4 || !strings.HasSuffix(w, "er") && !strings.HasSuffix(w, "or") {
		return false
	}
	return !strings.HasSuffix(stem, w[len(w)-2:]) && len(stem) < len(w)
}

// AgentAllowed reports whether an agent noun is in allowed (an AgentSet),
// as written or without its plural or possessive ending.
func AgentAllowed(allowed map[string]bool, lower string) bool {
	return allowed[lower] || allowed[strings.TrimSuffix(strings.TrimSuffix(lower, "'s"), "s")]
}

// AgentSet returns the agent nouns that may match entries of their stem:
// Agents, and the words of every entry's own term (so "stakeholders" keeps
// matching "stakeholder engagement"), each also without a plural s.
func (l *Lexicon) AgentSet() map[string]bool {
	out := map[string]bool{}
	add := func(w string) {
		out[w] = true
		out[strings.TrimSuffix(w, "s")] = true
	}
	for _, w := range l.Agents {
		add(strings.ToLower(w))
	}
	for _, list := range [][]Entry{l.Entries, l.Neutral} {
		for _, e := range list {
			for _, w := range stem.Words(e.Term) {
				add(w)
			}
		}
	}
	return out
}

// AgentBlocked reports whether a lower-cased word, whose stem is given, is
// an agent noun that may not match the entries of its stem: one not in
// allowed (an AgentSet). Matching and Lookup both ask it.
func AgentBlocked(allowed map[string]bool, lower, stem string) bool {
	return IsAgentNoun(lower, stem) && !AgentAllowed(allowed, lower)
}

// hasBlockedAgent reports whether a lower-cased text holds an agent noun
// the lexicon does not allow to match the entries of its stem.
func (l *Lexicon) hasBlockedAgent(text string) bool {
	var allowed map[string]bool // made only when an agent noun turns up
	for _, w := range stem.Words(text) {
		s := stem.Stem(w)
		if !IsAgentNoun(w, s) {
			continue
		}
		if allowed == nil {
			allowed = l.AgentSet()
		}
		if AgentBlocked(allowed, w, s) {
			return true
		}
	}
	return false
}
