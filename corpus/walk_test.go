package corpus

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree writes files (path -> content) under a new temporary folder.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

type row struct{ id, format, status, reason string }

func walkRows(t *testing.T, roots []string, opt Options) []row {
	t.Helper()
	var out []row
	for d := range Walk(context.Background(), roots, opt) {
		out = append(out, row{d.ID, d.Format, string(d.Status), d.Reason})
		d.Close()
	}
	return out
}

func TestWalkOrderAndStatuses(t *testing.T) {
	root := tree(t, map[string]string{
		"b.txt":            "bee",
		"a/z.md":           "# zed",
		"a/b.txt":          "ab",
		"a.txt":            "a",
		".hidden/x.txt":    "hidden",
		".dot.txt":         "hidden",
		"empty.txt":        "",
		"blank.md":         " \n\t\n",
		"bin.txt":          "abc\x00def",
		"latin1.txt":       "Caf\xe9 menu",
		"bom.txt":          "\xef\xbb\xbfwith BOM",
		"notes.pdf":        "%PDF",
		"README":           "no extension",
		"deep/er/last.txt": "deep",
	})
	got := walkRows(t, []string{root}, Options{})
	want := []row{
		{"README", "", "skipped", "no file extension; supported: .csv, .docx, .htm, .html, .jsonl, .markdown, .md, .ndjson, .text, .tsv, .txt, .xhtml"},
		{"a/b.txt", "txt", "ok", ""},
		{"a/z.md", "md", "ok", ""},
		{"a.txt", "txt", "ok", ""},
		{"b.txt", "txt", "ok", ""},
		{"bin.txt", "txt", "skipped", "binary file (NUL byte at offset 3)"},
		{"blank.md", "md", "skipped", "no text (only white space)"},
		{"bom.txt", "txt", "ok", ""},
		{"deep/er/last.txt", "txt", "ok", ""},
		{"empty.txt", "txt", "skipped", "empty file"},
		{"latin1.txt", "txt", "error", "not valid UTF-8: byte 0xE9 at offset 3 (line 1); see --encoding"},
		{"notes.pdf", "pdf", "skipped", `unsupported file type ".pdf"; supported: .csv, .docx, .htm, .html, .jsonl, .markdown, .md, .ndjson, .text, .tsv, .txt, .xhtml; --ext reads others as text`},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows:\n%v\nwant %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %+v\n         want %+v", i, got[i], want[i])
		}
	}
}

func TestWalkText(t *testing.T) {
	root := tree(t, map[string]string{"bom.txt": "\xef\xbb\xbfwith BOM"})
	for d := range Walk(context.Background(), []string{root}, Options{}) {
		if d.Text != "with BOM" || d.Bytes != 11 || d.Path != filepath.Join(root, "bom.txt") {
			t.Errorf("doc %+v", d)
		}
	}
}

func TestWalkMaxBytes(t *testing.T) {
	root := tree(t, map[string]string{"big.txt": strings.Repeat("word ", 300), "small.txt": "ok"})
	got := walkRows(t, []string{root}, Options{MaxBytes: 1000})
	if got[0].status != "skipped" || got[0].reason != "file is 1.5 KiB, over the --max-bytes limit of 1000 bytes" || got[1].status != "ok" {
		t.Errorf("rows %v", got)
	}
}

func TestWalkStreamsLargeText(t *testing.T) {
	text := strings.Repeat("Plain text line.\n", 100)
	root := tree(t, map[string]string{"big.txt": text, "bad.txt": strings.Repeat("x", 100) + "\xff tail", "big.md": text})
	var seen []string
	for d := range Walk(context.Background(), []string{root}, Options{StreamAbove: 50}) {
		switch d.ID {
		case "big.txt":
			if d.Body == nil {
				t.Fatal("big.txt not streamed")
			}
			b, err := io.ReadAll(d.Body)
			if err != nil || string(b) != text {
				t.Errorf("stream read %d bytes, err %v", len(b), err)
			}
		case "bad.txt":
			_, err := io.ReadAll(d.Body)
			if err == nil || err.Error() != "not valid UTF-8: invalid byte sequence at offset 100; see --encoding" {
				t.Errorf("bad stream err = %v", err)
			}
		case "big.md": // streamed through the Markdown extractor
			if d.Body == nil {
				t.Fatal("big.md not streamed")
			}
			b, err := io.ReadAll(d.Body)
			if err != nil || string(b) != extractMarkdown(text) {
				t.Errorf("markdown stream gave %q, err %v", b, err)
			}
		}
		seen = append(seen, d.ID)
		d.Close()
	}
	if len(seen) != 3 {
		t.Errorf("docs %v", seen)
	}
}

