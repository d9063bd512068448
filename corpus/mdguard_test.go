package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// timeFactor scales the time budgets of extraction (see race_test.go).
var timeFactor = 1

// extractBudget is how long extracting the text of size bytes may take:
// a generous multiple of the time it takes (under a microsecond a byte on
// one core), with a floor for the start of a parse. A parse whose time
// grows with the square of the size is over it from some ten kilobytes on.
func extractBudget(size int) time.Duration {
	return time.Duration(timeFactor) * (200*time.Millisecond + time.Duration(size)*10*time.Microsecond)
}

// hostileMarkdown are shapes of Markdown that goldmark parses in time that
// grows with the square of their size (or worse) when unguarded: each
// entry repeated to a few hundred kilobytes took from seconds to hours.
var hostileMarkdown = []string{
	">", "- * ", "-\t*\t", "1. ", "> - ", ">\t", "- x\n", "[a](", "![a](", "[a](<", "[a](b '",
	"*[", "_[", "a*b", "a_b_", "_a ", "*a\n", "=\n", "</", "  - a\n",
}

// TestMarkdownGuardHostile checks that each hostile shape, 128 KB of it, is extracted within the time budget, keeps its text, and
// parses as it streams.
func TestMarkdownGuardHostile(t *testing.T) {
	for _, unit := range hostileMarkdown {
		src := strings.Repeat(unit, (128<<10)/len(unit)) + "\n\nlead\n"
		start := time.Now()
		text := extractMarkdown(src)
		if d := time.Since(start); d > extractBudget(len(src)) {
			t.Errorf("%q: %d KB took %v, over the budget of %v", unit, len(src)>>10, d, extractBudget(len(src)))
		}
		if !strings.Contains(text, "lead") {
			t.Errorf("%q: the text lost its last word: ...%q", unit, text[max(0, len(text)-40):])
		}
		if streamed := streamMarkdown(t, src, markdownPiece); streamed != text {
			t.Errorf("%q: streamed text differs from the whole", unit)
		}
	}
}

// TestMarkdownGuardFlattens checks what the guard makes of each excess.
func TestMarkdownGuardFlattens(t *testing.T) {
	deep := strings.Repeat(">", 40) + " x\n"
	if got, want := guarded(deep), strings.Repeat(">", maxMarkdownDepth)+"x\n"; got != want {
		t.Errorf("deep quote: %q, want %q", got, want)
	}
	lists := strings.Repeat("- ", 40) + "x\n"
	if got, want := guarded(lists), strings.Repeat("- ", maxMarkdownDepth)+"x\n"; got != want {
		t.Errorf("deep list: %q, want %q", got, want)
	}
	if got := guarded(strings.Repeat(" ", 1000) + "- x\n"); got != strings.Repeat(" ", maxMarkdownIndent)+"- x\n" {
		t.Errorf("deep indentation: %q", got)
	}
	links := strings.Repeat("[a](", 100)
	got := guarded(links)
	if n := strings.Count(got, `\[`); n != 100-maxMarkdownMarks {
		t.Errorf("links: %d brackets escaped, want %d", n, 100-maxMarkdownMarks)
	}
	word := strings.Repeat("w", maxMarkdownLine+100)
	if got := guarded(word); got != word[:maxMarkdownLine]+"\n"+word[maxMarkdownLine:] {
		t.Errorf("a long line without spaces is broken at %d", strings.IndexByte(got, '\n'))
	}
	spaced := strings.Repeat("word ", maxMarkdownLine/5+100)
	cut := strings.LastIndexByte(spaced[:maxMarkdownLine], ' ') + 1
	if got := guarded(spaced); got != spaced[:cut]+"\n"+spaced[cut:] {
		t.Errorf("a long line is not broken after its last space in the limit: %q", got[cut-10:cut+10])
	}
	para := strings.Repeat("a line of a paragraph\n", maxMarkdownParagraph/20)
	if got := guarded(para); strings.Count(got, "\n\n") != 1 {
		t.Errorf("a paragraph of %d bytes has %d blank lines, want 1", len(para), strings.Count(got, "\n\n"))
	}
}

// TestMarkdownGuardLeavesOrdinaryText checks that the guard changes
// nothing in the test corpus's Markdown and the extraction tests' sources.
func TestMarkdownGuardLeavesOrdinaryText(t *testing.T) {
	n := 0
	filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := guarded(string(b)); got != string(b) {
				t.Errorf("%s: the guard changed it", path)
			}
			n++
		}
		return nil
	})
	if n < 10 {
		t.Fatalf("found %d Markdown and text files in testdata", n)
	}
}

