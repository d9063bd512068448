package corpus

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16le encodes s as UTF-16LE, without a byte-order mark.
func utf16le(s string) string {
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

// utf16be encodes s as UTF-16BE, without a byte-order mark.
func utf16be(s string) string {
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return b.String()
}

func TestEncodings(t *testing.T) {
	text := "Führung & “vision”: Grüße."
	tests := []struct {
		name, data, encoding string
		status               Status
		want                 string // text, or the reason
	}{
		{"utf-8", text, "", OK, text},
		{"utf-8 with BOM", "\xef\xbb\xbf" + text, "", OK, text},
		{"utf-16le with BOM", "\xff\xfe" + utf16le(text), "", OK, text},
		{"utf-16be with BOM", "\xfe\xff" + utf16be(text), "", OK, text},
		{"a BOM wins over --encoding", "\xff\xfe" + utf16le(text), "latin1", OK, text},
		{"utf-16le without BOM, named", utf16le(text), "utf-16le", OK, text},
		{"utf-16le without BOM", utf16le("plain words here"), "", Skipped,
			"binary file (NUL byte at offset 1); it looks like UTF-16LE text without a byte-order mark: try --encoding utf-16le"},
		{"latin1 is an error by default", "Caf\xe9 cr\xe8me", "", Failed, "not valid UTF-8: byte 0xE9 at offset 3 (line 1); see --encoding"},
		{"latin1 as asked", "Caf\xe9 cr\xe8me \x80", "latin1", OK, "Café crème \u0080"},
		{"windows-1252 as asked", "\x93Caf\xe9\x94 \x80", "windows-1252", OK, "“Café” €"},
		{"cp1252 label", "\x93ok\x94", "cp1252", OK, "“ok”"},
		{"utf-8 first, latin1 after: utf-8 file", text, "utf-8,latin1", OK, text},
		{"utf-8 first, latin1 after: latin1 file", "Caf\xe9", "utf-8,latin1", OK, "Café"},
		{"utf-8 named: latin1 is an error", "Caf\xe9", "utf-8", Failed, "not valid UTF-8: byte 0xE9 at offset 3 (line 1); see --encoding"},
		{"NUL after decoding utf-16", "\xff\xfe" + utf16le("a\x00b"), "", Skipped, "binary file (NUL character after decoding as utf-16le)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := walkFile(t, "doc.txt", tc.data, Options{Encoding: tc.encoding})
			if len(got) != 1 {
				t.Fatalf("%d docs", len(got))
			}
			d := got[0]
			res := d.Text
			if tc.status != OK {
				res = d.Reason
			}
			if d.Status != string(tc.status) || res != tc.want {
				t.Errorf("got %s %q, want %s %q", d.Status, res, tc.status, tc.want)
			}
		})
	}
}

// TestEncodingsStreamed reads large files through Body, as Walk streams
// plain text above StreamAbove.
func TestEncodingsStreamed(t *testing.T) {
	text := strings.Repeat("Grüße aus “Köln”.\n", 400)
	tests := []struct {
		name, data, encoding, want, err string
	}{
		{"utf-8 with BOM", "\xef\xbb\xbf" + text, "", text, ""},
		{"utf-16le with BOM", "\xff\xfe" + utf16le(text), "", text, ""},
		{"utf-16be with BOM", "\xfe\xff" + utf16be(text), "", text, ""},
		{"latin1", strings.Repeat("Caf\xe9\n", 400), "latin1", strings.Repeat("Café\n", 400), ""},
		{"utf-8 first, latin1 after", strings.Repeat("Caf\xe9\n", 400), "utf-8,latin1", strings.Repeat("Café\n", 400), ""},
		{"utf-8 first, valid utf-8", text, "utf-8,latin1", text, ""},
		{"invalid late", "\xef\xbb\xbf" + strings.Repeat("ok\n", 300) + "\xe9", "", "", "not valid UTF-8: invalid byte sequence at offset 903; see --encoding"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := tree(t, map[string]string{"big.txt": tc.data})
			docs := ReadFile(root+"/big.txt", Options{Encoding: tc.encoding}) // not streamed
			var streamed []Doc
			for d := range Walk(t.Context(), []string{root}, Options{Encoding: tc.encoding, StreamAbove: 100}) {
				streamed = append(streamed, d)
			}
			if len(docs) != 1 || len(streamed) != 1 || streamed[0].Body == nil {
				t.Fatalf("docs %v, streamed %v", docs, streamed)
			}
			b, err := io.ReadAll(streamed[0].Body)
			streamed[0].Close()
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Errorf("stream error %v, want %s", err, tc.err)
				}
				return
			}
			if err != nil || string(b) != tc.want {
				t.Errorf("streamed %q…, %v", b[:min(len(b), 40)], err)
			}
			if docs[0].Text != tc.want {
				t.Errorf("read whole %q…", docs[0].Text[:min(len(docs[0].Text), 40)])
			}
		})
	}
}

func TestParseEncoding(t *testing.T) {
	tests := []struct {
		spec, name, err string
		utf8            bool
	}{
		{"", "", "", true},
		{"UTF-8", "", "", true},
		{"latin1", "iso-8859-1", "", false},
		{"ISO-8859-1", "iso-8859-1", "", false},
		{"windows-1252", "windows-1252", "", false},
		{"cp1252", "windows-1252", "", false},
		{"utf-16le", "utf-16le", "", false},
		{"shift_jis", "shift_jis", "", false},
		{"utf-8, latin1", "iso-8859-1", "", true},
		{"klingon", "", `Encoding "klingon": unknown encoding`, false},
		{"latin1,utf-8", "", "the first must be utf-8", false},
		{"utf-8,utf-8", "", "must not be utf-8 again", false},
		{"utf-8,utf-16le", "", "cannot be told apart from UTF-8", false},
		{"utf-8,latin1,cp1252", "", "give one encoding", false},
	}
	for _, tc := range tests {
		d, err := parseEncoding(tc.spec)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseEncoding(%q) err = %v, want %q", tc.spec, err, tc.err)
			}
			continue
		}
		if err != nil || d.name != tc.name || d.utf8 != tc.utf8 {
			t.Errorf("parseEncoding(%q) = %+v, %v", tc.spec, d, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain"), "")
	f.Add([]byte("\xef\xbb\xbfbom"), "latin1")
	f.Add([]byte("\xff\xfeh\x00i\x00"), "")
	f.Add([]byte("\xfe\xff\x00h\x00i\xd8"), "utf-16be")
	f.Add([]byte("Caf\xe9"), "utf-8,windows-1252")
	f.Add([]byte("\x82\xa0"), "shift_jis")
	f.Fuzz(func(t *testing.T, data []byte, spec string) {
		d, err := parseEncoding(spec)
		if err != nil {
			return
		}
		d, bom := sniff(data, d)
		var text string
		if d.wide {
			b, err := io.ReadAll(d.reader(bytes.NewReader(data[bom:])))
			if err != nil {
				t.Fatal(err)
			}
			text = string(b)
		} else if text, err = d.decode(data[bom:]); err != nil {
			if !d.utf8 || d.fallback != nil || utf8.Valid(data[bom:]) {
				t.Fatalf("decode %q as %+v: %v", data, d, err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Errorf("decoded text is not UTF-8: %q", text)
		}
		s, err := io.ReadAll(d.stream(data, bom, strings.NewReader("")))
		if err == nil && !utf8.Valid(s) {
			t.Errorf("stream is not UTF-8: %q", s)
		}
		binaryReason(data)
	})
}
