package corpus

import (
	"testing"
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
	f.Fuzz(func(t *testing.T, src string) {
		checkExtracted(t, src, extractMarkdown(src))
	})
}