func TestUTF8CheckerSplitRunes(t *testing.T) {
	text := "héllo wörld ✓ — done"
	for size := 1; size <= 5; size++ {
		c := newUTF8Checker(&smallReader{s: text, n: size}, 0)
		b, err := io.ReadAll(c)
		if err != nil || string(b) != text {
			t.Errorf("read size %d: %q, %v", size, b, err)
		}
	}
	c := newUTF8Checker(&smallReader{s: "ok\xe2\x9c", n: 2}, 0) // a rune cut off by the end
	if _, err := io.ReadAll(c); err == nil {
		t.Error("truncated rune at EOF accepted")
	}
}

type smallReader struct {
	s string
	n int
}

func (r *smallReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), r.n)], r.s)
	r.s = r.s[n:]
	return n, nil
}

func TestWalkSymlinks(t *testing.T) {
	root := tree(t, map[string]string{"real/a.txt": "text", "target.txt": "t"})
	must(t, os.Symlink(filepath.Join(root, "target.txt"), filepath.Join(root, "link.txt")))
	must(t, os.Symlink(root, filepath.Join(root, "real", "loop")))
	must(t, os.Symlink(filepath.Join(root, "missing.txt"), filepath.Join(root, "broken.txt")))

	got := walkRows(t, []string{root}, Options{})
	want := []row{
		{"broken.txt", "txt", "skipped", "symbolic link not followed (use --follow-symlinks)"},
		{"link.txt", "txt", "skipped", "symbolic link not followed (use --follow-symlinks)"},
		{"real/a.txt", "txt", "ok", ""},
		{"real/loop", "", "skipped", "symbolic link not followed (use --follow-symlinks)"},
		{"target.txt", "txt", "ok", ""},
	}
	if !equalRows(got, want) {
		t.Errorf("without --follow-symlinks:\n got %v\nwant %v", got, want)
	}
	got = walkRows(t, []string{root}, Options{FollowSymlinks: true})
	want = []row{
		{"broken.txt", "txt", "error", "broken symbolic link: no such file or folder"},
		{"link.txt", "txt", "ok", ""},
		{"real/a.txt", "txt", "ok", ""},
		{"real/loop", "", "error", "symbolic link loop: it points back to a folder above it"},
		{"target.txt", "txt", "ok", ""},
	}
	if !equalRows(got, want) {
		t.Errorf("with --follow-symlinks:\n got %v\nwant %v", got, want)
	}
}

func TestWalkRoots(t *testing.T) {
	root := tree(t, map[string]string{"x/a.txt": "a", "y/b.txt": "b"})
	got := walkRows(t, []string{filepath.Join(root, "y", "b.txt")}, Options{})
	if len(got) != 1 || got[0].id != "b.txt" || got[0].status != "ok" {
		t.Errorf("single file root: %v", got)
	}
	x, y := filepath.Join(root, "x"), filepath.Join(root, "y")
	got = walkRows(t, []string{y, x, filepath.Join(root, "nope")}, Options{})
	if len(got) != 3 || got[0].id != filepath.ToSlash(y)+"/b.txt" || got[1].id != filepath.ToSlash(x)+"/a.txt" ||
		got[2].status != "error" || got[2].reason != "no such file or folder" {
		t.Errorf("several roots: %v", got)
	}
	files, bytes := Count(context.Background(), []string{root}, Options{})
	if files != 2 || bytes != 2 {
		t.Errorf("Count = %d files, %d bytes", files, bytes)
	}
}

