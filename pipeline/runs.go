package pipeline

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/jdkato/prose/v2"

	"github.com/leadlex/leadlex/sections"
)

// prose's tokenizer cuts text at white space (unicode.IsSpace) into runs
// ("term,", "long-term", "don't") and then splits each run on its own,
// looking at nothing outside it; its quote replacements never span white
// space either. The tokens of a text are therefore the tokens of its runs,
// in order, and a run's tokens depend on the run alone. runTokenizer uses
// that to ask prose about each distinct run once (all of a text's new runs
// in one call) and, when it remembers runs across calls, once per worker
// for a whole corpus: the same tokens as prose over the whole text, without
// re-tokenizing "the" a million times. TestRunTokenizerEqualsWhole
// (runs_test.go) guards the property: it compares the run tokenizer with
// prose over whole texts, so a prose upgrade that breaks it fails there.

// The memory of runs holds no pointers, so the garbage collector need not
// scan it: runs and the strings of their tokens live back to back in one
// byte slice per generation, located by spans, and runs are found by a
// 64-bit hash (checked against the run's bytes). Tokens handed out point
// into those bytes, which are only ever appended to; a new generation gets
// a new slice.

// span locates a string in a runMemory's bytes.
type span struct{ off, len uint32 }

// runPiece is one token of a run, with what matching needs to know of it:
// 32 bytes, most of the memory of runs. Its stem is not kept: matching
// needs only the stem's number and whether there is one (flagWord).
type runPiece struct {
	start, end  int32  // byte offsets in the run
	text, lower span   // the token as prose gave it (straight quotes), and lower-cased
	stemID      int32  // the matcher's number for its stem (matchToken.id)
	cue         uint16 // its sections.Code: which boilerplate cue word it is, if any
	flags       uint8  // matchToken.flags
	kind        uint8  // pieceWord, pieceCanStart
}

// The bits of runPiece.kind.
const (
	pieceWord     uint8 = 1 << iota // counts as a word (Token.Word)
	pieceCanStart                   // a lexicon entry can begin with it
)

// runEntry is one remembered run: its bytes and its pieces.
type runEntry struct {
	key      span
	first, n int32 // pieces[first:first+n]
}

// runMemory is one generation of remembered runs.
type runMemory struct {
	size    int              // runs it is made for
	index   map[uint64]int32 // hash of a run -> its entry; -1-k while it waits as pending run k
	entries []runEntry
	pieces  []runPiece
	bytes   []byte
	// recent is a small direct-mapped table in front of index, by the low
	// bits of the hash: the common runs ("the", "and,") are found there
	// without a map lookup. nil when nothing is remembered across calls.
	recent *[recentSlots]recentRun
}

const recentSlots = 4096

// recentRun is a slot of runMemory.recent: a run's hash and entry+1 (0: empty).
type recentRun struct {
	hash  uint64
	entry int32
}

// A generation that remembers up to n runs is given room for them from the
// start (about 5 MB for 32,000 runs), so that its memory does not grow and
// shrink as it fills and is forgotten: the heap, and with it the process's
// peak memory, stays the same from the first documents on.
const (
	piecesPerTwoRuns = 5  // tokens per two runs, with room to spare (4.2 in the generated corpus, 2.9 in job postings)
	bytesPerRun      = 24 // bytes per run for its text and its tokens' forms (14 and 17)
)

func newRunMemory(n int, remember bool) *runMemory {
	if !remember {
		return &runMemory{index: make(map[uint64]int32, min(n, 4096))}
	}
	return &runMemory{
		size:    n,
		index:   make(map[uint64]int32, n),
		entries: make([]runEntry, 0, n),
		pieces:  make([]runPiece, 0, piecesPerTwoRuns*n/2),
		bytes:   make([]byte, 0, bytesPerRun*n),
		recent:  new([recentSlots]recentRun),
	}
}

