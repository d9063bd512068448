package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/leadlex/leadlex/lexicon"
)

// prose's tokenizer cuts text at white space (unicode.IsSpace) into runs
// ("term,", "long-term", "don't") and then splits each run on its own,
// looking at nothing outside it; its quote replacements never span white
// space either. The tokens of a text are therefore the tokens of its runs,
// in order, and a run's tokens depend on the run alone. runTokenizer uses
// that to ask prose about each distinct run once (all of a text's new runs
// in one call) and, when it remembers runs across calls, once per worker
// for a whole corpus: the same tokens as prose over the whole text, without
// re-tokenizing "the" a million times.

// runPiece is one token of a run, with what matching needs to know of it.
type runPiece struct {
	start, end int32  // byte offsets in the run
	text       string // the token as prose gave it (straight quotes)
	word       bool   // counts as a word
	canStart   bool   // a lexicon entry can begin with it
	tok        lexicon.Token
}

// runRef locates a run's tokens in runTokenizer.pieces; first < 0 marks a
// run still waiting for prose, n then being its index in the batch.
type runRef struct{ first, n int32 }

// runAt is one run of the text being tokenized.
type runAt struct {
	start, end int
	ref        runRef
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
	matcher  *lexicon.Matcher // nil: no stems
	limit    int
	cur, old *runMemory

	runs    []runAt  // scratch: the runs of the current text
	pending []string // scratch: runs to ask prose about
	refs    []runRef // scratch: where each pending run's pieces went
	split   []Token  // scratch: one run's tokens before they become pieces
}

// runMemory is one generation of remembered runs.
type runMemory struct {
	index  map[string]runRef
	pieces []runPiece
}

func newRunMemory(size int) *runMemory {
	return &runMemory{index: make(map[string]runRef, size)}
}

func newRunTokenizer(m *lexicon.Matcher, limit int) *runTokenizer {
	size := min(limit/2, 4096)
	return &runTokenizer{matcher: m, limit: limit, cur: newRunMemory(size), old: newRunMemory(size)}
}

// tokenize appends the tokens of text to toks and, when the tokenizer has a
// matcher, their matcher tokens and can-start flags to words and starts.
func (rt *runTokenizer) tokenize(text string, toks []Token, words []lexicon.Token, starts []bool) ([]Token, []lexicon.Token, []bool) {
	if rt.limit > 0 && (len(rt.cur.index) >= rt.limit/2 || len(rt.cur.pieces) >= 4*rt.limit) {
		rt.cur, rt.old = rt.old, rt.cur
		clear(rt.cur.index)
		clear(rt.cur.pieces) // drop the strings
		rt.cur.pieces = rt.cur.pieces[:0]
	}
	cur := rt.cur
	rt.runs, rt.pending = rt.runs[:0], rt.pending[:0]
	forEachRun(text, func(start, end int) {
		run := text[start:end]
		ref, ok := cur.index[run]
		if !ok {
			ref, ok = rt.old.index[run]
			if ok { // carry the run over into the newer generation
				first := int32(len(cur.pieces))
				cur.pieces = append(cur.pieces, rt.old.pieces[ref.first:ref.first+ref.n]...)
				ref.first = first
				cur.index[strings.Clone(run)] = ref
			} else {
				ref = runRef{first: -1, n: int32(len(rt.pending))}
				rt.pending = append(rt.pending, strings.Clone(run))
				if len(run) <= maxRunBytes {
					cur.index[rt.pending[ref.n]] = ref
				}
			}
		}
		rt.runs = append(rt.runs, runAt{start, end, ref})
	})
	if len(rt.pending) > 0 {
		rt.resolve()
	}
	for _, r := range rt.runs {
		ref := r.ref
		if ref.first < 0 {
			ref = rt.refs[ref.n]
		}
		for _, p := range cur.pieces[ref.first : ref.first+ref.n] {
			toks = append(toks, Token{Start: r.start + int(p.start), End: r.start + int(p.end), Text: p.text, Word: p.word})
			if rt.matcher != nil {
				words = append(words, p.tok)
				starts = append(starts, p.canStart)
			}
		}
	}
	if rt.limit == 0 {
		clear(cur.index)
		cur.pieces = cur.pieces[:0]
	}
	return toks, words, starts
}

// resolve tokenizes the pending runs with prose, in one call for all those
// that do not contain the sentinel, and stores their pieces.
func (rt *runTokenizer) resolve() {
	rt.refs = rt.refs[:0]
	var batch strings.Builder
	for _, run := range rt.pending {
		if strings.Contains(run, runSentinel) {
			continue
		}
		if batch.Len() > 0 {
			batch.WriteString(" " + runSentinel + " ")
		}
		batch.WriteString(run)
	}
	ptoks := proseTokens(batch.String())
	for _, run := range rt.pending {
		var mine []prose.Token
		if strings.Contains(run, runSentinel) {
			mine = proseTokens(run)
		} else {
			n := 0
			for n < len(ptoks) && ptoks[n].Text != runSentinel {
				n++
			}
			mine, ptoks = ptoks[:n], ptoks[min(n+1, len(ptoks)):]
		}
		rt.store(run, mine)
	}
	for i, run := range rt.pending {
		if len(run) <= maxRunBytes {
			rt.cur.index[run] = rt.refs[i]
		}
	}
}

// store aligns a run's prose tokens with the run, splits joined words, and
// appends the pieces.
func (rt *runTokenizer) store(run string, ptoks []prose.Token) {
	rt.split = rt.split[:0]
	pos := 0
	for _, pt := range ptoks {
		start, end := align(run, pos, pt.Text)
		pos = end
		rt.split = appendSplit(rt.split, run, Token{Start: start, End: end, Text: pt.Text})
	}
	ref := runRef{first: int32(len(rt.cur.pieces)), n: int32(len(rt.split))}
	for _, t := range rt.split {
		text := t.Text
		if text == run[t.Start:t.End] {
			text = run[t.Start:t.End] // share the run's memory, not prose's copy of the batch
		} else {
			text = strings.Clone(text)
		}
		p := runPiece{start: int32(t.Start), end: int32(t.End), text: text, word: t.Word}
		if rt.matcher != nil {
			lower := strings.ToLower(text)
			p.tok.Lower = lower
			if t.Word {
				p.tok.Stem = rt.matcher.MatchStem(lower) // the stem, where it can matter
				if p.tok.Stem == "" {
					p.tok.Stem = lower
				}
				p.canStart = rt.matcher.CanStart(p.tok)
			}
		}
		rt.cur.pieces = append(rt.cur.pieces, p)
	}
	rt.refs = append(rt.refs, ref)
}

// proseTokens runs prose's tokenizer (tagging, segmentation and extraction
// off) over text.
func proseTokens(text string) []prose.Token {
	if text == "" {
		return nil
	}
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
