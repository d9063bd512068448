package corpus

import (
	"io"
	"strings"
	"testing"
	"unicode"
)

func TestExtractMarkdown(t *testing.T) {
	runExtractCases(t, extractMarkdown, []extractCase{
		{
			name: "headings, lists, emphasis, links, code",
			src: "---\ntitle: Team lead\ntags: [jobs]\n---\n" +
				"# Team lead, *platform*\n\n" +
				"We want someone who **shapes** the [roadmap](https://example.com/roadmap) &amp; grows people.\n" +
				"A second line of the same paragraph.\n\n" +
				"- Coach the team\n" +
				"- Own the `deploy` budget\n" +
				"1. Set direction\n\n" +
				"```go\nfunc plan() { budget := 10 }\n```\n\n" +
				"    indented code is skipped too\n\n" +
				"> Quoted words stay.\n\n" +
				"![a diagram of the org](org.png) See https://example.com/jobs for more.\n\n" +
				"***\n\n" +
				"Setext title\n============\n",
			want: "Team lead, platform\n\n" +
				"We want someone who shapes the roadmap & grows people.\n" +
				"A second line of the same paragraph.\n\n" +
				"Coach the team\n\n" +
				"Own the deploy budget\n\n" +
				"Set direction\n\n" +
				"Quoted words stay.\n\n" +
				"See for more.\n\n" +
				"Setext title",
		},
		{
			name: "tables, task lists, strikethrough, escapes",
			src: "| Skill | Level |\n|---|---|\n| Vision | high |\n\n" +
				"- [x] ~~old~~ new plan\n- [ ] hire \\*two\\* people\n",
			want: "Skill\n\nLevel\n\nVision\n\nhigh\n\nold new plan\n\nhire *two* people",
		},
		{
			name: "raw HTML",
			src:  "<div class=\"note\">\n<p>Inspire the <b>team</b>.</p>\n<script>var x = 1;</script>\n</div>\n\nAfter <em>inline</em> tags.\n",
			want: "Inspire the team.\n\nAfter inline tags.",
		},
		{
			name: "front matter only at the very start",
			src:  "Intro.\n\n---\nnot: front matter\n---\n",
			want: "Intro.\n\nnot: front matter",
		},
		{
			name: "unclosed front matter is text",
			src:  "---\nkey: value\n",
			want: "key: value",
		},
		{
			name: "CRLF line ends",
			src:  "# Title\r\n\r\nOne line\r\nand the next.\r\n",
			want: "Title\n\nOne line\nand the next.",
		},
	})
}

func FuzzMarkdown(f *testing.F) {
	f.Add("# Title\n\nSome *text* with `code` and [a link](x).\n\n```\ncode\n```\n")
	f.Add("---\na: b\n---\n- item\n- [ ] task\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
	f.Add("<div>\n<p>html</p>\n</div>\n\n&amp; &#x41; \\*")
	f.Add("- item\n\n\tcontinued\n\npara\n\n```\n\ncode\n\n```\n\n<pre>\n\nx\n\n</pre>\n\nlast")
	f.Fuzz(func(t *testing.T, src string) {
		checkExtracted(t, src, extractMarkdown(src))
		checkPositions(t, src, extractMarkdownSpans)
		if !strings.Contains(src, "]:") { // link definitions resolve only within a piece
			whole, pieces := extractMarkdownPieces(src, len(src)+1, nil), extractMarkdownPieces(src, 1, nil)
			if whole != pieces {
				t.Errorf("parsed in pieces:\n%q\nwhole:\n%q", pieces, whole)
			}
			if streamed := streamMarkdown(t, src, 1); streamed != whole {
				t.Errorf("streamed:\n%q\nwhole:\n%q", streamed, whole)
			}
		}
	})
}

// TestMarkdownPieces checks that a long document parsed in pieces gives the
// text it gives parsed whole, and that the pieces are cut where blocks end.
func TestMarkdownPieces(t *testing.T) {
	section := "# Heading\n\nA paragraph that sets the *vision*.\n\n" +
		"- one\n- two\n\n  two, continued\n\n\tstill two\n\n" +
		"```go\nbudget := 1\n\nbudget++\n```\n\n" +
		"~~~~\n```\n\nnot the end\n~~~~\n\n" +
		"<pre>\nraw\n\nblock\n</pre>\n\n<!--\n\nhidden\n\n-->\n\n" +
		"> quoted\n\n| a | b |\n|---|---|\n| plan | coach |\n\n    indented code\n\n    more code\n\nEnd.\n\n"
	src := strings.Repeat(section, 50)
	whole := extractMarkdownPieces(src, len(src)+1, nil)
	for _, size := range []int{1, 100, 1000, 10000} {
		pieces, _ := markdownPieces(src, size)
		if size < len(section) && len(pieces) < len(src)/len(section) {
			t.Errorf("size %d: %d pieces, want one per section at least", size, len(pieces))
		}
		if strings.Join(pieces, "") != src {
			t.Fatalf("size %d: the pieces do not add up to the source", size)
		}
		if got := extractMarkdownPieces(src, size, nil); got != whole {
			t.Errorf("size %d: text differs from the whole parse", size)
		}
		if got := streamMarkdown(t, "---\ntitle: x\n\nbody: y\n---\n"+src, size); got != whole {
			t.Errorf("size %d: streamed text differs from the whole parse", size)
		}
	}
	for _, bad := range []string{"budget", "hidden", "not the end", "indented code"} {
		if strings.Contains(whole, bad) {
			t.Errorf("text holds %q, which is code or markup", bad)
		}
	}
	if !strings.Contains(whole, "still two") || !strings.Contains(whole, "plan coach") && !strings.Contains(whole, "plan\n\ncoach") {
		t.Errorf("text lacks list or table content:\n%.400s", whole)
	}
}

// streamMarkdown reads src through a markdownStream cutting pieces from
// size bytes on, in small reads, and returns the text without the white
// space at its end.
func streamMarkdown(t *testing.T, src string, size int) string {
	t.Helper()
	m := newMarkdownStream(strings.NewReader(src)).(*markdownStream)
	m.size = size
	var b strings.Builder
	buf := make([]byte, 7)
	for {
		n, err := m.Read(buf)
		b.Write(buf[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("read: %v", err)
		}
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace)
}
