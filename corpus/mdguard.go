package corpus

import (
	"bufio"
	"bytes"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// goldmark's time grows with the square of some shapes of Markdown (and
// worse): a line that opens thousands of block quotes or list items ('>'
// or '- ' repeated), a paragraph with thousands of links that never close
// ("[a](" repeated) or of emphasis delimiters ("a*b" repeated), thousands
// of lines in one paragraph. 40 KB of "- " takes six seconds, a megabyte
// hours. markdownGuard rewrites such input, line by line and in one pass,
// so that what goldmark parses has none of them, and extraction takes time
// linear in the size of the document:
//
//   - a line longer than maxMarkdownLine is broken at a space (a soft
//     line break: the text is the same);
//   - a paragraph (lines without a blank one between them) longer than
//     maxMarkdownParagraph is cut in two by a blank line before a line;
//   - block quotes and list items opened on one line beyond the
//     maxMarkdownDepth-th are dropped, their text kept;
//   - indentation beyond maxMarkdownIndent columns is cut to it;
//   - in each paragraph, link brackets and emphasis delimiters ('[', '*',
//     '_', '~' and '`') past the maxMarkdownMarks-th of their kind are
//     escaped, so that they read as the characters they are.
//
// Ordinary documents never meet these limits and are parsed as written.
const (
	maxMarkdownLine      = 4 << 10
	maxMarkdownParagraph = 16 << 10
	maxMarkdownDepth     = 32
	maxMarkdownIndent    = 4 * maxMarkdownDepth
	maxMarkdownMarks     = 64
)

// markdownGuard rewrites a Markdown source line by line (see above). Lines
// reach it already broken to at most maxMarkdownLine bytes (breakLongLine).
type markdownGuard struct {
	para  int    // bytes of the current paragraph
	marks [5]int // marks of each kind in it (markKinds)
	b     strings.Builder

	// edits, when set, records where the rewritten source differs from the
	// source, so that positions found in one can be told in the other.
	edits    *guardEdits
	src, out int  // offsets in the source and in the rewritten source
	changed  bool // something was inserted or dropped
}

// markKinds are the characters whose number is bounded in a paragraph.
const markKinds = "[*_~`"

// line returns what goldmark is to parse for line: the line rewritten,
// preceded by a blank line when it would make the paragraph too long.
// broken says that the line's last byte is a line break breakLongLine
// added.
func (g *markdownGuard) line(line string, broken bool) string {
	g.b.Reset()
	if !broken {
		g.rewrite(line)
		return g.b.String()
	}
	g.rewrite(line[:len(line)-1])
	g.insert("\n")
	return g.b.String()
}

// rewrite writes line rewritten (see line).
func (g *markdownGuard) rewrite(line string) {
	if isBlank(line) {
		g.para, g.marks = 0, [5]int{}
		g.copy(line)
		return
	}
	if g.para > 0 && g.para+len(line) > maxMarkdownParagraph {
		g.insert("\n")
		g.para, g.marks = 0, [5]int{}
	}
	g.para += len(line)
	prefix, dropped := flattenContainers(line)
	g.copy(prefix)
	g.drop(dropped)
	rest := line[len(prefix)+dropped:]
	if n := leadingBlank(rest, len(rest)); n > maxMarkdownIndent {
		g.drop(n)
		g.insert(strings.Repeat(" ", maxMarkdownIndent))
		rest = rest[n:]
	}
	if opensFence(rest) {
		g.copy(rest) // a fence keeps its backticks; code is parsed in linear time
	} else {
		g.escapeMarks(rest)
	}
}

// copy writes s as it is in the source.
func (g *markdownGuard) copy(s string) {
	g.b.WriteString(s)
	g.src += len(s)
	g.out += len(s)
}

// insert writes s, which the source does not have.
func (g *markdownGuard) insert(s string) {
	g.b.WriteString(s)
	g.out += len(s)
	g.changed = true
	g.edits.record(g.out, g.src-g.out)
}

// drop leaves out the next n bytes of the source.
func (g *markdownGuard) drop(n int) {
	if n > 0 {
		g.src += n
		g.changed = true
		g.edits.record(g.out, g.src-g.out)
	}
}

// escapeMarks writes s with the marks past the limit escaped.
func (g *markdownGuard) escapeMarks(s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++ // escaped already
			continue
		}
		k := strings.IndexByte(markKinds, c)
		if k < 0 {
			continue
		}
		if g.marks[k]++; g.marks[k] > maxMarkdownMarks {
			g.copy(s[start:i])
			g.insert("\\")
			start = i
		}
	}
	g.copy(s[start:])
}

// guardEdits maps offsets of a rewritten source back to the source: an
// offset at or after at[i] (and before at[i+1]) is off+shift[i] there.
// Inserted bytes map to the source byte that follows them.
type guardEdits struct {
	at, shift []int
}

// maxGuardEdits bounds the edits recorded for one document (16 bytes
// each): past it, in a document of hundreds of thousands of escaped marks,
// positions further on are told as in the rewritten source.
const maxGuardEdits = 1 << 16

// record notes that offsets from at on are shifted by shift. A nil
// guardEdits records nothing.
func (e *guardEdits) record(at, shift int) {
	if e == nil || len(e.at) >= maxGuardEdits {
		return
	}
	if n := len(e.at); n > 0 && e.at[n-1] == at {
		e.shift[n-1] = shift
		return
	}
	e.at = append(e.at, at)
	e.shift = append(e.shift, shift)
}

