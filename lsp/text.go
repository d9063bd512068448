package lsp

import (
	"sort"
	"unicode/utf8"
)

// lineIndex converts between byte offsets of a text and LSP positions,
// whose characters are UTF-16 code units, and the 1-based line and
// character (code point) columns findings carry.
type lineIndex struct {
	text   string
	starts []int // byte offset of each line's start
}

func newLineIndex(text string) *lineIndex {
	x := &lineIndex{text: text, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			x.starts = append(x.starts, i+1)
		}
	}
	return x
}

// lineEnd returns the byte offset where line's content ends, before its
// line break ("\n" or "\r\n").
func (x *lineIndex) lineEnd(line int) int {
	end := len(x.text)
	if line+1 < len(x.starts) {
		end = x.starts[line+1] - 1
		if end > x.starts[line] && x.text[end-1] == '\r' {
			end--
		}
	}
	return end
}

// offset returns the byte offset of an LSP position. A line past the end
// is the end of the text; a character past the line's end is its end, as
// the protocol says; a character inside a surrogate pair rounds down.
func (x *lineIndex) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.starts) {
		return len(x.text)
	}
	i, end := x.starts[p.Line], x.lineEnd(p.Line)
	for units := 0; i < end; {
		r, size := utf8.DecodeRuneInString(x.text[i:end])
		w := utf16Len(r)
		if units+w > p.Character {
			break
		}
		units += w
		i += size
	}
	return i
}

// position returns the LSP position of a byte offset.
func (x *lineIndex) position(off int) Position {
	off = min(max(off, 0), len(x.text))
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	units := 0
	for _, r := range x.text[x.starts[line]:off] {
		units += utf16Len(r)
	}
	return Position{Line: line, Character: units}
}

// fromColumn returns the LSP position of a 1-based line and a 1-based
// column counted in characters (code points), as findings give them.
func (x *lineIndex) fromColumn(line, column int) Position {
	l := line - 1
	if l < 0 {
		return Position{}
	}
	if l >= len(x.starts) {
		return x.position(len(x.text))
	}
	i, end := x.starts[l], x.lineEnd(l)
	for c := 1; c < column && i < end; c++ {
		_, size := utf8.DecodeRuneInString(x.text[i:end])
		i += size
	}
	return x.position(i)
}

// utf16Len is how many UTF-16 code units encode r.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// applyChange applies one edit to text.
func applyChange(text string, ch TextDocumentContentChangeEvent) string {
	if ch.Range == nil {
		return ch.Text
	}
	x := newLineIndex(text)
	start, end := x.offset(ch.Range.Start), x.offset(ch.Range.End)
	if end < start {
		start, end = end, start
	}
	return text[:start] + ch.Text + text[end:]
}
