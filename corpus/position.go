package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Position is a place in a file: a 1-based line and a 1-based column
// counted in characters (Unicode code points), as editors show them. A
// carriage return before a line feed is part of the line break, not a column.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Positions maps byte offsets of a Doc's Text back to the file it was read
// from. The extractors record, as they write the text, where each word of
// it stands in the file, so nothing is re-read or re-aligned afterwards.
// For a .docx file, which has no lines of its own, and for text that was not
// extracted, positions are lines and columns of the Text itself.
type Positions struct {
	lines lineIndex
	spans spanMap // empty: the Text is the file's text
}

// TextPositions maps the offsets of text to its own lines and columns,
// for text that is its file's text.
func TextPositions(text string) *Positions {
	return &Positions{lines: newLineIndex(text)}
}

// At returns the place in the file of byte offset off of the Text.
func (p *Positions) At(off int) Position {
	return p.lines.position(p.Offset(off))
}

// End returns the place in the file just after the text that ends at byte
// offset off of the Text: where a span of the Text that ends there ends.
func (p *Positions) End(off int) Position {
	return p.lines.position(p.EndOffset(off))
}

// EndOffset is Offset for the end of a span: the source offset just after
// the byte before off, which may be far from the start of what follows.
func (p *Positions) EndOffset(off int) int {
	if off <= 0 {
		return p.Offset(off)
	}
	return p.spans.source(off-1) + 1
}

// Offset returns the byte offset in the file's decoded text (without a
// byte-order mark) of byte offset off of the Text.
func (p *Positions) Offset(off int) int {
	return p.spans.source(off)
}

// Source returns the file's decoded text the positions count in.
func (p *Positions) Source() string { return p.lines.text }

// spanMap maps offsets of an extracted text to offsets of its source. It
// holds one span per stretch that was copied from the source unchanged
// (a run of words with the same spacing), so it stays small.
type spanMap struct {
	text, src []int // the start of each span in the text and in the source
}

// add records that the n bytes at text offset at stand at source offset src.
func (m *spanMap) add(at, src int) {
	if k := len(m.text) - 1; k >= 0 && at-m.text[k] == src-m.src[k] {
		return // continues the last span
	}
	m.text = append(m.text, at)
	m.src = append(m.src, src)
}

// source returns the source offset of text offset off: that of the span
// it falls in, carried over byte for byte. Before the first span (or with
// none) the offset is taken as it is.
func (m *spanMap) source(off int) int {
	i := sort.SearchInts(m.text, off+1) - 1
	if i < 0 {
		if len(m.text) > 0 {
			return m.src[0]
		}
		return off
	}
	return m.src[i] + off - m.text[i]
}

// sourceText locates the words written into a textBuilder in the source
// they were taken from: raw is that source's piece at byte offset at, and
// words are looked for in it in order. Where the writer changed a word
// (a character reference decoded), the word is placed where the search
// stands.
type sourceText struct {
	raw     string
	at, cur int

	// With inner set, the text being added was extracted from the source by
	// another extractor: inner maps it to that extractor's input, and
	// toSource maps that input's offsets to the source's.
	inner    *spanMap
	toSource func(int) int
	base     int // where the line being written starts in the text being added
}

// find returns the source offset of the next occurrence of word and moves
// past it.
func (s *sourceText) find(word string) (int, bool) {
	i := strings.Index(s.raw[s.cur:], word)
	if i < 0 {
		return 0, false
	}
	s.cur += i + len(word)
	return s.at + s.cur - len(word), true
}

// locate records where word, about to be written at text offset at, stands
// in the source. A word the writer changed (an escape removed, a character
// reference decoded) is placed where the search stands, past white space,
// and each run of letters and digits in it where that run is found.
func (s *sourceText) locate(spans *spanMap, at int, word string, k int) {
	if s.inner != nil {
		s.carry(spans, at, word, s.base+k)
		return
	}
	if src, ok := s.find(word); ok {
		spans.add(at, src)
		return
	}
	if i := strings.IndexFunc(s.raw[s.cur:], func(r rune) bool { return !unicode.IsSpace(r) }); i > 0 {
		s.cur += i // where the changed word begins
	}
	spans.add(at, s.at+s.cur)
	for off := 0; ; {
		start, end := nextLetters(word, off)
		if start < 0 {
			return
		}
		if src, ok := s.find(word[start:end]); ok {
			spans.add(at+start, src)
		}
		off = end
	}
}

// carry records word, at offset off of the text being added, through the
// inner map: at its start and at each span of the inner map within it.
func (s *sourceText) carry(spans *spanMap, at int, word string, off int) {
	spans.add(at, s.toSource(s.inner.source(off)))
	for i := sort.SearchInts(s.inner.text, off+1); i < len(s.inner.text) && s.inner.text[i] < off+len(word); i++ {
		spans.add(at+s.inner.text[i]-off, s.toSource(s.inner.src[i]))
	}
}

// nextLetters finds the next run of letters and digits at or after off.
func nextLetters(s string, off int) (start, end int) {
	start = strings.IndexFunc(s[off:], isLetterOrDigit)
	if start < 0 {
		return -1, -1
	}
	start += off
	end = strings.IndexFunc(s[start:], func(r rune) bool { return !isLetterOrDigit(r) })
	if end < 0 {
		return start, len(s)
	}
	return start, start + end
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lineIndex turns byte offsets of a text into positions. Lines end at
// "\n", "\r\n" or a lone "\r".
type lineIndex struct {
	text   string
	starts []int // byte offset at which each line starts
}

func newLineIndex(text string) lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			starts = append(starts, i+1)
		}
	}
	return lineIndex{text: text, starts: starts}
}

// position returns the line and column of byte offset off (clamped to the
// text). An offset inside a multi-byte character counts as that character.
func (x *lineIndex) position(off int) Position {
	off = max(0, min(off, len(x.text)))
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	seg := x.text[x.starts[line]:off]
	col := utf8.RuneCountInString(seg) + 1
	if len(seg) > 0 && seg[len(seg)-1] == '\r' {
		col-- // the offset is on the "\n" of a "\r\n": the CR is no column
	}
	if off < len(x.text) && !utf8.RuneStart(x.text[off]) {
		col-- // inside a character: that character's column
	}
	return Position{Line: line + 1, Column: col}
}
