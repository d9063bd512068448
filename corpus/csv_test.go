package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCSV(t *testing.T) {
	data := "id,Title,Text\r\n" +
		"j1,Lead,\"We set the vision, and we coach.\"\r\n" +
		"j2,Ops,\"A quoted field\nover two lines\"\r\n" +
		"j3,Bad,\"a bare \"quote\" in a quoted field\"\r\n" +
		"j4,Short\r\n" +
		"\r\n" +
		"j5,Blank,\"  \"\r\n" +
		"j6,Last,Plan the budget.\r\n"
	got := walkFile(t, "jobs.csv", data, Options{})
	checkRows(t, got, []docRow{
		{ID: "jobs.csv#1", Status: "ok", Text: "We set the vision, and we coach.", Bytes: 44},
		{ID: "jobs.csv#2", Status: "ok", Text: "A quoted field\nover two lines"},
		{ID: "jobs.csv#3", Status: "error", Reason: `line 5, column 16: extraneous or missing " in quoted-field`},
		{ID: "jobs.csv#4", Status: "error", Reason: "line 6: 2 fields, the header has 3"},
		{ID: "jobs.csv#5", Status: "skipped", Reason: "no text (only white space)"},
		{ID: "jobs.csv#6", Status: "ok", Text: "Plan the budget.", Bytes: 26},
	})

	got = walkFile(t, "jobs.csv", data, Options{IDColumn: "ID", TextColumn: "title"})
	if len(got) != 6 || got[0].ID != "jobs.csv#j1" || got[0].Text != "Lead" || got[2].ID != "jobs.csv#3" {
		t.Errorf("with --id-column and --text-column:\n%s", showRows(got))
	}
}

func TestCSVFileErrors(t *testing.T) {
	tests := []struct {
		name, file, data string
		opt              Options
		want             docRow
	}{
		{"no text column", "a.csv", "id,body\n1,x\n", Options{},
			docRow{ID: "a.csv", Status: "error", Reason: `no column "text" in the header (columns: "id", "body"); choose one with --text-column`}},
		{"no id column", "a.csv", "text\nx\n", Options{IDColumn: "key"},
			docRow{ID: "a.csv", Status: "error", Reason: `no column "key" in the header (columns: "text") for --id-column`}},
		{"only blank lines", "a.csv", "\n\n", Options{},
			docRow{ID: "a.csv", Status: "skipped", Reason: "no header row (the file holds only blank lines)"}},
		{"broken header", "a.csv", "\"text\n", Options{},
			docRow{ID: "a.csv", Status: "error", Reason: `cannot read the header row: line 1, column 7: extraneous or missing " in quoted-field`}},
		{"binary", "a.csv", "text\nab\x00c\n", Options{},
			docRow{ID: "a.csv", Status: "skipped", Reason: "binary file (NUL byte at offset 7)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkRows(t, walkFile(t, tc.file, tc.data, tc.opt), []docRow{tc.want})
		})
	}
}

func TestTSVAndEncodings(t *testing.T) {
	data := "id\ttext\n1\tShe said \"go\" and we went.\n2\tCaf\xe9 culture\n"
	checkRows(t, walkFile(t, "r.tsv", data, Options{}), []docRow{
		{ID: "r.tsv#1", Status: "ok", Text: `She said "go" and we went.`},
		{ID: "r.tsv#2", Status: "error", Reason: "not valid UTF-8: byte 0xE9 at offset 3 of the record; see --encoding"},
	})
	checkRows(t, walkFile(t, "r.tsv", data, Options{Encoding: "utf-8,windows-1252"}), []docRow{
		{ID: "r.tsv#1", Status: "ok", Text: `She said "go" and we went.`},
		{ID: "r.tsv#2", Status: "ok", Text: "Café culture"},
	})
	wide := "\xfe\xff" + utf16be("text,id\n\"Grüße, alle\",7\n")
	checkRows(t, walkFile(t, "w.csv", wide, Options{IDColumn: "id"}), []docRow{
		{ID: "w.csv#7", Status: "ok", Text: "Grüße, alle"},
	})
}

// TestCSVLimits checks, for CSV and TSV, that a long record is skipped
// and a record that never ends (an open quote in CSV, a line without a
// break in TSV) is stopped by the guard, not read into memory.
func TestCSVLimits(t *testing.T) {
	for _, tc := range []struct {
		format   string
		sep      rune
		long     string // a record of 250 bytes and its line break
		longSize int
		endless  string
	}{
		{"csv", ',', "\"" + strings.Repeat("long ", 50) + "\"\n", 253, "\"" + strings.Repeat("x", 3<<20)},
		{"tsv", '\t', strings.Repeat("long ", 50) + "\n", 251, strings.Repeat("x", 3<<20)},
	} {
		t.Run(tc.format, func(t *testing.T) {
			name := "l." + tc.format
			checkRows(t, walkFile(t, name, "text\n"+tc.long+"short\n", Options{MaxBytes: 100}), []docRow{
				{ID: name + "#1", Status: "skipped", Reason: fmt.Sprintf("record is %d bytes, over the --max-bytes limit of 100 bytes", tc.longSize)},
				{ID: name + "#2", Status: "ok", Text: "short"},
			})
			s := &source{cfg: mustResolve(t, Options{MaxBytes: 10}), id: "g." + tc.format, format: tc.format}
			var got []Doc
			s.csvRecords(strings.NewReader("text\nfine\n"+tc.endless), tc.sep, utf8Only, func(d Doc) bool { got = append(got, d); return true })
			if len(got) != 2 || got[0].Text != "fine" || got[1].Status != Skipped ||
				got[1].Reason != "record runs over the --max-bytes limit of 10 bytes; the rest of the file was not read" {
				t.Errorf("guard: %+v", got)
			}
		})
	}
}

