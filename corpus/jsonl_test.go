package corpus

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
)

// docRow is what the tests compare of a Doc.
type docRow struct {
	ID, Status, Text, Reason string
	Bytes                    int64
}

// walkFile writes content to a file called name and walks it.
func walkFile(t *testing.T, name, content string, opt Options) []docRow {
	t.Helper()
	root := tree(t, map[string]string{name: content})
	var rows []docRow
	for d := range Walk(context.Background(), []string{root}, opt) {
		rows = append(rows, docRow{d.ID, string(d.Status), d.Text, d.Reason, d.Bytes})
		d.Close()
	}
	return rows
}

func checkRows(t *testing.T, got, want []docRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d docs, want %d:\n%s", len(got), len(want), showRows(got))
		return
	}
	for i := range want {
		g, w := got[i], want[i]
		if w.Bytes == 0 {
			g.Bytes = 0 // not checked
		}
		if g != w {
			t.Errorf("doc %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func showRows(rows []docRow) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %+v\n", r)
	}
	return b.String()
}

func TestJSONL(t *testing.T) {
	data := `{"id": "a-1", "text": "We inspire people.", "meta": {"lang": "en"}}
{"id": 2, "text": "Second record."}

{"id": "broken", "text": "no closing brace"
{"text": ["First paragraph.", "Second paragraph."]}
"A bare JSON string is the text."
[1, 2]
{"body": "wrong field"}
{"text": 42}
{"text": "   "}
{"text": "two values"} {"text": "on one line"}
{"text": "last line without a line break", "post": {"body": "nested"}}`
	got := walkFile(t, "posts.jsonl", data, Options{})
	checkRows(t, got, []docRow{
		{ID: "posts.jsonl#1", Status: "ok", Text: "We inspire people.", Bytes: 68},
		{ID: "posts.jsonl#2", Status: "ok", Text: "Second record."},
		{ID: "posts.jsonl#4", Status: "error", Reason: "invalid JSON: the line ends inside a value"},
		{ID: "posts.jsonl#5", Status: "ok", Text: "First paragraph.\n\nSecond paragraph."},
		{ID: "posts.jsonl#6", Status: "ok", Text: "A bare JSON string is the text."},
		{ID: "posts.jsonl#7", Status: "error", Reason: `the line holds a JSON array, not an object with a "text" field`},
		{ID: "posts.jsonl#8", Status: "error", Reason: `no "text" field (fields: "body"); choose one with --text-field`},
		{ID: "posts.jsonl#9", Status: "error", Reason: `field "text" is a JSON number, not text`},
		{ID: "posts.jsonl#10", Status: "skipped", Reason: "no text (only white space)"},
		{ID: "posts.jsonl#11", Status: "error", Reason: "invalid JSON: more than one value on the line"},
		{ID: "posts.jsonl#12", Status: "ok", Text: "last line without a line break", Bytes: 70},
	})

	// With an id field and a nested text field.
	got = walkFile(t, "posts.jsonl", data, Options{IDField: "id", TextField: "post.body"})
	if got[0].ID != "posts.jsonl#a-1" || got[1].ID != "posts.jsonl#2" || got[2].ID != "posts.jsonl#4" {
		t.Errorf("ids: %s", showRows(got[:3]))
	}
	if last := got[len(got)-1]; last.Text != "nested" || last.ID != "posts.jsonl#12" {
		t.Errorf("nested field: %+v", last)
	}
}

func TestJSONLLimitsAndEncodings(t *testing.T) {
	long := `{"text": "` + strings.Repeat("word ", 100) + `"}`
	got := walkFile(t, "big.jsonl", long+"\n"+`{"text": "short"}`+"\n", Options{MaxBytes: 100})
	checkRows(t, got, []docRow{
		{ID: "big.jsonl#1", Status: "skipped", Reason: "record is 513 bytes, over the --max-bytes limit of 100 bytes"},
		{ID: "big.jsonl#2", Status: "ok", Text: "short"},
	})

	latin1 := "{\"text\": \"Caf\xe9\"}\n{\"text\": \"Café\"}\n"
	checkRows(t, walkFile(t, "l.jsonl", latin1, Options{}), []docRow{
		{ID: "l.jsonl#1", Status: "error", Reason: "not valid UTF-8: byte 0xE9 at offset 13 of the record; see --encoding"},
		{ID: "l.jsonl#2", Status: "ok", Text: "Café"},
	})
	checkRows(t, walkFile(t, "l.jsonl", latin1, Options{Encoding: "utf-8,latin1"}), []docRow{
		{ID: "l.jsonl#1", Status: "ok", Text: "Café"},
		{ID: "l.jsonl#2", Status: "ok", Text: "Café"},
	})
	utf16 := string(utf16LEBOM) + utf16le("{\"text\": \"Grüße\"}\r\n{\"text\": \"zwei\"}\r\n")
	checkRows(t, walkFile(t, "w.jsonl", utf16, Options{}), []docRow{
		{ID: "w.jsonl#1", Status: "ok", Text: "Grüße"},
		{ID: "w.jsonl#2", Status: "ok", Text: "zwei"},
	})
}

// TestJSONLStreams reads a file of many records through a reader that
// counts what was read: the first Doc arrives before the file is read.
func TestJSONLStreams(t *testing.T) {
	var b strings.Builder
	for i := range 50000 {
		fmt.Fprintf(&b, "{\"id\": %d, \"text\": \"Record number %d.\"}\n", i, i)
	}
	counter := &countingReader{r: strings.NewReader(b.String())}
	s := &source{cfg: mustResolve(t, Options{}), id: "big.jsonl", format: "jsonl"}
	n := 0
	s.jsonlRecords(counter, utf8Only, func(d Doc) bool {
		n++
		if n == 1 && counter.n > 1<<20 {
			t.Errorf("read %d bytes before the first record", counter.n)
		}
		return n < 10
	})
	if n != 10 || counter.n > 1<<20 {
		t.Errorf("stopped after %d docs having read %d bytes", n, counter.n)
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func mustResolve(t testing.TB, opt Options) *config {
	t.Helper()
	c, err := opt.resolve()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{\"id\": 1, \"text\": \"hello\"}\n{\"text\": [\"a\", \"b\"]}\n\"bare\"\n{bad\n"), "text", "id")
	f.Add([]byte("{\"post\": {\"body\": \"nested\", \"tags\": [\"x\"]}}\r\n[1]\n\n"), "post.body", "post.tags.0")
	f.Add([]byte("\xff\xfe{\x00}\x00"), "text", "")
	f.Fuzz(func(t *testing.T, data []byte, textField, idField string) {
		s := &source{cfg: mustResolve(t, Options{TextField: textField, IDField: idField, MaxBytes: 1 << 16}), id: "f.jsonl", format: "jsonl"}
		lines := strings.Count(string(data), "\n") + 1
		n := 0
		s.jsonlRecords(strings.NewReader(string(data)), utf8Only, func(d Doc) bool {
			n++
			d.Path = "f"
			checkDoc(t, d)
			if !strings.HasPrefix(d.ID, "f.jsonl#") {
				t.Errorf("doc id %q", d.ID)
			}
			return true
		})
		if n > lines {
			t.Errorf("%d docs from %d lines", n, lines)
		}
	})
}
