package pipeline

import (
	"sort"
	"strings"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/stem"
)

// matchToken is what the matcher needs to know of one token of text.
type matchToken struct {
	Lower string // lower-cased surface form
	id    int32  // the matcher's number for its stem (matcher.token), 0 when no entry has that stem
	flags uint8  // what the token is to matching and negation (the flag constants below)
}

// The flags of a matchToken: what the lexicon's word lists say of its
// lower-cased form, looked up once per token (matcher.token) rather than at
// every hit.
const (
	flagSkip       uint8 = 1 << iota // a skip word: may stand between a phrase's words
	flagNegator                      // cancels hits after it
	flagReversible                   // a negator undone by another before it ("not afraid")
	flagExcept                       // undoes a negator right before it ("not only")
	flagWord                         // a word, with a stem: it can match, and it takes room in the negation window
)

// matcher finds lexicon entries in token sequences. It is built once by
// Compile and is safe for concurrent use.
type matcher struct {
	lex      *lexicon.Lexicon
	root     *node
	skip     map[string]bool
	negators map[string]bool // plain negators
	// reversible negators are undone by a negator before them ("not
	// afraid"); except words undo a negator right before them ("not only").
	reversible, except map[string]bool
	// agents are the agent nouns that may match the entries of their
	// stem (Lexicon.AgentSet); any other agent noun matches no whole-word
	// stem ("influencer" does not count as influence).
	agents   map[string]bool
	dimIndex []int // entry index -> dimension index
	// ids numbers every stem on an edge of the trie from 1, so that the
	// trie is walked by comparing numbers, not strings; stems[id] is the
	// stem again.
	ids   map[string]int32
	stems []string
	// stemHeads holds the first letters of every stem an entry matches on
	// (see MatchStem): a word that starts with none of them cannot stem to
	// any of those stems.
	stemHeads map[string]bool
}

type node struct {
	entry  int32           // index into Lexicon.Entries, or -1
	exact  bool            // the entry must match without skipped words
	next   map[int32]*node // by stem number (matcher.ids)
	prefix *prefixEdges    // nil when no wildcard leaves this node
}

// prefixEdges are the wildcard edges of a node, bucketed by the first byte
// of their prefix (every prefix has at least two letters), longest prefix
// first within a bucket: a token is compared only with the prefixes that
// start with its own first byte, not with all of them.
type prefixEdges [256][]prefixEdge

// of returns the edges whose prefix could match lower.
func (p *prefixEdges) of(lower string) []prefixEdge {
	if p == nil || lower == "" {
		return nil
	}
	return p[lower[0]]
}

type prefixEdge struct {
	prefix string
	to     *node
}

// maxSkips bounds how many skip words may stand between two phrase words.
const maxSkips = 2

// Compile builds a matcher for l. The lexicon must be valid (Parse and Merge
// validate); a later entry with the same path replaces an earlier one.
func compileMatcher(l *lexicon.Lexicon) *matcher {
	m := &matcher{
		lex:        l,
		root:       newNode(),
		skip:       l.SkipSet(),
		negators:   l.NegationSet(),
		reversible: lexicon.WordSet(l.Negation.Reversible),
		except:     lexicon.WordSet(l.Negation.Except),
		agents:     l.AgentSet(),
		dimIndex:   make([]int, len(l.Entries)),
		ids:        map[string]int32{},
		stems:      []string{""},
	}
	for i := range l.Entries {
		_, m.dimIndex[i] = l.Dimension(l.Entries[i].Dimension)
		m.add(&l.Entries[i], i)
	}
	for k := range l.Neutral {
		m.add(&l.Neutral[k], len(l.Entries)+k)
	}
	m.stemHeads = map[string]bool{}
	for _, stem := range m.stems[1:] {
		m.stemHeads[stemHead(stem)] = true
	}
	return m
}

