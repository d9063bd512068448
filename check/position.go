package check

import (
	"bytes"
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

// lineIndex turns byte offsets of a text into positions. Lines end at
// "\n", "\r\n" or a lone "\r".
type lineIndex struct {
	text   string
	starts []int // byte offset at which each line starts
}

func newLineIndex(text string) *lineIndex {
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
	return &lineIndex{text: text, starts: starts}
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

// sourceMap maps byte offsets of a document's analysed text to positions in
// the file it came from. When the format extracted the text (HTML tags or
// Markdown syntax removed) the two differ; the map then aligns the words of
// the text with the words of the file, in order, and carries offsets over
// through the nearest word.
type sourceMap struct {
	lines   *lineIndex
	anchors []anchor // nil: the text is the file's text
}

// anchor says that the word at text offset text stands at file offset src.
type anchor struct{ text, src, n int }

// alignWindow bounds how far ahead of the last aligned word the next word is
// searched for, so a word missing from the file does not pull the
// alignment far ahead.
const alignWindow = 16 << 10

// newSourceMap maps offsets of text into raw, the file's bytes. When raw is
// nil, not UTF-8 (another encoding, decoded by the corpus reader) or equal
// to text, positions are taken in text itself.
func newSourceMap(text string, raw []byte) *sourceMap {
	raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
	if raw == nil || !utf8.Valid(raw) || string(raw) == text {
		return &sourceMap{lines: newLineIndex(text)}
	}
	src := string(raw)
	m := &sourceMap{lines: newLineIndex(src)}
	cur := 0
	for off := 0; off < len(text); {
		start, end := nextWord(text, off)
		if start < 0 {
			break
		}
		off = end
		word := text[start:end]
		limit := len(src)
		if len(m.anchors) > 0 {
			limit = min(len(src), cur+alignWindow)
		}
		if i := indexWord(src[cur:limit], word); i >= 0 {
			m.anchors = append(m.anchors, anchor{text: start, src: cur + i, n: len(word)})
			cur += i + len(word)
		}
	}
	if len(m.anchors) == 0 {
		return &sourceMap{lines: newLineIndex(text)}
	}
	return m
}

// position returns the file position of byte offset off of the text.
func (m *sourceMap) position(off int) Position {
	if m.anchors == nil {
		return m.lines.position(off)
	}
	i := sort.Search(len(m.anchors), func(i int) bool { return m.anchors[i].text > off }) - 1
	if i < 0 {
		return m.lines.position(m.anchors[0].src)
	}
	a := m.anchors[i]
	return m.lines.position(a.src + min(off-a.text, a.n))
}

// isWordRune reports whether r belongs to a word for alignment.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// nextWord finds the next run of letters and digits at or after off.
func nextWord(s string, off int) (start, end int) {
	start = -1
	for i, r := range s[off:] {
		if isWordRune(r) {
			if start < 0 {
				start = off + i
			}
			continue
		}
		if start >= 0 {
			return start, off + i
		}
	}
	if start < 0 {
		return -1, -1
	}
	return start, len(s)
}

// indexWord finds word in s where it is a whole word (not inside a longer one).
func indexWord(s, word string) int {
	for base := 0; ; {
		i := indexFrom(s, word, base)
		if i < 0 {
			return -1
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(word):])
		if (i == 0 || !isWordRune(before)) && (i+len(word) == len(s) || !isWordRune(after)) {
			return i
		}
		base = i + 1
	}
}

func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	i := strings.Index(s[from:], sub)
	if i < 0 {
		return -1
	}
	return from + i
}