// full reports whether the generation holds as much as it was made for.
func (m *runMemory) full() bool {
	return len(m.entries) >= m.size || len(m.pieces) >= piecesPerTwoRuns*m.size/2 || len(m.bytes) >= bytesPerRun*m.size
}

// find returns the entry of run, whose hash is h, if the generation holds it.
func (m *runMemory) find(run string, h uint64) (int32, bool) {
	e, found, _ := m.lookup(run, h)
	return e, found
}

// lookup is find that, when run is not found, also says what the index
// holds for h (indexed): a pending run, or another run with the same hash.
func (m *runMemory) lookup(run string, h uint64) (e int32, found, indexed bool) {
	var slot *recentRun
	if m.recent != nil {
		slot = &m.recent[h%recentSlots]
		if slot.hash == h && slot.entry > 0 && m.str(m.entries[slot.entry-1].key) == run {
			return slot.entry - 1, true, true
		}
	}
	e, ok := m.index[h]
	if !ok || e < 0 || m.str(m.entries[e].key) != run {
		return e, false, ok
	}
	if slot != nil {
		*slot = recentRun{h, e + 1}
	}
	return e, true, true
}

// str returns the string at sp.
func (m *runMemory) str(sp span) string {
	if sp.len == 0 {
		return ""
	}
	return unsafe.String(&m.bytes[sp.off], sp.len)
}

// add appends s to the bytes and returns its span.
func (m *runMemory) add(s string) span {
	sp := span{uint32(len(m.bytes)), uint32(len(s))}
	m.bytes = append(m.bytes, s...)
	return sp
}

// addLower returns the span and the string of s lower-cased (as
// strings.ToLower), appending it to the bytes unless it is s itself, whose
// span is sp. ASCII is lower-cased straight into the bytes, without the
// string strings.ToLower would allocate.
func (m *runMemory) addLower(s string, sp span) (span, string) {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if lower := strings.ToLower(s); lower != s {
				return m.add(lower), lower
			}
			return sp, s
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return sp, s
	}
	lsp := span{uint32(len(m.bytes)), uint32(len(s))}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		m.bytes = append(m.bytes, c)
	}
	return lsp, m.str(lsp)
}

// reset empties the generation for reuse; its bytes go to the garbage
// collector, since tokens handed out may still point into them.
func (m *runMemory) reset() {
	if m.index == nil { // not made yet (newRunTokenizer)
		*m = *newRunMemory(m.size, true)
		return
	}
	clear(m.index)
	if m.recent != nil {
		clear(m.recent[:])
	}
	m.entries, m.pieces = m.entries[:0], m.pieces[:0]
	m.bytes = make([]byte, 0, max(bytesPerRun*m.size, 1024))
}

// copyFrom carries entry e of old over into m and returns its index in m.
func (m *runMemory) copyFrom(old *runMemory, e runEntry) int32 {
	key := m.add(old.str(e.key))
	rebase := func(sp span) span {
		if sp.off >= e.key.off && sp.off+sp.len <= e.key.off+e.key.len { // within the run
			return span{key.off + sp.off - e.key.off, sp.len}
		}
		return m.add(old.str(sp))
	}
	ne := runEntry{key: key, first: int32(len(m.pieces)), n: e.n}
	for _, p := range old.pieces[e.first : e.first+e.n] {
		p.text, p.lower = rebase(p.text), rebase(p.lower)
		m.pieces = append(m.pieces, p)
	}
	m.entries = append(m.entries, ne)
	return int32(len(m.entries) - 1)
}

// runAt is one run of the text being tokenized and its entry in the newer
// generation, or -1-k for pending run k.
type runAt struct {
	start, end int
	entry      int32
}

// runSentinel separates the runs of a batch sent to prose: a run of its own
// that prose returns as one token. A run containing it is sent alone.
const runSentinel = "\uE000"

// maxRunBytes bounds the runs remembered: longer ones (URLs, hashes) are
// rare and seldom repeat.
const maxRunBytes = 64