// token returns the matcher token of a lower-cased word and its stem (as
// matchStem gives it; empty for a token that is not a word).
func (m *matcher) token(lower, stem string) matchToken {
	t := matchToken{Lower: lower}
	if stem != "" {
		t.id, t.flags = m.ids[stem], flagWord
		if t.id != 0 && lexicon.AgentBlocked(m.agents, lower, stem) {
			t.id = 0 // a person's name for the doer, not the stance of the entry (see lexicon.IsAgentNoun)
		}
	}
	if m.skip[lower] {
		t.flags |= flagSkip
	}
	if m.reversible[lower] {
		t.flags |= flagNegator | flagReversible
	} else if m.negators[lower] {
		t.flags |= flagNegator
	}
	if m.except[lower] {
		t.flags |= flagExcept
	}
	return t
}

// stemID returns the number of a stem on an edge of the trie, numbering
// it when it is new.
func (m *matcher) stemID(stem string) int32 {
	id, ok := m.ids[stem]
	if !ok {
		id = int32(len(m.stems))
		m.ids[stem] = id
		m.stems = append(m.stems, stem)
	}
	return id
}

// add puts entry e, numbered i, into the trie.
func (m *matcher) add(e *lexicon.Entry, i int) {
	n := m.root
	words := stem.Words(e.Term)
	for j, w := range words {
		if !e.Exact && j > 0 && j < len(words)-1 && m.skip[w] {
			continue
		}
		n = m.child(n, w)
	}
	n.entry, n.exact = int32(i), e.Exact
}

// stemHead is the part of a stem that every word with that stem starts
// with. The Snowball English stemmer only rewrites a word's ending: each
// rule deletes a suffix or replaces it with a string that starts with the
// same letter (turning a final y into i, or adding an e, changes one
// letter), so a stem shares all but at most its last letter with the word,
// or its last two when it ends in "ble" (from "biliti"). Stem's own
// irregular forms ("took" -> "take") are handled apart. Non-ASCII stems
// keep one byte. TestMatchStem checks this on a dictionary's words.
func stemHead(stem string) string {
	keep := len(stem) - 1
	if strings.HasSuffix(stem, "ble") {
		keep = len(stem) - 2
	}
	n := min(3, max(1, keep))
	for i := 0; i < len(stem); i++ {
		if stem[i] >= 0x80 {
			n = 1
		}
	}
	return stem[:min(n, len(stem))]
}

// MatchStem returns what matching needs of a lower-cased word's stem: the
// stem itself (Stem) when it could be one an entry matches on, or else the
// word unchanged, which matches no entry either. Most words of a text
// cannot match, and this spares them the stemmer.
func (m *matcher) matchStem(lower string) string {
	if !stem.IsIrregular(lower) && lower != "" {
		ascii := true
		for i := 0; i < len(lower); i++ {
			if lower[i] >= 0x80 {
				ascii = false
				break
			}
		}
		w := strings.TrimLeft(lower, "'") // the stemmer drops a leading apostrophe ('care → care)
		if ascii && (w == "" || !m.stemHeads[w[:1]] && !m.stemHeads[w[:min(2, len(w))]] && !m.stemHeads[w[:min(3, len(w))]]) {
			return lower
		}
	}
	return stem.Stem(lower)
}

func newNode() *node { return &node{entry: -1} }

// child returns the node under n that word leads to, adding it if needed.
func (m *matcher) child(n *node, word string) *node {
	if p, ok := strings.CutSuffix(word, "*"); ok {
		for _, e := range n.prefix.of(p) {
			if e.prefix == p {
				return e.to
			}
		}
		if n.prefix == nil {
			n.prefix = new(prefixEdges)
		}
		c := newNode()
		bucket := append(n.prefix[p[0]], prefixEdge{p, c})
		sort.SliceStable(bucket, func(i, j int) bool { return len(bucket[i].prefix) > len(bucket[j].prefix) })
		n.prefix[p[0]] = bucket
		return c
	}
	id := m.stemID(m.lex.Stem(word)) // stemmed once, when the lexicon was validated
	if n.next == nil {
		n.next = map[int32]*node{}
	}
	c, ok := n.next[id]
	if !ok {
		c = newNode()
		n.next[id] = c
	}
	return c
}

// entry returns the entry with index i; indexes from len(Lexicon.Entries)
// on are the neutral entries, in order.
func (m *matcher) entry(i int) *lexicon.Entry {
	if n := len(m.lex.Entries); i >= n {
		return &m.lex.Neutral[i-n]
	}
	return &m.lex.Entries[i]
}

