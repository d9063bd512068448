package corpus

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestStdin(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(file, []byte("A file."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, format, input string
		roots               []string
		wantID, wantFormat  string
		wantText            string
	}{
		{"", "", "We set the vision.", []string{"-"}, "stdin", "txt", "We set the vision."},
		{"jobs/a.md", "", "# Title\n\nWe *set* the vision.\n", []string{"-"}, "a.md", "md", "set"},
		{"jobs/a", "html", "<p>We set the <b>vision</b>.</p>", []string{"-"}, "a", "html", "vision"},
		{"jobs/a.md", "", "We set the vision.", []string{file, "-"}, "jobs/a.md", "md", "vision"},
	} {
		opt := Options{stdin: strings.NewReader(tc.input), StdinName: tc.name, StdinFormat: tc.format, StreamAbove: -1}
		listed := slices.Collect(List(ctx, tc.roots, opt))
		docs := slices.Collect(Walk(ctx, tc.roots, opt))
		if len(docs) != len(tc.roots) || len(listed) != len(tc.roots) {
			t.Fatalf("%q: %d docs, %d listed", tc.name, len(docs), len(listed))
		}
		d := docs[len(docs)-1]
		if d.ID != tc.wantID || d.Format != tc.wantFormat || d.Status != OK || !strings.Contains(d.Text, tc.wantText) || d.Bytes != int64(len(tc.input)) {
			t.Errorf("%q: %+v", tc.name, d)
		}
		if l := listed[len(listed)-1]; l.ID != tc.wantID {
			t.Errorf("%q: listed as %q", tc.name, l.ID)
		}
	}
	// Over the size limit: skipped like a file.
	opt := Options{stdin: strings.NewReader(strings.Repeat("word ", 100)), MaxBytes: 50}
	d := slices.Collect(Walk(ctx, []string{"-"}, opt))[0]
	if d.Status != Skipped || !strings.Contains(d.Reason, "max-bytes") {
		t.Errorf("large stdin: %s %s", d.Status, d.Reason)
	}
}
