package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/stem"
)

func TestIsAgentNoun(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"influencer", true}, {"influencers", true}, {"developers", true}, {"operator", true}, {"innovator's", true},
		{"monitor", false}, {"power", false}, {"influence", false}, {"develops", false}, {"planner", false}, {"or", false},
	} {
		if got := IsAgentNoun(tc.word, stem.Stem(tc.word)); got != tc.want {
			t.Errorf("IsAgentNoun(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

// TestAgentNounsReviewed lists the common agent nouns that share a stem
// with a default-lexicon entry word without being a word of an entry's own
// term, and checks each against the reviewed collisions: a "same" verdict
// must be in DefaultAgents (it keeps matching), a "different" one must not
// (it matches nothing), and an unreviewed one fails. The review table thus
// drives the list the matcher allows.
func TestAgentNounsReviewed(t *testing.T) {
	vocab, shared := vocabulary(t)
	verdict := map[string]string{}
	for pair, v := range readReviewed(t) {
		verdict[pair[1]] = v
	}
	l := Default()
	own := (&Lexicon{Entries: l.Entries, Neutral: l.Neutral}).AgentSet()
	entryWord := map[string]string{}
	for _, e := range l.Entries {
		for _, w := range stem.Words(e.Term) {
			if s := stem.Stem(w); !strings.HasSuffix(w, "*") && (entryWord[s] == "" || w < entryWord[s]) {
				entryWord[s] = w
			}
		}
	}
	var missing []string
	for w, n := range vocab {
		s := stem.Stem(w)
		if entryWord[s] == "" || n < minCommon || !IsAgentNoun(w, s) || AgentAllowed(own, w) {
			continue
		}
		switch v := verdict[w]; {
		case v == "":
			missing = append(missing, fmt.Sprintf("%s\t%s\t%s\t?\t", entryWord[s], w, s))
		case (v == "same") != slices.Contains(DefaultAgents, w):
			t.Errorf("agent noun %q is reviewed %s in %s but DefaultAgents has it: %v", w, v, collisionFile, slices.Contains(DefaultAgents, w))
		}
	}
	for _, w := range DefaultAgents {
		if verdict[w] != "same" {
			t.Errorf("DefaultAgents lists %q, which %s does not review as same", w, collisionFile)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		t.Errorf("%d unreviewed agent nouns; review each in %s (same: keeps matching, add it to DefaultAgents):\n%s",
			len(missing), collisionFile, strings.Join(missing, "\n"))
	}
	if !shared {
		t.Log("seeds or shared data sets not found: agent nouns were sought in the repository's test data only")
	}
}

// TestLookupAgentNouns: lexicon show looks an agent noun up as matching
// does, so a blocked one names no entry of its stem.
func TestLookupAgentNouns(t *testing.T) {
	l := Default()
	for word, want := range map[string]string{"influencers": "", "Influencer's": "", "developer": "", "collaborators": "collaboration", "influence": "influence"} {
		got := ""
		if es := l.Lookup(word); len(es) > 0 {
			got = es[0].Term
		}
		if got != want {
			t.Errorf("Lookup(%q) = %q, want %q", word, got, want)
		}
	}
}
