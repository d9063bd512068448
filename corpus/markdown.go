package corpus

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var markdownText = textFormat{extract: extractMarkdown}

// markdown parses CommonMark with the GitHub extensions (tables, task
// lists, strikethrough, bare links). Parsing keeps no state between calls.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// extractMarkdown returns the prose of a Markdown document: the text of
// headings, paragraphs, list items, block quotes and table cells, each a
// block of its own, with the syntax removed. Code blocks, images, bare
// links, link targets and front matter are left out; inline code is kept
// as words; HTML blocks contribute their visible text.
func extractMarkdown(src string) string {
	body := []byte(src[frontMatterLen(src):])
	doc := markdown.Parser().Parse(text.NewReader(body))
	var t textBuilder
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
				t.raw(extractHTML(b.String()))
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
			t.text(string(v))
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
	return t.String()
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