// source returns the source offset of offset off of the rewritten source.
func (e *guardEdits) source(off int) int {
	i := sort.SearchInts(e.at, off+1) - 1
	if i < 0 {
		return off
	}
	return off + e.shift[i]
}

// remap turns a spanMap into the rewritten source into one into the
// source, splitting spans where an edit falls inside them.
func (e *guardEdits) remap(m *spanMap) {
	var out spanMap
	for i, at := range m.text {
		end := -1 // the text offset where span i ends
		if i+1 < len(m.text) {
			end = m.text[i+1]
		}
		src := m.src[i]
		out.add(at, e.source(src))
		for k := sort.SearchInts(e.at, src+1); k < len(e.at) && (end < 0 || e.at[k] < src+end-at); k++ {
			out.add(at+e.at[k]-src, e.at[k]+e.shift[k])
		}
	}
	*m = out
}

// flattenContainers returns the markers of the block quotes and list items
// a line opens, at most maxMarkdownDepth of them, and how many bytes of
// markers after them are to be dropped.
func flattenContainers(line string) (prefix string, dropped int) {
	depth, i := 0, 0
	for {
		j := i + leadingBlank(line[i:], 4)
		n := containerMarker(line[j:])
		if n == 0 {
			break
		}
		if depth++; depth > maxMarkdownDepth {
			k := j + n // drop this marker and those after it
			for {
				j := k + leadingBlank(line[k:], 4)
				n := containerMarker(line[j:])
				if n == 0 {
					break
				}
				k = j + n
			}
			return line[:i], k - i
		}
		i = j + n
	}
	return line[:i], 0
}

// leadingBlank counts the spaces and tabs at the start of s, up to most.
func leadingBlank(s string, most int) int {
	n := 0
	for n < len(s) && n < most && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return n
}

// containerMarker returns the length of the block quote marker ('>') or
// list item marker ('-', '+', '*', "1." or "1)" followed by white space)
// at the start of s, with one space or tab after it, or 0.
func containerMarker(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '>':
		n = 1
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
		if len(s) > 1 && !isLineSpace(s[1]) {
			return 0
		}
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
		if n < len(s) && !isLineSpace(s[n]) {
			return 0
		}
	}
	if n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return n
}

// opensFence reports whether s (after a line's container markers) is a
// code fence line.
func opensFence(s string) bool {
	return openFence(s[leadingBlank(s, 3):]) != ""
}

func isLineSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// breakLongLine returns the first line of s (through its '\n', or all of
// s) and what follows it, breaking a line longer than maxMarkdownLine
// after its last space or tab within that length (else at a character
// boundary there): the first part then ends with an added '\n'. The break
// depends only on the first maxMarkdownLine+1 bytes of s, so that a stream
// breaks lines where a whole text does.
func breakLongLine(s string) (line, rest string, broken bool) {
	end := strings.IndexByte(s[:min(len(s), maxMarkdownLine+1)], '\n')
	if end >= 0 {
		return s[:end+1], s[end+1:], false
	}
	if len(s) <= maxMarkdownLine {
		return s, "", false
	}
	cut := strings.LastIndexAny(s[maxMarkdownLine/2:maxMarkdownLine], " \t")
	if cut >= 0 {
		cut += maxMarkdownLine/2 + 1
	} else {
		cut = maxMarkdownLine
		for cut > maxMarkdownLine-utf8.UTFMax && !utf8.RuneStart(s[cut]) {
			cut-- // not inside a character, unless this is no UTF-8
		}
	}
	return s[:cut] + "\n", s[cut:], true
}

// guardMarkdown returns src rewritten by a markdownGuard and, when track
// is set, the edits that tell offsets in it back in src (nil when it is src
// unchanged).
func guardMarkdown(src string, track bool) (string, *guardEdits) {
	g := markdownGuard{}
	if track {
		g.edits = &guardEdits{}
	}
	var b strings.Builder
	b.Grow(len(src) + len(src)/64)
	for rest := src; rest != ""; {
		line, next, broken := breakLongLine(rest)
		b.WriteString(g.line(line, broken))
		rest = next
	}
	if !g.changed {
		return src, nil
	}
	return b.String(), g.edits
}

// markdownLines reads a stream line by line, breaking lines as
// breakLongLine does, so that no line held is longer than maxMarkdownLine.
type markdownLines struct {
	r     *bufio.Reader
	buf   []byte // read and not yet returned: buf[off:]
	off   int
	atEOF bool
	err   error // the stream's error other than io.EOF
}

// next returns the next line and whether breakLongLine broke it, or false
// at the end of the stream.
func (l *markdownLines) next() (line string, broken, ok bool) {
	for !l.atEOF {
		pending := l.buf[l.off:]
		if len(pending) > maxMarkdownLine || bytes.IndexByte(pending, '\n') >= 0 {
			break
		}
		if l.off > 0 { // keep the buffer from growing: move what is pending to its start
			l.buf, l.off = l.buf[:copy(l.buf, pending)], 0
		}
		chunk, err := l.r.ReadSlice('\n')
		l.buf = append(l.buf, chunk...)
		switch {
		case err == bufio.ErrBufferFull:
		case err == io.EOF:
			l.atEOF = true
		case err != nil:
			l.atEOF, l.err = true, err
		}
	}
	pending := l.buf[l.off:]
	if len(pending) == 0 {
		return "", false, false
	}
	line, _, broken = breakLongLine(string(pending[:min(len(pending), maxMarkdownLine+1)]))
	used := len(line)
	if broken {
		used-- // the '\n' added
	}
	l.off += used
	return line, broken, true
}