func TestCSVStreams(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,text\n")
	for i := range 50000 {
		fmt.Fprintf(&b, "%d,\"Row %d, with a comma.\"\n", i, i)
	}
	counter := &countingReader{r: strings.NewReader(b.String())}
	s := &source{cfg: mustResolve(t, Options{}), id: "big.csv", format: "csv"}
	n := 0
	s.csvRecords(counter, ',', utf8Only, func(d Doc) bool {
		n++
		return n < 10
	})
	if n != 10 || counter.n > 1<<20 {
		t.Errorf("stopped after %d docs having read %d bytes", n, counter.n)
	}
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,text\n1,hello\n2,\"quoted, field\"\n3,\"bad\"quote\"\n4\n"), false, "text", "id")
	f.Add([]byte("text\tid\nshe said \"hi\"\t1\n"), true, "text", "")
	f.Add([]byte("\"unterminated\n"), false, "text", "")
	f.Fuzz(func(t *testing.T, data []byte, tab bool, textColumn, idColumn string) {
		comma := ','
		if tab {
			comma = '\t'
		}
		s := &source{cfg: mustResolve(t, Options{TextColumn: textColumn, IDColumn: idColumn, MaxBytes: 1 << 16}), id: "f.csv", format: "csv"}
		n := 0
		s.csvRecords(strings.NewReader(string(data)), comma, utf8Only, func(d Doc) bool {
			n++
			d.Path = "f"
			checkDoc(t, d)
			if !strings.HasPrefix(d.ID, "f.csv") {
				t.Errorf("doc id %q", d.ID)
			}
			return true
		})
		if n > strings.Count(string(data), "\n")+1 {
			t.Errorf("%d docs from %d lines", n, strings.Count(string(data), "\n")+1)
		}
	})
}

// TestRecordFileWithoutRecords checks that a record file with nothing but
// a header or blank lines still has its row (found by FuzzRead).
func TestRecordFileWithoutRecords(t *testing.T) {
	root := tree(t, map[string]string{
		"header.csv":   "text",
		"header-2.tsv": "id\tTeXt\n",
		"blank.jsonl":  "\n\n",
	})
	var got []string
	for d := range Walk(t.Context(), []string{root}, Options{}) {
		got = append(got, d.ID+" "+string(d.Status)+": "+d.Reason)
	}
	want := []string{
		"blank.jsonl skipped: no records (only a header or blank lines)",
		"header-2.tsv skipped: no records (only a header or blank lines)",
		"header.csv skipped: no records (only a header or blank lines)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTSVQuotes checks that TSV has no quoting: a field that begins with a
// quote is text like any other and every line is one row.
func TestTSVQuotes(t *testing.T) {
	data := "id\ttext\r\n" +
		"1\t\"Lead,\" she said, \"by example.\"\r\n" +
		"2\t\"an open quote that never closes\n" +
		"\n" +
		"3\t\"\n" +
		"4\ta \"quote\" in the middle\n" +
		"5\t\"\"\n" +
		"6\ttoo\tmany\n" +
		"7\tlast line without a break\r"
	checkRows(t, walkFile(t, "q.tsv", data, Options{IDColumn: "id"}), []docRow{
		{ID: "q.tsv#1", Status: "ok", Text: `"Lead," she said, "by example."`, Bytes: 35},
		{ID: "q.tsv#2", Status: "ok", Text: `"an open quote that never closes`, Bytes: 35},
		{ID: "q.tsv#3", Status: "ok", Text: `"`, Bytes: 5}, // the blank line before is counted in
		{ID: "q.tsv#4", Status: "ok", Text: `a "quote" in the middle`},
		{ID: "q.tsv#5", Status: "ok", Text: `""`},
		{ID: "q.tsv#6", Status: "error", Reason: "line 8: 3 fields, the header has 2"},
		{ID: "q.tsv#7", Status: "ok", Text: "last line without a break", Bytes: 28},
	})
}

// TestTSVSentencesDev reads the shared sentences-dev.tsv, some of whose
// sentences begin with a quote, and finds one document per data row.
func TestTSVSentencesDev(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data")
	if d := os.Getenv("LEADLEX_SHARED"); d != "" {
		dir = filepath.Join(d, "data")
	}
	path := filepath.Join(dir, "sentences-dev.tsv")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no shared data set (%v); set LEADLEX_SHARED or put it in ../shared/data", err)
	}
	docs := ReadFile(path, Options{})
	ok := 0
	for _, d := range docs {
		if d.Status == OK {
			ok++
		}
		d.Close()
	}
	if len(docs) != 623 || ok != 623 {
		t.Errorf("%d documents, %d ok; want 623 and 623", len(docs), ok)
	}
}