// runTokenizer tokenizes texts run by run and, if limit > 0, remembers up
// to limit distinct runs across calls in two generations: when the newer
// one holds limit/2 runs the older one is forgotten, and runs still in use
// are carried over as they are met, so memory stays flat however varied
// the corpus while the common runs are never forgotten. With a matcher it
// also lower-cases, stems and checks each word against the lexicon once per
// distinct run. It is not safe for concurrent use.
type runTokenizer struct {
	matcher  *matcher // nil: no stems
	limit    int
	hash     func(run string) uint64
	cur, old *runMemory

	runs    []runAt  // scratch: the runs of the current text
	pending []string // scratch: runs to ask prose about (slices of the text)
	hashes  []uint64 // scratch: their hashes
	keep    []bool   // scratch: whether to remember them
	entries []int32  // scratch: where each pending run's entry went
	split   []Token  // scratch: one run's tokens before they become pieces
	// words finds, by the hash of a word, the first piece of the newer
	// generation that holds it, so that a word met again in another run
	// ("team", "team,", "Team.") is stemmed and looked up once: its piece
	// gives the stem's number, the flags and whether an entry can start
	// there. Pointer-free, like the generation; cleared with it.
	words map[uint64]int32
	batch []byte // scratch: the new runs of a text, as sent to prose
}

// maxBatchKept bounds the batch buffer a tokenizer keeps between texts; a
// larger one (a chunk of many short new runs) is let go after use.
const maxBatchKept = 256 << 10

func newRunTokenizer(m *matcher, limit int) *runTokenizer {
	size := limit / 2
	seed := maphash.MakeSeed()
	hash := func(run string) uint64 { return maphash.String(seed, run) }
	// The older generation is made when the newer one first fills (reset):
	// a scorer that never remembers that many runs (a short run, a check,
	// an editor session) does not pay for it.
	return &runTokenizer{matcher: m, limit: limit, hash: hash, cur: newRunMemory(size, limit > 0), old: &runMemory{size: size}}
}

// tokenize appends the tokens of text to toks and, when the tokenizer has a
// matcher, their matcher tokens, can-start flags and section cue codes to
// words, starts and cues.
func (rt *runTokenizer) tokenize(text string, toks []Token, words []matchToken, starts []bool, cues []uint16) ([]Token, []matchToken, []bool, []uint16) {
	if rt.limit > 0 && rt.cur.full() {
		rt.cur, rt.old = rt.old, rt.cur
		rt.cur.reset()
		clear(rt.words)
		// Tokens left in the spare capacity of the caller's buffers from
		// longer texts point into forgotten generations' bytes: let them go.
		clear(toks[len(toks):cap(toks)])
		clear(words[len(words):cap(words)])
	}
	cur, old := rt.cur, rt.old
	rt.runs, rt.pending, rt.hashes, rt.keep = rt.runs[:0], rt.pending[:0], rt.hashes[:0], rt.keep[:0]
	forEachRun(text, func(start, end int) {
		run := text[start:end]
		h := rt.hash(run)
		e, found, ok := cur.lookup(run, h)
		if found {
			rt.runs = append(rt.runs, runAt{start, end, e})
			return
		}
		switch {
		case ok && e < 0 && rt.pending[-1-e] == run:
		default:
			if o, found := old.find(run, h); !ok && found {
				e = cur.copyFrom(old, old.entries[o])
				cur.index[h] = e
				break
			}
			e = int32(-1 - len(rt.pending))
			rt.pending = append(rt.pending, run)
			keep := !ok && len(run) <= maxRunBytes // not after a hash collision, nor when too long
			rt.hashes, rt.keep = append(rt.hashes, h), append(rt.keep, keep)
			if keep {
				cur.index[h] = e
			}
		}
		rt.runs = append(rt.runs, runAt{start, end, e})
	})
	if len(rt.pending) > 0 {
		rt.resolve()
	}
	for _, r := range rt.runs {
		e := r.entry
		if e < 0 {
			e = rt.entries[-1-e]
		}
		ent := cur.entries[e]
		for _, p := range cur.pieces[ent.first : ent.first+ent.n] {
			toks = append(toks, Token{Start: r.start + int(p.start), End: r.start + int(p.end), Text: cur.str(p.text), Word: p.kind&pieceWord != 0})
			if rt.matcher != nil {
				words = append(words, matchToken{Lower: cur.str(p.lower), id: p.stemID, flags: p.flags})
				starts = append(starts, p.kind&pieceCanStart != 0)
				cues = append(cues, p.cue)
			}
		}
	}
	if rt.limit == 0 {
		cur.reset()
	}
	clear(rt.pending) // do not keep the text alive
	return toks, words, starts, cues
}