// amplify makes two long documents of a short one: src repeated, and src
// with each byte repeated ("[]" -> "[[[…]]]…"), each about size bytes.
func amplify(src string, size int) (repeated, stretched string) {
	if src == "" {
		return "", ""
	}
	repeated = strings.Repeat(src, max(1, size/len(src)))
	var b strings.Builder
	k := max(1, size/len(src))
	for i := 0; i < len(src); i++ {
		b.WriteString(strings.Repeat(src[i:i+1], k))
	}
	return repeated, b.String()
}

// FuzzMarkdownTime checks that extraction takes time linear in the size of
// a document: a fuzzed source, repeated and stretched to 64 KB, must be
// extracted within the time budget.
func FuzzMarkdownTime(f *testing.F) {
	for _, unit := range hostileMarkdown {
		f.Add(unit)
	}
	f.Add("[]")
	f.Add("# Title\n\nSome *text* with `code` and [a link](x).\n\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, doc := range amplifyPair(src, 64<<10) {
			start := time.Now()
			extractMarkdown(doc)
			if d := time.Since(start); d > extractBudget(len(doc)) {
				t.Fatalf("%d bytes took %v, over the budget of %v; first bytes %q", len(doc), d, extractBudget(len(doc)), doc[:min(len(doc), 60)])
			}
		}
	})
}

// FuzzHTMLTime is FuzzMarkdownTime for HTML.
func FuzzHTMLTime(f *testing.F) {
	for _, unit := range []string{"<div>", "<p>a", "<b><i>", "<!--", "<script>", "<a href='", "&amp;", "<svg><p>", "<pre>", "<br>"} {
		f.Add(unit)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, doc := range amplifyPair(src, 64<<10) {
			start := time.Now()
			extractHTML(doc)
			if d := time.Since(start); d > extractBudget(len(doc)) {
				t.Fatalf("%d bytes took %v, over the budget of %v; first bytes %q", len(doc), d, extractBudget(len(doc)), doc[:min(len(doc), 60)])
			}
		}
	})
}

func amplifyPair(src string, size int) []string {
	a, b := amplify(src, size)
	return []string{a, b}
}

// TestMarkdownPieceMax checks that blocks longer than markdownPieceMax are
// cut into pieces that keep code as code, and that a stream cuts them
// where a whole text is cut.
func TestMarkdownPieceMax(t *testing.T) {
	src := "```\n" + strings.Repeat("code line\n", 40000) + "```\n\nafter\n\n" +
		strings.Repeat("- item\n", 60000) + "\n<pre>\n" + strings.Repeat("pre\n", 100000) + "</pre>\n\n" +
		"<!--\n" + strings.Repeat("comment\n", 40000) + "-->\n\nend\n"
	pieces, _ := markdownPieces(src, markdownPiece)
	for i, p := range pieces {
		if len(p) > markdownPieceMax+64 {
			t.Errorf("piece %d is %d bytes", i, len(p))
		}
	}
	whole := extractMarkdown(src)
	if streamed := streamMarkdown(t, src, markdownPiece); streamed != whole {
		t.Errorf("streamed text differs from the whole")
	}
	for _, bad := range []string{"code line", "comment"} {
		if strings.Contains(whole, bad) {
			t.Errorf("text holds %q", bad)
		}
	}
	if n := strings.Count(whole, "item"); n != 60000 || !strings.Contains(whole, "after") || !strings.HasSuffix(whole, "end") || strings.Count(whole, "pre") != 100000 {
		t.Errorf("text has %d items, %d pre, after: %v, ends with %q", n, strings.Count(whole, "pre"), strings.Contains(whole, "after"), whole[len(whole)-10:])
	}
}

// guarded is guardMarkdown's rewritten source alone.
func guarded(src string) string {
	s, _ := guardMarkdown(src, false)
	return s
}

// TestMarkdownGuardKeepsPositions checks that words after the guard's
// rewrites (a broken line, escaped marks, dropped markers, cut indentation)
// are still placed where they stand in the source.
func TestMarkdownGuardKeepsPositions(t *testing.T) {
	src := strings.Repeat("word ", 1200) + "first\n\n" +
		strings.Repeat("[a](", 100) + " second\n\n" +
		strings.Repeat(">", 40) + " third\n\n" +
		"- item\n" + strings.Repeat(" ", 300) + "fourth\n\n" +
		strings.Repeat("*x* ", 100) + "fifth\n"
	var spans spanMap
	text := extractMarkdownSpans(src, &spans)
	for _, word := range []string{"first", "second", "third", "fourth", "fifth"} {
		at := strings.Index(text, word)
		if at < 0 {
			t.Fatalf("%q not in the text", word)
		}
		off := spans.source(at)
		if off < 0 || off+len(word) > len(src) || src[off:off+len(word)] != word {
			t.Errorf("%q placed at %d, where the source has %q", word, off, src[max(0, off):min(len(src), off+len(word))])
		}
	}
}
