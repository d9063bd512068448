package corpus

import (
	"fmt"
	"strings"
	"testing"
)

// Benchmarks of the format readers: MB/s of input and records/s.

func benchRecords(b *testing.B, data string, read func(s *source, r *strings.Reader, yield func(Doc) bool) bool) {
	s := &source{cfg: mustResolve(b, Options{}), id: "b", format: "b"}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	records := 0
	for b.Loop() {
		read(s, strings.NewReader(data), func(Doc) bool { records++; return true })
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkJSONL(b *testing.B) {
	var sb strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&sb, "{\"id\": %d, \"url\": \"https://example.com/jobs/%d\", \"text\": \"We are hiring a lead who sets the direction and coaches people. Record %d.\"}\n", i, i, i)
	}
	benchRecords(b, sb.String(), func(s *source, r *strings.Reader, yield func(Doc) bool) bool {
		return s.jsonlRecords(r, utf8Only, yield)
	})
}

func BenchmarkCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,title,text\n")
	for i := range 10000 {
		fmt.Fprintf(&sb, "%d,Lead %d,\"We are hiring a lead who sets the direction, and coaches people. Record %d.\"\n", i, i, i)
	}
	benchRecords(b, sb.String(), func(s *source, r *strings.Reader, yield func(Doc) bool) bool {
		return s.csvRecords(r, ',', utf8Only, yield)
	})
}

func benchExtract(b *testing.B, src string, extract func(string) string) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		extract(src)
	}
}

// markdownBench is a Markdown source of some 80 KB for the benchmarks.
var markdownBench = strings.Repeat("## Role\n\nWe want someone who **shapes** the [roadmap](https://x.example) and grows people.\n\n"+
	"- Coach the team\n- Own the `deploy` budget\n\n```\ncode block\n```\n\n> A quote.\n\n", 500)

func BenchmarkMarkdown(b *testing.B) {
	benchExtract(b, markdownBench, extractMarkdown)
}

// BenchmarkMarkdownPositions is BenchmarkMarkdown keeping positions, as
// check reads files.
func BenchmarkMarkdownPositions(b *testing.B) {
	benchExtract(b, markdownBench, func(src string) string {
		var spans spanMap
		return extractMarkdownSpans(src, &spans)
	})
}

func BenchmarkHTML(b *testing.B) {
	section := "<h2>Role</h2><p>We want someone who <b>shapes</b> the <a href=\"/r\">roadmap</a> and grows people.</p>" +
		"<ul><li>Coach the team</li><li>Own the budget</li></ul><script>track('x')</script><div hidden>no</div>\n"
	benchExtract(b, "<html><body>"+strings.Repeat(section, 500)+"</body></html>", extractHTML)
}
