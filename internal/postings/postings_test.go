package postings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteFiles checks that each row becomes one file holding its title
// and text, 100 to a folder, and that a malformed file is an error.
func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("group\ttitle\ttext\tsource\n")
	for i := range 101 {
		b.WriteString("other\tRole " + string(rune('A'+i%26)) + "\tSet the plan for week " + strings.Repeat("x", i) + ".\tmade/up#" + string(rune('a'+i%26)) + "\n")
	}
	tsv := filepath.Join(dir, "jobs.tsv")
	if err := os.WriteFile(tsv, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "jobs")
	n, size, err := WriteFiles(tsv, out)
	if err != nil || n != 101 {
		t.Fatalf("WriteFiles: %d, %v", n, err)
	}
	got, err := os.ReadFile(filepath.Join(out, "001", "00100.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Role W\n\nSet the plan for week " + strings.Repeat("x", 100) + ".\n"; string(got) != want {
		t.Errorf("file 100: %q, want %q", got, want)
	}
	var total int64
	filepath.Walk(out, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			total += info.Size()
		}
		return nil
	})
	if total != size {
		t.Errorf("%d bytes on disk, WriteFiles said %d", total, size)
	}
	if _, err := os.Stat(out + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("temporary folder left: %v", err)
	}
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("group\ttitle\n"), 0o644)
	if _, _, err := WriteFiles(bad, out); err == nil {
		t.Error("no error for a header without a text column")
	}
}
