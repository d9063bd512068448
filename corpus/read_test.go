package corpus

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// memFS serves one file from memory.
type memFS struct {
	osFS
	data []byte
}

type memFile struct{ *bytes.Reader }

func (memFile) Close() error { return nil }

func (m memFS) Open(string) (file, error) { return memFile{bytes.NewReader(m.data)}, nil }

// checkDoc asserts what every Doc promises, whatever its input.
func checkDoc(t *testing.T, d Doc) {
	t.Helper()
	switch d.Status {
	case OK:
		if d.Reason != "" {
			t.Errorf("ok doc with a reason: %+v", d)
		}
		text := d.Text
		if d.Body != nil {
			b, err := io.ReadAll(d.Body)
			if err != nil {
				return // a stream may fail part-way; the pipeline makes it an error row
			}
			text = string(b)
		} else if strings.TrimSpace(text) == "" {
			t.Errorf("ok doc without text: %+v", d)
		}
		if !utf8.ValidString(text) {
			t.Errorf("ok doc with text that is not UTF-8: %q", text)
		}
	case Skipped, Failed:
		if d.Reason == "" || d.Text != "" || d.Body != nil {
			t.Errorf("%s doc without a reason or with text: %+v", d.Status, d)
		}
	default:
		t.Errorf("doc without a status: %+v", d)
	}
	if d.ID == "" || d.Path == "" {
		t.Errorf("doc without an ID or path: %+v", d)
	}
}

// FuzzRead reads arbitrary bytes as a file of each format, through the
// same sniffing, decoding and limits as Walk.
func FuzzRead(f *testing.F) {
	f.Add([]byte("plain text"), ".txt", "", false)
	f.Add([]byte("\xff\xfe#\x00 \x00T\x00"), ".md", "", true)
	f.Add([]byte("<meta charset=windows-1252><p>caf\xe9"), ".html", "", false)
	f.Add([]byte("{\"text\": \"a\"}\n\"b\"\n"), ".jsonl", "utf-8,latin1", false)
	f.Add([]byte("text,id\n\"a\",1\n"), ".csv", "latin1", false)
	f.Add([]byte("text\tid\n\"a\t1\n"), ".tsv", "utf-16be", true)
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"), ".docx", "", false)
	f.Fuzz(func(t *testing.T, data []byte, ext, encoding string, stream bool) {
		opt := Options{Encoding: encoding, MaxBytes: 1 << 16, fsys: memFS{data: data}, StreamAbove: -1}
		if stream {
			opt.StreamAbove = 1
		}
		cfg, err := opt.resolve()
		if err != nil {
			return
		}
		if _, ok := cfg.formats[strings.ToLower(ext)]; !ok || strings.ContainsAny(ext, "/\\") {
			return
		}
		s := &source{cfg: cfg, path: "f" + ext, id: "f" + ext, size: int64(len(data))}
		n := 0
		read(s, func(d Doc) bool {
			n++
			checkDoc(t, d)
			d.Close()
			return true
		})
		if n == 0 {
			t.Error("no doc for a file")
		}
	})
}

func TestReadFileRecords(t *testing.T) {
	root := tree(t, map[string]string{"r.jsonl": "{\"text\": \"one\"}\n{\"text\": \"two\"}\n"})
	docs := ReadFile(root+"/r.jsonl", Options{})
	if len(docs) != 2 || docs[1].ID != root+"/r.jsonl#2" || docs[1].Text != "two" {
		t.Errorf("docs %+v", docs)
	}
	if docs := ReadFile(root, Options{}); len(docs) != 1 || docs[0].Reason != "is a folder" {
		t.Errorf("folder: %+v", docs)
	}
}

// checkExtracted asserts the shape of text extracted from markup: UTF-8
// when the input was, no white space at the start or end of a line, and
// never more than one blank line in a row.
func checkExtracted(t *testing.T, input, got string) {
	t.Helper()
	if utf8.ValidString(input) && !utf8.ValidString(got) {
		t.Errorf("valid input gave invalid UTF-8: %q", got)
	}
	if strings.Contains(got, "\n\n\n") {
		t.Errorf("more than one blank line in a row: %q", got)
	}
	for _, line := range strings.Split(got, "\n") {
		if strings.TrimFunc(line, unicode.IsSpace) != line {
			t.Errorf("white space at the start or end of line %q in %q", line, got)
			return
		}
	}
}

// extractCase is a sample of marked-up text and the text expected from it.
type extractCase struct{ name, src, want string }

func runExtractCases(t *testing.T, extract func(string) string, cases []extractCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := extract(tc.src); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