func TestWalkStopsOnCancel(t *testing.T) {
	root := tree(t, map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for range Walk(ctx, []string{root}, Options{}) {
		n++
		cancel()
	}
	if n != 1 {
		t.Errorf("walked %d docs after cancel", n)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func equalRows(a, b []row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestExtensions(t *testing.T) {
	root := tree(t, map[string]string{
		"app.log":   "Service started.",
		"guide.RST": "Section\n=======\n\nBody text.",
		"page.mdx":  "# Title\n\nSome **bold** words.",
		"data.bin":  "still unsupported",
	})
	var got []row
	texts := map[string]string{}
	for d := range Walk(context.Background(), []string{root}, Options{Extensions: []string{".log", "rst", ".mdx=md"}}) {
		got = append(got, row{d.ID, d.Format, string(d.Status), d.Reason})
		texts[d.ID] = d.Text
	}
	want := []row{
		{"app.log", "txt", "ok", ""},
		{"data.bin", "bin", "skipped", `unsupported file type ".bin"; supported: .csv, .docx, .htm, .html, .jsonl, .log, .markdown, .md, .mdx, .ndjson, .rst, .text, .tsv, .txt, .xhtml; --ext reads others as text`},
		{"guide.RST", "txt", "ok", ""},
		{"page.mdx", "md", "ok", ""},
	}
	if !equalRows(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if texts["page.mdx"] != "Title\n\nSome bold words." || texts["guide.RST"] != "Section\n=======\n\nBody text." {
		t.Errorf("texts %q", texts)
	}
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		opt  Options
		want string
	}{
		{Options{}, ""},
		{Options{Encoding: "latin1", Extensions: []string{".log", "rst=txt"}}, ""},
		{Options{Encoding: "ebcdic-klingon"}, `Encoding "ebcdic-klingon": unknown encoding`},
		{Options{Extensions: []string{"."}}, `Extensions ".": want an extension such as .log`},
		{Options{Extensions: []string{".x=pdf"}}, `Extensions ".x=pdf": unknown format "pdf"; known: csv, docx, html, jsonl, md, tsv, txt`},
	}
	for _, tc := range tests {
		err := tc.opt.Validate()
		if (err == nil) != (tc.want == "") || err != nil && !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want %q", tc.opt, err, tc.want)
		}
	}
	// Walk reports options it cannot use as one error row per root.
	got := walkRows(t, []string{"a", "b"}, Options{Encoding: "nope"})
	if len(got) != 2 || got[0].status != "error" || !strings.Contains(got[1].reason, "unknown encoding") {
		t.Errorf("rows %v", got)
	}
}

// TestWalkDeferExtract checks that with DeferExtract a Doc carries the
// file's text until Extract, and then what a plain Walk gives.
func TestWalkDeferExtract(t *testing.T) {
	root := tree(t, map[string]string{
		"a.md":    "# Vision\n\n```\nbudget\n```\n\nInspire *people*.\n",
		"b.html":  "<p>Set the <b>direction</b>.</p><script>budget()</script>",
		"c.md":    "```\nonly code\n```\n",
		"d.txt":   "Plain text.",
		"e.jsonl": `{"text": "A record."}` + "\n",
	})
	var plain, deferred []Doc
	for d := range Walk(t.Context(), []string{root}, Options{}) {
		plain = append(plain, d)
	}
	for d := range Walk(t.Context(), []string{root}, Options{DeferExtract: true}) {
		deferred = append(deferred, d)
	}
	if len(plain) != 5 || len(deferred) != 5 {
		t.Fatalf("%d and %d docs, want 5", len(plain), len(deferred))
	}
	raw := map[string]string{"a.md": "# Vision", "b.html": "<p>Set", "c.md": "only code"}
	for i, d := range deferred {
		if want, ok := raw[d.ID]; ok && (d.Status != OK || !strings.Contains(d.Text, want)) {
			t.Errorf("%s before Extract: %s %q, want the file's text", d.ID, d.Status, d.Text)
		}
		d.Extract()
		d.Extract() // a second call does nothing
		p := plain[i]
		if d.ID != p.ID || d.Text != p.Text || d.Status != p.Status || d.Reason != p.Reason {
			t.Errorf("%s after Extract: %s %q %q, walk without deferring gives %s %q %q", d.ID, d.Status, d.Text, d.Reason, p.Status, p.Text, p.Reason)
		}
	}
	if plain[2].Status != Skipped || plain[2].Reason != noText {
		t.Errorf("c.md: %s %q, want skipped: no text", plain[2].Status, plain[2].Reason)
	}
}