// isNeutral reports whether the entry with index i (from longest) is a
// neutral entry: it uses up its words and counts for nothing.
func (m *matcher) isNeutral(i int) bool { return i >= len(m.lex.Entries) }

// DimensionIndex returns the index of entry i's dimension in Lexicon.Dimensions.
func (m *matcher) dimensionIndex(i int) int { return m.dimIndex[i] }

// isWord reports whether a token is a word with a stem.
func (t matchToken) isWord() bool { return t.flags&flagWord != 0 }

// isNegator reports whether a token cancels hits after it.
func (t matchToken) isNegator() bool { return t.flags&flagNegator != 0 }

// isReversible reports whether a negator is undone by another negator
// before it ("not afraid").
func (t matchToken) isReversible() bool { return t.flags&flagReversible != 0 }

// undoesNegation reports whether a token right after a negator undoes it
// ("only" in "not only").
func (t matchToken) undoesNegation() bool { return t.flags&flagExcept != 0 }

// NegationWindow is how many words before a hit are searched for a negator.
func (m *matcher) negationWindow() int { return m.lex.Negation.Window }

// CanStart reports whether an entry can begin with this token; callers use it
// to skip the full search for most tokens.
func (m *matcher) canStart(t matchToken) bool {
	if !t.isWord() {
		return false
	}
	if _, ok := m.root.next[t.id]; ok && t.id != 0 {
		return true
	}
	for _, e := range m.root.prefix.of(t.Lower) {
		if strings.HasPrefix(t.Lower, e.prefix) {
			return true
		}
	}
	return false
}

// Longest returns the entry of the longest match that starts at toks[i] and
// how many tokens it spans (skipped words included), or n == 0 when no entry
// starts there. Ties go to whole-word stems over prefixes, then to the
// longer prefix.
func (m *matcher) longest(toks []matchToken, i int) (entry int, n int) {
	best := match{entry: -1, end: i}
	m.search(toks, i, m.root, 0, 0, 0, &best)
	if best.entry < 0 {
		return -1, 0
	}
	return int(best.entry), best.end - i
}

type match struct {
	entry int32
	end   int
}

// search walks the trie from node n at token j; depth counts matched words,
// skipped the skip words passed over, run the skip words just before j.
func (m *matcher) search(toks []matchToken, j int, n *node, depth, skipped, run int, best *match) {
	if n.entry >= 0 && run == 0 && (!n.exact || skipped == 0) && j > best.end {
		best.entry, best.end = n.entry, j
	}
	if j >= len(toks) || (n.next == nil && n.prefix == nil) {
		return
	}
	t := toks[j]
	if t.isWord() {
		if c, ok := n.next[t.id]; ok && t.id != 0 {
			m.search(toks, j+1, c, depth+1, skipped, 0, best)
		}
		for _, e := range n.prefix.of(t.Lower) {
			if strings.HasPrefix(t.Lower, e.prefix) {
				m.search(toks, j+1, e.to, depth+1, skipped, 0, best)
			}
		}
	}
	// Inside a phrase, determiners may stand between its words.
	if depth > 0 && run < maxSkips && t.flags&flagSkip != 0 {
		m.search(toks, j+1, n, depth, skipped+1, run+1, best)
	}
}

// Matches returns the entries the words of text hit, left to right, the
// longest match first as in scoring; neutral entries are included (an
// entry's Dimension is empty). Text is split as terms are (Words),
// so punctuation is not handled; it serves look-ups such as
// `leadlex lexicon show innovators`.
func (m *matcher) matches(text string) []*lexicon.Entry {
	words := stem.Words(text)
	toks := make([]matchToken, len(words))
	for i, w := range words {
		toks[i] = m.token(w, stem.Stem(w))
	}
	var out []*lexicon.Entry
	for i := 0; i < len(toks); {
		e, n := m.longest(toks, i)
		if n == 0 {
			i++
			continue
		}
		out = append(out, m.entry(e))
		i += n
	}
	return out
}
