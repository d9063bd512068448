// Package lexicon holds the lexicon model (dimensions, poles, entries with
// provenance) and loads, merges, validates and writes lexicon files with
// precise errors. Matching a lexicon against text is pipeline's job.
package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/leadlex/leadlex/stem"
)

// Pole is one side of a dimension: leadership or management.
type Pole uint8

// The two poles of every dimension.
const (
	Leadership Pole = iota
	Management
)

// Poles lists both poles in their canonical order.
var Poles = [2]Pole{Leadership, Management}

// String returns "leadership" or "management".
func (p Pole) String() string {
	if p == Management {
		return "management"
	}
	return "leadership"
}

// ParsePole reads "leadership" or "management" (case-insensitive).
func ParsePole(s string) (Pole, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "leadership":
		return Leadership, nil
	case "management":
		return Management, nil
	}
	return 0, fmt.Errorf("pole %q: want leadership or management", s)
}

// Kind says how an entry matches: one word, a sequence of words, or a word prefix.
type Kind string

// The entry kinds.
const (
	Word   Kind = "word"
	Phrase Kind = "phrase"
	Prefix Kind = "prefix"
)

// Entry is one term of a lexicon: a word, a phrase or a prefix wildcard that
// counts for one pole of one dimension, with where it came from.
type Entry struct {
	Term      string  // as written: "inspire", "set a vision", "innovat*"
	Dimension string  // name of the dimension it belongs to
	Pole      Pole    // which side it counts for
	Weight    float64 // multiplier for each hit; 1 unless set
	Source    string  // seed provenance: the source document's file name
	Phrase    string  // seed provenance: the phrase in that source
	Derived   string  // derived provenance: the corpus the entry was derived from
	Statistic string  // derived provenance: the statistic that put it there
	Note      string  // optional remark (why weighted, what it catches)
	Exact     bool    // phrases: do not skip determiners between the words
	Subject   bool    // names what the work is about (payroll, stock), not a way of working: weighted down, never suggested for rework
	File      string  // lexicon file it was defined in
	Line      int     // line in that file

	Context []ContextRule // neighbouring phrases that flip or cancel the entry
	// Entries a context rule added (see ContextRule) carry the rule:
	Cancel bool   // the match counts for neither pole
	Parent string // key of the entry whose rule added this one
	Rule   string // the rule, for explanations
}

// Provenance kinds: a verbatim quote from a seed article, or a statistic
// over a labelled corpus.
const (
	SeedProvenance    = "seed"
	DerivedProvenance = "derived"
)

// Provenance reports the kind of the entry's provenance: SeedProvenance
// (Source and Phrase) or DerivedProvenance (Derived and Statistic).
func (e *Entry) Provenance() string {
	if e.Derived != "" {
		return DerivedProvenance
	}
	return SeedProvenance
}

// Kind reports whether the entry is a single word, a phrase or a prefix wildcard.
func (e *Entry) Kind() Kind {
	words := stem.Words(e.Term)
	switch {
	case len(words) > 1:
		return Phrase
	case len(words) == 1 && strings.HasSuffix(words[0], "*"):
		return Prefix
	default:
		return Word
	}
}

// Key is the entry's identity for duplicate detection: its words stemmed,
// determiners dropped unless the entry is exact, wildcards kept as written.
func (e *Entry) Key(skip map[string]bool) string { return e.key(skip, stem.Stem) }