// resolve tokenizes the pending runs with prose, in one call for all those
// that do not contain the sentinel, and stores their entries.
func (rt *runTokenizer) resolve() {
	proseRuns.Add(int64(len(rt.pending)))
	rt.entries = rt.entries[:0]
	batch := rt.batch[:0]
	for _, run := range rt.pending {
		if ownCall(run) {
			continue
		}
		if len(batch) > 0 {
			batch = append(batch, " "+runSentinel+" "...)
		}
		batch = append(batch, run...)
	}
	// prose's tokens may point into the batch; store copies what it keeps
	// into the memory of runs before the buffer is written again.
	var ptoks []prose.Token
	if len(batch) > 0 {
		ptoks = proseTokens(unsafe.String(&batch[0], len(batch)))
	}
	if rt.batch = batch; cap(batch) > maxBatchKept {
		rt.batch = nil
	}
	for i, run := range rt.pending {
		var mine []prose.Token
		if ownCall(run) {
			mine = runTokens(run)
		} else {
			n := 0
			for n < len(ptoks) && ptoks[n].Text != runSentinel {
				n++
			}
			mine, ptoks = ptoks[:n], ptoks[min(n+1, len(ptoks)):]
		}
		e := rt.store(run, mine)
		rt.entries = append(rt.entries, e)
		if rt.keep[i] {
			rt.cur.index[rt.hashes[i]] = e
		}
	}
}

// proseRuns counts the runs every runTokenizer of the process has asked
// prose about, read by the benchmarks (prose-runs/doc): the work the
// memory of runs saves, and what workers that each warm their own memory
// repeat. One atomic add per text with runs new to its worker.
var proseRuns atomic.Int64

// ownCall reports whether a run is tokenized on its own rather than in
// the batch of a text's new runs: one that holds the sentinel, or one long
// enough to be peeled.
func ownCall(run string) bool {
	return strings.Contains(run, runSentinel) || len(run) > peelAbove
}

// store aligns a run's prose tokens with the run, splits joined words, and
// appends the run's entry and pieces to the newer generation.
func (rt *runTokenizer) store(run string, ptoks []prose.Token) int32 {
	rt.split = rt.split[:0]
	pos := 0
	for _, pt := range ptoks {
		start, end := align(run, pos, pt.Text)
		pos = end
		rt.split = appendSplit(rt.split, run, Token{Start: start, End: end, Text: pt.Text})
	}
	m := rt.cur
	key := m.add(run)
	ent := runEntry{key: key, first: int32(len(m.pieces)), n: int32(len(rt.split))}
	for _, t := range rt.split {
		p := runPiece{start: int32(t.Start), end: int32(t.End)}
		if t.Word {
			p.kind = pieceWord
		}
		if t.Text == run[t.Start:t.End] {
			p.text = span{key.off + uint32(t.Start), uint32(t.End - t.Start)} // within the run
		} else {
			p.text = m.add(t.Text)
		}
		p.lower = p.text
		if rt.matcher != nil {
			var lower string
			p.lower, lower = m.addLower(t.Text, p.text)
			p.cue = sections.Code(t.Text, lower)
			if t.Word {
				rt.matchWord(&p, lower)
			} else {
				mt := rt.matcher.token(lower, "")
				p.stemID, p.flags = mt.id, mt.flags
			}
		}
		m.pieces = append(m.pieces, p)
	}
	m.entries = append(m.entries, ent)
	return int32(len(m.entries) - 1)
}

