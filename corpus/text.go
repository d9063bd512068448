package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textBuilder collects the text extracted from a marked-up document.
// Blocks (paragraphs, headings, list items, table cells) are separated by
// one blank line so that sentence splitting ends a sentence there; line
// breaks inside a block are kept. It never writes more than one blank line
// in a row, nor white space at the start or end of a line.
type textBuilder struct {
	b        strings.Builder
	newlines int  // line breaks at the end of b (2 means a blank line)
	space    bool // a space is due before the next word
	limit    int  // stop collecting past this many bytes; 0: no limit

	spans *spanMap   // when set, where in the source each word written came from
	src   sourceText // the source of the text being added (spans only)
	found bool       // src is set: words are located in it
}

// textAt is text(s) for a piece of the source: s is what raw, at byte
// offset at of the source, reads as (raw itself, or raw with character
// references decoded). With spans kept, each word of s is mapped to raw.
func (t *textBuilder) textAt(s, raw string, at int) {
	t.src, t.found = sourceText{raw: raw, at: at}, t.spans != nil
	t.text(s)
	t.found = false
}

// rawAt is raw(s) for a piece of the source, as textAt is text(s).
func (t *textBuilder) rawAt(s, raw string, at int) {
	t.src, t.found = sourceText{raw: raw, at: at}, t.spans != nil
	t.raw(s)
	t.found = false
}

// rawMapped is raw(s) for a text extracted from the source by another
// extractor, whose spans map s to offsets that toSource turns into the
// source's.
func (t *textBuilder) rawMapped(s string, inner *spanMap, toSource func(int) int) {
	t.src, t.found = sourceText{inner: inner, toSource: toSource}, t.spans != nil
	t.raw(s)
	t.found = false
}

// full reports whether the builder has reached its limit.
func (t *textBuilder) full() bool { return t.limit > 0 && t.b.Len() >= t.limit }

// raw appends s as it is, line breaks included, except that white space
// at the end of lines is dropped.
func (t *textBuilder) raw(s string) {
	for all := len(s); s != "" && !t.full(); {
		line, rest, nl := strings.Cut(s, "\n")
		t.src.base = all - len(s)
		t.text(line)
		if nl {
			t.lineBreak()
		}
		s = rest
	}
}

// text appends s as flowing text: every run of white space, line breaks
// included, becomes one space.
func (t *textBuilder) text(s string) {
	for all := len(s); s != "" && !t.full(); {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			if t.space && t.newlines == 0 && t.b.Len() > 0 {
				t.b.WriteByte(' ')
			}
			if t.found {
				t.src.locate(t.spans, t.b.Len(), s[:i], all-len(s))
			}
			t.b.WriteString(s[:i])
			t.newlines, t.space = 0, false
			s = s[i:]
			continue
		}
		// s starts with white space: skip the run.
		j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if j < 0 {
			j = len(s)
		}
		t.space = true
		s = s[j:]
	}
}

// gap asks for a space before the next word, as between inline elements.
func (t *textBuilder) gap() { t.space = true }

// lineBreak ends the current line, if it has anything on it.
func (t *textBuilder) lineBreak() { t.breaks(1) }

// blockBreak ends the current block with a blank line.
func (t *textBuilder) blockBreak() { t.breaks(2) }

func (t *textBuilder) breaks(n int) {
	t.space = false
	if t.b.Len() == 0 {
		return
	}
	for t.newlines < n {
		t.b.WriteByte('\n')
		t.newlines++
	}
}

// String returns the text collected, without trailing white space and cut
// to the limit at a character boundary.
func (t *textBuilder) String() string {
	s := t.b.String()
	if t.limit > 0 && len(s) > t.limit {
		cut := t.limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return strings.TrimRightFunc(s, unicode.IsSpace)
}
