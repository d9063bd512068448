package corpus

import (
	"bufio"
	"io"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var markdownText = textFormat{extract: extractMarkdownSpans, streamExtract: newMarkdownStream}

// markdown parses CommonMark with the GitHub extensions (tables, task
// lists, strikethrough, bare links). Parsing keeps no state between calls.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// markdownPiece is the size from which a long Markdown document is parsed
// in pieces: goldmark's syntax tree takes about ten times the size of its
// source, so a 4 MB file parsed whole would hold some 50 MB at once.
const markdownPiece = 64 << 10

// extractMarkdown returns the prose of a Markdown document: the text of
// headings, paragraphs, list items, block quotes and table cells, each a
// block of its own, with the syntax removed. Code blocks, images, bare
// links, link targets and front matter are left out; inline code is kept
// as words; HTML blocks contribute their visible text.
func extractMarkdown(src string) string { return extractMarkdownPieces(src, markdownPiece, nil) }

// extractMarkdownSpans is extractMarkdown recording, when spans is not
// nil, where each word of the text stands in src.
func extractMarkdownSpans(src string, spans *spanMap) string {
	return extractMarkdownPieces(src, markdownPiece, spans)
}

// extractMarkdownPieces is extractMarkdownSpans parsing pieces of at least
// size bytes.
func extractMarkdownPieces(src string, size int, spans *spanMap) string {
	t := textBuilder{spans: spans}
	t.b.Grow(len(src)) // the prose is seldom longer than its source: no copies while it grows
	src, edits := guardMarkdown(src, spans != nil)
	at := frontMatterLen(src)
	pieces, reopened := markdownPieces(src[at:], size)
	for i, piece := range pieces {
		extractMarkdownPiece(&t, piece, at-reopened[i])
		at += len(piece) - reopened[i]
		t.blockBreak()
	}
	if spans != nil && edits != nil {
		edits.remap(spans)
	}
	return t.String()
}

// markdownPieceMax bounds the pieces: goldmark's tree of a megabyte of
// list items takes over 100 MB. A block longer than this (a list without
// a blank line, a code block) is cut at a line break where it must: a
// code block goes on in the next piece with its fence, an item of a list
// starts a list of its own there.
const markdownPieceMax = 256 << 10

// markdownPieces cuts a long Markdown source into pieces of at least size
// bytes that parse as the whole does (see markdownCutter), and of at most
// about markdownPieceMax bytes. A piece cut where a block had to be cut
// starts with the block opened again: reopened says how many bytes of the
// piece are not the source's.
func markdownPieces(src string, size int) (pieces []string, reopened []int) {
	if len(src) <= size && len(src) <= markdownPieceMax {
		return []string{src}, []int{0}
	}
	var cut markdownCutter
	start, reopen := 0, ""
	for off := 0; off < len(src); {
		next := len(src)
		if end := strings.IndexByte(src[off:], '\n'); end >= 0 {
			next = off + end + 1
		}
		again := cut.reopen()
		if n := len(reopen) + off - start; cut.before(src[off:next]) && n >= size || n >= markdownPieceMax {
			pieces, reopened = append(pieces, reopen+src[start:off]), append(reopened, len(reopen))
			start, reopen = off, again
		}
		off = next
	}
	return append(pieces, reopen+src[start:]), append(reopened, len(reopen))
}

// markdownCutter follows a Markdown source line by line and says where it
// may be cut into pieces that parse as the whole does: before a line that
// starts in the first column after a blank line, outside front matter,
// fenced code and raw HTML blocks (<pre>, <script>, <style>, <textarea>,
// comments), where every block has ended and a new one begins. Link
// reference definitions are the exception: a definition in one piece does
// not resolve a link in another, which then reads as its bracketed text.
type markdownCutter struct {
	started bool   // a line has been seen
	blank   bool   // the last line was blank
	front   string // the fence of open front matter ("---", "+++"), if any
	fence   string // the open code fence ("```", "~~~~", …), if any
	closer  string // what ends the open raw HTML block, if any
}

// reopen returns what a piece cut at this point, whatever the block, must
// start with to go on as the whole does: the open code fence or raw HTML
// block opened again.
func (c *markdownCutter) reopen() string {
	switch {
	case c.fence != "":
		return c.fence + "\n"
	case c.closer == "-->":
		return "<!--\n"
	case c.closer != "":
		return "<" + strings.Trim(c.closer, "</>") + ">\n"
	}
	return ""
}

// before takes the next line (with its line break) and reports whether the
// source may be cut before it.
func (c *markdownCutter) before(line string) bool {
	trimmed := strings.TrimLeft(line, " ")
	indent := len(line) - len(trimmed)
	isBlank := strings.TrimSpace(line) == ""
	cut := false
	switch {
	case !c.started:
		if f := strings.TrimRight(line, " \t\r\n"); f == "---" || f == "+++" {
			c.front = f
		} else {
			c.fence, c.closer = openFence(trimmed), rawHTMLCloser(trimmed)
		}
	case c.front != "":
		if f := strings.TrimRight(line, " \t\r\n"); f == c.front || (c.front == "---" && f == "...") {
			c.front = ""
		}
	case c.fence != "":
		if indent < 4 && strings.HasPrefix(trimmed, c.fence) && strings.Trim(strings.TrimSpace(trimmed), c.fence[:1]) == "" {
			c.fence = ""
		}
	case c.closer != "":
		if strings.Contains(line, c.closer) {
			c.closer = ""
		}
	default:
		cut = c.blank && indent == 0 && line[0] != '\t' && !isBlank
		if indent < 4 {
			c.fence, c.closer = openFence(trimmed), rawHTMLCloser(trimmed)
		}
	}
	c.started, c.blank = true, isBlank
	return cut
}

// markdownStream extracts the prose of a long Markdown stream piece by
// piece, so that it is never held whole: the text it yields is
// extractMarkdown's, up to white space at the end.
type markdownStream struct {
	lines markdownLines
	guard markdownGuard
	size  int // pieces are cut from this many bytes on
	cut   markdownCutter
	next  string // the lines that begin the next piece
	out   []byte // extracted text not yet read
	done  bool   // the source is exhausted
	any   bool   // text has been yielded (pieces after it need a blank line first)
}

func newMarkdownStream(r io.Reader) io.Reader {
	return &markdownStream{lines: markdownLines{r: bufio.NewReaderSize(r, 64<<10)}, size: markdownPiece}
}

func (m *markdownStream) Read(p []byte) (int, error) {
	for len(m.out) == 0 {
		if m.done {
			if m.lines.err != nil {
				return 0, m.lines.err
			}
			return 0, io.EOF
		}
		m.fill()
	}
	n := copy(p, m.out)
	m.out = m.out[n:]
	return n, nil
}

// fill reads the next piece and extracts its text into out.
func (m *markdownStream) fill() {
	var piece strings.Builder
	piece.WriteString(m.next)
	m.next = ""
	for m.next == "" {
		line, broken, ok := m.lines.next()
		if !ok {
			m.done = true
			break
		}
		guarded := m.guard.line(line, broken) // one line, or a blank line and it
		for guarded != "" {
			end := strings.IndexByte(guarded, '\n') + 1
			if end == 0 {
				end = len(guarded)
			}
			line, guarded = guarded[:end], guarded[end:]
			again := m.cut.reopen()
			cut := m.cut.before(line) && piece.Len() >= m.size || piece.Len() >= markdownPieceMax
			switch {
			case m.next != "":
				m.next += line
			case cut:
				m.next = again + line
			default:
				piece.WriteString(line)
			}
		}
	}
	src := piece.String()
	if !m.any {
		src = src[frontMatterLen(src):]
	}
	var t textBuilder
	extractMarkdownPiece(&t, src, 0)
	text := t.String()
	if text == "" {
		return
	}
	if m.any {
		m.out = append(m.out, "\n\n"...)
	}
	m.out, m.any = append(m.out, text...), true
}

// openFence returns the fence a line opens (three or more backticks or
// tildes), or "".
func openFence(line string) string {
	for _, c := range []string{"`", "~"} {
		n := len(line) - len(strings.TrimLeft(line, c))
		if n >= 3 {
			if c == "`" && strings.Contains(line[n:], "`") {
				return "" // backticks in the info string: not a fence
			}
			return line[:n]
		}
	}
	return ""
}

// rawHTMLCloser returns what ends the raw HTML block a line opens (one
// that may hold blank lines), or "" when it opens none or closes it on the
// same line.
func rawHTMLCloser(line string) string {
	lower := strings.ToLower(line)
	for _, b := range [][2]string{{"<pre", "</pre>"}, {"<script", "</script>"}, {"<style", "</style>"}, {"<textarea", "</textarea>"}, {"<!--", "-->"}} {
		if strings.HasPrefix(lower, b[0]) && !strings.Contains(lower[len(b[0]):], b[1]) {
			return b[1]
		}
	}
	return ""
}

// extractMarkdownPiece parses piece, which starts at byte at of the
// source, and adds its prose to t.
func extractMarkdownPiece(t *textBuilder, piece string, at int) {
	body := []byte(piece)
	doc := markdown.Parser().Parse(text.NewReader(body))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.Image, *ast.AutoLink, *ast.RawHTML:
			if entering {
				t.gap()
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if entering {
				var b strings.Builder
				for i := range n.Lines().Len() {
					seg := n.Lines().At(i)
					b.Write(seg.Value(body))
				}
				if n.HasClosure() {
					b.Write(n.ClosureLine.Value(body))
				}
				t.blockBreak()
				if t.spans == nil {
					t.raw(extractHTML(b.String()))
				} else {
					var inner spanMap
					t.rawMapped(extractHTMLSpans(b.String(), &inner), &inner, htmlBlockSource(n, at))
				}
				t.blockBreak()
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if !entering {
				return ast.WalkContinue, nil
			}
			v := n.Segment.Value(body)
			if !n.IsRaw() {
				v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
			}
			t.textAt(string(v), piece[n.Segment.Start:n.Segment.Stop], at+n.Segment.Start)
			if n.HardLineBreak() || n.SoftLineBreak() {
				t.lineBreak()
			}
		case *ast.String:
			if entering {
				t.text(string(n.Value))
			}
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *ast.ThematicBreak, *east.TableCell:
			t.blockBreak()
		}
		return ast.WalkContinue, nil
	})
}