// matchWord fills in what matching needs of p, a word lower-cased to
// lower, about to be appended to the newer generation: its stem's number,
// its flags and whether an entry can start with it. A word the generation
// has met is copied from its first piece; a new one is stemmed (matchStem).
func (rt *runTokenizer) matchWord(p *runPiece, lower string) {
	m := rt.cur
	h := rt.hash(lower)
	k, seen := rt.words[h]
	if seen && m.str(m.pieces[k].lower) == lower {
		q := m.pieces[k]
		p.stemID, p.flags, p.kind = q.stemID, q.flags, p.kind|q.kind&pieceCanStart
		return
	}
	stem := rt.matcher.matchStem(lower) // the stem, where it can matter
	if stem == "" {
		stem = lower
	}
	mt := rt.matcher.token(lower, stem)
	p.stemID, p.flags = mt.id, mt.flags
	if rt.matcher.canStart(mt) {
		p.kind |= pieceCanStart
	}
	if rt.limit > 0 && !seen { // after a hash collision the first word keeps the slot
		if rt.words == nil {
			rt.words = make(map[uint64]int32)
		}
		rt.words[h] = int32(len(m.pieces))
	}
}

// proseTokens runs prose's tokenizer (tagging, segmentation and extraction
// off) over text.
//
// prose finds a clitic ("they'll", "don't") in a lower-cased copy of a
// token and cuts the token itself at that offset. Where lower-casing
// changes the length in bytes (İ, Ⱥ, the Kelvin sign, bytes that are not
// UTF-8), the cut lands inside a character or past the token's end, and
// prose panics: one such word would end a whole run. Such text goes to
// prose with those characters masked by as many bytes of "x", and the
// tokens' text is read back from the text itself.
func proseTokens(text string) []prose.Token {
	if text == "" {
		return nil
	}
	if !needsMask(text) {
		return callProse(text)
	}
	b := []byte(text)
	for i := 0; i < len(text); {
		size, shifts := lowerShifts(text[i:])
		if shifts {
			copy(b[i:i+size], "xxxx")
		}
		i += size
	}
	masked := string(b)
	toks := callProse(masked)
	pos := 0
	for i, t := range toks {
		start, end := align(masked, pos, t.Text)
		tok := text[start:end]
		if t.Text != masked[start:end] {
			tok = proseQuotes.Replace(tok) // prose's own quote replacement
		}
		toks[i].Text, pos = tok, end
	}
	return toks
}

// needsMask reports whether prose could cut text in the wrong place: it
// has an apostrophe (every clitic does) and a character whose lower case
// is of another length.
func needsMask(text string) bool {
	if !strings.ContainsAny(text, "'\u2019;") { // ' and ’, and &rsquo;
		return false
	}
	for i := 0; i < len(text); {
		size, shifts := lowerShifts(text[i:])
		if shifts {
			return true
		}
		i += size
	}
	return false
}

// lowerShifts returns the length of the character at the start of s and
// whether its lower case is of another length in bytes (a byte that is
// not UTF-8 becomes the three bytes of U+FFFD).
func lowerShifts(s string) (size int, shifts bool) {
	if s[0] < utf8.RuneSelf {
		return 1, false
	}
	r, size := utf8.DecodeRuneInString(s)
	return size, r == utf8.RuneError && size == 1 || utf8.RuneLen(unicode.ToLower(r)) != size
}

// callProse is prose's tokenizer itself.
func callProse(text string) []prose.Token {
	doc, err := prose.NewDocument(text, proseOptions...)
	if err != nil {
		return nil
	}
	return doc.Tokens()
}

// forEachRun calls fn with the byte offsets of each maximal run of text
// without white space, as prose's tokenizer delimits them.
func forEachRun(text string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		size, space := 1, false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			fn(start, i)
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// asciiSpace is unicode.IsSpace for ASCII bytes.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