// key is Key with the stemmer given.
func (e *Entry) key(skip map[string]bool, stemOf func(string) string) string {
	words := stem.Words(e.Term)
	parts := make([]string, 0, len(words))
	for i, w := range words {
		if !e.Exact && i > 0 && i < len(words)-1 && skip[w] {
			continue
		}
		if !strings.HasSuffix(w, "*") {
			w = stemOf(w)
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

// Location returns "file:line" for messages about the entry.
func (e *Entry) Location() string {
	return fmt.Sprintf("%s:%d", e.File, e.Line)
}

func (e *Entry) errorf(format string, args ...any) error {
	return &Error{File: e.File, Line: e.Line, Msg: fmt.Sprintf(format, args...)}
}

// Dimension is a contrast the lexicon measures, such as vision versus execution.
type Dimension struct {
	Name        string
	Description string
	Leadership  string // what the leadership pole stands for
	Management  string // what the management pole stands for
}

// Negation configures which words cancel a hit shortly after them. The
// negator nearest the hit decides. A reversible negator ("afraid",
// "hesitate", "fail") negates on its own but is undone by another negator
// before it in the window, so "not afraid to take risks" and "never
// hesitates to inspire" count as the positive. A negator right before one
// of the Except words negates nothing ("not only", "not just").
type Negation struct {
	Window     int      // how many words before a hit are searched for negators
	Words      []string // lower-cased negators; "n't" covers contractions
	Reversible []string // negators another negator before them undoes
	Except     []string // words that, right after a negator, undo it
}

// DefaultNegation is used when a lexicon does not set its own.
var DefaultNegation = Negation{
	Window: 3,
	Words: []string{
		"not", "n't", "no", "never", "without", "hardly", "barely", "neither",
		"nor", "none", "nothing", "nobody", "lack", "lacks", "lacking", "cannot",
		"avoid", "avoids", "avoiding", "instead", "rather", "less", "fewer", "minimal",
	},
	Reversible: []string{
		"afraid", "fear", "fears", "hesitate", "hesitates", "hesitant", "reluctant",
		"unwilling", "refuse", "refuses", "fail", "fails", "failed",
	},
	Except: []string{"only", "just", "merely"},
}

// DefaultSkip lists words skipped between the words of a phrase, so that
// "set a vision" also matches "setting the vision" and "sets our vision".
var DefaultSkip = []string{
	"a", "an", "the", "our", "your", "their", "its", "his", "her", "my",
	"this", "that", "these", "those", "some", "any",
}

// Source names a seed document entries quote: its file name, the title of
// the article it holds and the file's first line, so a reader can trace a
// file name such as 000_9bd38622522702f2.txt to an article.
type Source struct {
	File      string
	Title     string
	FirstLine string
}

// Lexicon is a named, versioned set of dimensions and entries.
type Lexicon struct {
	Name        string
	Version     string
	Description string
	Sources     []Source // the seed documents entries name, when the file lists them
	Dimensions  []Dimension
	Entries     []Entry
	// Neutral entries take part in matching (the longest match wins) and
	// use up their words without counting for any pole: benefits wording
	// ("dental and vision"), department and title names ("human
	// resources", "director of operations"). Their Dimension is empty.
	Neutral  []Entry
	Skip     []string // words skipped inside phrases
	Agents   []string // agent nouns that may match the entries of their stem (see IsAgentNoun)
	Negation Negation
	Files    []string // the files it was loaded from, in order
	Hash     string   // sha256 of the files' contents, in order, hex

	setSkip, setNegation, setAgents bool // whether the file set them (for Merge)

	// stems holds stem.Stem of the words of the entries' terms, worked out
	// once by Validate; read-only afterwards (see Stem).
	stems map[string]string
}

// Stem returns stem.Stem(word). The stems of the lexicon's own words were
// worked out once when it was validated, so compiling a matcher over the
// lexicon does not stem each of them again; other words are stemmed now.
func (l *Lexicon) Stem(word string) string {
	if s, ok := l.stems[word]; ok {
		return s
	}
	return stem.Stem(word)
}

// stemOnce is stem.Stem, remembered in l.stems.
func (l *Lexicon) stemOnce(word string) string {
	s, ok := l.stems[word]
	if !ok {
		s = stem.Stem(word)
		l.stems[word] = s
	}
	return s
}

// SourceOf returns the listed seed document with the given file name.
func (l *Lexicon) SourceOf(file string) (Source, bool) {
	for _, s := range l.Sources {
		if s.File == file {
			return s, true
		}
	}
	return Source{}, false
}

// Dimension returns the dimension with the given name and its index, or -1.
func (l *Lexicon) Dimension(name string) (Dimension, int) {
	for i, d := range l.Dimensions {
		if d.Name == name {
			return d, i
		}
	}
	return Dimension{}, -1
}

// SkipSet returns the skip words as a set.
func (l *Lexicon) SkipSet() map[string]bool {
	return toSet(l.Skip)
}

// NegationSet returns the negation words, lower-cased, as a set.
func (l *Lexicon) NegationSet() map[string]bool {
	return toSet(l.Negation.Words)
}

// WordSet returns lower-cased words as a set.
func WordSet(words []string) map[string]bool { return toSet(words) }

// Lookup returns the entries whose term or key equals s (case-insensitive),
// neutral entries (empty Dimension) included.
func (l *Lexicon) Lookup(s string) []*Entry {
	want := strings.ToLower(strings.TrimSpace(s))
	probe := Entry{Term: want}
	key := probe.Key(l.SkipSet())
	if l.hasBlockedAgent(want) {
		key = "" // "influencers" shares influence's stem but does not match it (IsAgentNoun)
	}
	var out []*Entry
	for _, list := range [][]Entry{l.Entries, l.Neutral} {
		for i := range list {
			e := &list[i]
			if strings.ToLower(e.Term) == want || key != "" && e.Key(l.SkipSet()) == key {
				out = append(out, e)
			}
		}
	}
	return out
}

// Counts returns the number of entries per dimension and pole, in dimension
// order; entries added by context rules are not counted.
func (l *Lexicon) Counts() [][2]int {
	out := make([][2]int, len(l.Dimensions))
	for _, e := range l.Entries {
		if e.Generated() {
			continue
		}
		if _, i := l.Dimension(e.Dimension); i >= 0 {
			out[i][e.Pole]++
		}
	}
	return out
}

// Merge returns a lexicon with the entries of later extending or overriding
// those of l: an entry of later with the same key as one of l replaces it
// (even on another pole or dimension), new dimensions are appended, and a
// dimension redefined in later takes its new descriptions where they are set.
func Merge(l, later *Lexicon) (*Lexicon, error) {
	out := &Lexicon{
		Name:        joinNonEmpty(l.Name, later.Name),
		Version:     joinNonEmpty(l.Version, later.Version),
		Description: l.Description,
		Dimensions:  append([]Dimension(nil), l.Dimensions...),
		Sources:     mergeSources(l.Sources, later.Sources),
		Skip:        l.Skip,
		Agents:      l.Agents,
		Negation:    l.Negation,
		Files:       append(append([]string(nil), l.Files...), later.Files...),
	}
	if later.Description != "" {
		out.Description = later.Description
	}
	if later.setSkip {
		out.Skip = later.Skip
	}
	if later.setNegation {
		out.Negation = later.Negation
	}
	if later.setAgents {
		out.Agents = later.Agents
	}
	out.setSkip, out.setNegation = l.setSkip || later.setSkip, l.setNegation || later.setNegation
	out.setAgents = l.setAgents || later.setAgents
	for _, d := range later.Dimensions {
		_, i := out.Dimension(d.Name)
		if i < 0 {
			out.Dimensions = append(out.Dimensions, d)
			continue
		}
		cur := &out.Dimensions[i]
		cur.Description = firstNonEmpty(d.Description, cur.Description)
		cur.Leadership = firstNonEmpty(d.Leadership, cur.Leadership)
		cur.Management = firstNonEmpty(d.Management, cur.Management)
	}
	skip := out.SkipSet()
	replaced := map[string]bool{}
	for _, e := range slices.Concat(later.Entries, later.Neutral) {
		replaced[e.Key(skip)] = true
	}
	for _, e := range l.Entries {
		if !replaced[e.Key(skip)] && !(e.Generated() && replaced[e.Parent]) {
			out.Entries = append(out.Entries, e)
		}
	}
	out.Entries = append(out.Entries, later.Entries...)
	for _, e := range l.Neutral {
		if !replaced[e.Key(skip)] {
			out.Neutral = append(out.Neutral, e)
		}
	}
	out.Neutral = append(out.Neutral, later.Neutral...)
	h := sha256.New()
	h.Write([]byte(l.Hash))
	h.Write([]byte(later.Hash))
	out.Hash = hex.EncodeToString(h.Sum(nil))
	if err := out.Validate(); err != nil {
		return nil, err
	}
	return out, nil
}

// Validate checks that every entry names a known dimension, has a usable
// term and weight, and that no two entries share a key. The first problem
// found is returned with the entry's file and line.
func (l *Lexicon) Validate() error {
	if len(l.Dimensions) == 0 {
		return &Error{File: strings.Join(l.Files, ", "), Msg: "lexicon has no dimensions"}
	}
	skip := l.SkipSet()
	seen := make(map[string]*Entry, len(l.Entries)+len(l.Neutral))
	l.stems = make(map[string]string, len(l.Entries)+len(l.Neutral))
	for i := range l.Entries {
		e := &l.Entries[i]
		if _, d := l.Dimension(e.Dimension); d < 0 {
			return e.errorf("entry %q names unknown dimension %q", e.Term, e.Dimension)
		}
		if err := checkTerm(e.Term); err != nil {
			return e.errorf("entry %q: %v", e.Term, err)
		}
		if e.Weight <= 0 || e.Weight > 100 {
			return e.errorf("entry %q: weight %g is out of range (0, 100]", e.Term, e.Weight)
		}
		key := e.key(skip, l.stemOnce)
		if prev, ok := seen[key]; ok {
			where := prev.Location()
			if prev.File == e.File {
				where = fmt.Sprintf("line %d", prev.Line)
			}
			if prev.Pole != e.Pole {
				return e.errorf("entry %q conflicts with %q at %s: the same stems count for %s there and %s here",
					e.Term, prev.Term, where, prev.Pole, e.Pole)
			}
			return e.errorf("entry %q duplicates %q at %s (both match %q)", e.Term, prev.Term, where, key)
		}
		seen[key] = e
	}
	for i := range l.Neutral {
		e := &l.Neutral[i]
		if err := checkTerm(e.Term); err != nil {
			return e.errorf("neutral entry %q: %v", e.Term, err)
		}
		key := e.key(skip, l.stemOnce)
		if prev, ok := seen[key]; ok {
			if prev.Dimension == "" {
				return e.errorf("neutral entry %q duplicates %q at %s (both match %q)", e.Term, prev.Term, prev.Location(), key)
			}
			return e.errorf("neutral entry %q has the same words as %q at %s; an entry either counts or is neutral", e.Term, prev.Term, prev.Location())
		}
		seen[key] = e
	}
	return nil
}

// checkTerm rejects terms the matcher cannot use.
func checkTerm(term string) error {
	words := stem.Words(term)
	if len(words) == 0 {
		return fmt.Errorf("term is empty")
	}
	if len(words) > 8 {
		return fmt.Errorf("term has %d words; at most 8", len(words))
	}
	for _, w := range words {
		star := strings.Index(w, "*")
		switch {
		case star >= 0 && star != len(w)-1:
			return fmt.Errorf("word %q: '*' may only end a word", w)
		case star == 0:
			return fmt.Errorf("word %q: a wildcard needs at least 2 letters before '*'", w)
		case star > 0 && len([]rune(w[:star])) < 2:
			return fmt.Errorf("word %q: a wildcard needs at least 2 letters before '*'", w)
		}
		if strings.ContainsAny(w, ".,;:!?\"()[]{}") {
			return fmt.Errorf("word %q: punctuation is not matched; write words only", w)
		}
	}
	return nil
}

// SortedEntries returns the entries ordered by dimension order, pole, then term.
func (l *Lexicon) SortedEntries() []*Entry {
	out := make([]*Entry, len(l.Entries))
	for i := range l.Entries {
		out[i] = &l.Entries[i]
	}
	dimIndex := map[string]int{}
	for i, d := range l.Dimensions {
		dimIndex[d.Name] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if dimIndex[a.Dimension] != dimIndex[b.Dimension] {
			return dimIndex[a.Dimension] < dimIndex[b.Dimension]
		}
		if a.Pole != b.Pole {
			return a.Pole < b.Pole
		}
		return a.Term < b.Term
	})
	return out
}

func toSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

// mergeSources lists the sources of a, then those of b with a new file name.
func mergeSources(a, b []Source) []Source {
	out := append([]Source(nil), a...)
	for _, s := range b {
		if !slices.ContainsFunc(out, func(o Source) bool { return o.File == s.File }) {
			out = append(out, s)
		}
	}
	return out
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "+" + b
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