// frontMatterLen returns the length of a YAML (---) or TOML (+++) front
// matter block at the start of src, or 0.
func frontMatterLen(src string) int {
	var fence string
	switch {
	case strings.HasPrefix(src, "---\n"), strings.HasPrefix(src, "---\r\n"):
		fence = "---"
	case strings.HasPrefix(src, "+++\n"), strings.HasPrefix(src, "+++\r\n"):
		fence = "+++"
	default:
		return 0
	}
	off := strings.IndexByte(src, '\n') + 1
	for off < len(src) {
		end := strings.IndexByte(src[off:], '\n')
		line := src[off:]
		next := len(src)
		if end >= 0 {
			line, next = src[off:off+end], off+end+1
		}
		line = strings.TrimRight(line, " \t\r")
		if line == fence || (fence == "---" && line == "...") {
			return next
		}
		off = next
	}
	return 0
}

// htmlBlockSource maps offsets of an HTML block's lines, put together, to
// offsets of the source, in whose piece at byte at the block stands.
func htmlBlockSource(n *ast.HTMLBlock, at int) func(int) int {
	var segs []text.Segment
	for i := range n.Lines().Len() {
		segs = append(segs, n.Lines().At(i))
	}
	if n.HasClosure() {
		segs = append(segs, n.ClosureLine)
	}
	return func(off int) int {
		for i, seg := range segs {
			if off < seg.Len() || i == len(segs)-1 {
				return at + seg.Start + off
			}
			off -= seg.Len()
		}
		return at + off
	}
}
