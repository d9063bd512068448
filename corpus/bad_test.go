package corpus

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// faultyFS is the disk with failures put in its way, by file name: what
// root cannot be denied and races that cannot be timed.
type faultyFS struct {
	osFS
	denyOpen    map[string]bool // open fails with EACCES
	denyList    map[string]bool // listing the folder fails with EACCES
	vanishList  map[string]bool // removed right after its folder is listed
	vanishOpen  map[string]bool // removed right before it is opened
	failReading map[string]int  // reading fails with EIO after this many bytes
}

func (f faultyFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.denyList[filepath.Base(name)] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
	}
	entries, err := os.ReadDir(name)
	for _, e := range entries {
		if f.vanishList[e.Name()] {
			os.Remove(filepath.Join(name, e.Name()))
		}
	}
	return entries, err
}

func (f faultyFS) Open(name string) (file, error) {
	base := filepath.Base(name)
	switch {
	case f.denyOpen[base]:
		return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EACCES}
	case f.vanishOpen[base]:
		os.Remove(name)
	}
	file, err := os.Open(name)
	if after, ok := f.failReading[base]; ok && err == nil {
		return &failingFile{file: file, after: after}, nil
	}
	return file, err
}

// failingFile reads its first bytes, then fails as a bad disk would.
type failingFile struct {
	file
	after int
}

func (f *failingFile) Read(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, &fs.PathError{Op: "read", Path: "x", Err: syscall.EIO}
	}
	n, err := f.file.Read(p[:min(len(p), f.after)])
	f.after -= n
	return n, err
}

// copyDir copies the files of src into a new temporary folder.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644))
	}
	return dst
}

// TestBadFiles walks testdata/bad, one file per way a document can fail,
// plus the cases made here: files that cannot be opened, that vanish or
// fail while being read, an unlistable folder, symbolic link loops and a
// named pipe. Every case gives exactly one row with the expected status
// and reason, and the walk goes on past each.
func TestBadFiles(t *testing.T) {
	root := copyDir(t, "../testdata/bad")
	committed, _ := os.ReadDir(root)
	write := func(name, content string) { must(t, os.WriteFile(filepath.Join(root, name), []byte(content), 0o644)) }
	write("unreadable.txt", "Words nobody may read.")
	write("vanished-listed.txt", "Gone after the folder was listed.")
	write("vanished-opened.txt", "Gone just before it was opened.")
	write("failing.txt", "A disk that fails part of the way through this file.")
	must(t, os.MkdirAll(filepath.Join(root, "locked"), 0o755))
	write("locked/inside.txt", "never reached")
	must(t, os.Symlink(".", filepath.Join(root, "loop")))
	must(t, os.Symlink("self.txt", filepath.Join(root, "self.txt")))
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	write("zz-last.txt", "The walk goes on after every failure.")

	fsys := faultyFS{
		denyOpen:    map[string]bool{"unreadable.txt": true},
		denyList:    map[string]bool{"locked": true},
		vanishList:  map[string]bool{"vanished-listed.txt": true},
		vanishOpen:  map[string]bool{"vanished-opened.txt": true},
		failReading: map[string]int{"failing.txt": 10},
	}
	const supported = ".csv, .docx, .htm, .html, .jsonl, .markdown, .md, .ndjson, .text, .tsv, .txt, .xhtml"
	want := map[string][2]string{
		// committed under testdata/bad
		"README":           {"skipped", "no file extension; supported: " + supported},
		"binary.txt":       {"skipped", "binary file (NUL byte at offset 8)"},
		"broken.csv#1":     {"error", `line 2, column 32: extraneous or missing " in quoted-field`},
		"broken.jsonl#1":   {"error", "invalid JSON: the line ends inside a value"},
		"corrupt.docx":     {"error", "not a valid .docx file: zip: not a valid zip file"},
		"empty.txt":        {"skipped", "empty file"},
		"latin1.txt":       {"error", "not valid UTF-8: byte 0xE9 at offset 18 (line 1); see --encoding"},
		"notes.pdf":        {"skipped", `unsupported file type ".pdf"; supported: ` + supported + "; --ext reads others as text"},
		"oversized.txt":    {"skipped", "file is 6.1 KiB, over the --max-bytes limit of 4.0 KiB"},
		"utf16-no-bom.txt": {"skipped", "binary file (NUL byte at offset 1); it looks like UTF-16LE text without a byte-order mark: try --encoding utf-16le"},
		"whitespace.md":    {"skipped", "no text (only white space)"},
		// made by this test
		"failing.txt":         {"error", "cannot read: input/output error"},
		"locked":              {"error", "cannot list folder: permission denied"},
		"loop":                {"error", "symbolic link loop: it points back to a folder above it"},
		"pipe.txt":            {"skipped", "not a regular file (p---------)"},
		"self.txt":            {"error", "symbolic link loop"},
		"unreadable.txt":      {"error", "cannot open: permission denied"},
		"vanished-listed.txt": {"error", "vanished during the run: listed, then gone"},
		"vanished-opened.txt": {"error", "vanished during the run: listed, then gone"},
		"zz-last.txt":         {"ok", ""},
	}
	opt := Options{MaxBytes: 4096, FollowSymlinks: true, fsys: fsys}
	seen := map[string]int{}
	for d := range Walk(context.Background(), []string{root}, opt) {
		seen[d.ID]++
		w, ok := want[d.ID]
		if !ok {
			t.Errorf("unexpected row %s: %s %q", d.ID, d.Status, d.Reason)
			continue
		}
		if string(d.Status) != w[0] || d.Reason != w[1] {
			t.Errorf("%s: %s %q\n     want %s %q", d.ID, d.Status, d.Reason, w[0], w[1])
		}
		d.Close()
	}
	for id := range want {
		if seen[id] != 1 {
			t.Errorf("%s: %d rows, want 1", id, seen[id])
		}
	}
	// Every committed file has its case above.
	for _, e := range committed {
		id := e.Name()
		if seen[id] == 0 && seen[id+"#1"] == 0 {
			t.Errorf("testdata/bad/%s has no expected row", id)
		}
	}
}

// TestRealPermissions makes a file and a folder unreadable for real; as
// root that cannot be done, and TestBadFiles covers it through faultyFS.
func TestRealPermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, who can read any file; TestBadFiles simulates permission denied")
	}
	root := tree(t, map[string]string{"secret.txt": "hidden words", "locked/in.txt": "x", "open.txt": "fine"})
	must(t, os.Chmod(filepath.Join(root, "secret.txt"), 0))
	must(t, os.Chmod(filepath.Join(root, "locked"), 0))
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "locked"), 0o755) })
	got := walkRows(t, []string{root}, Options{})
	want := []row{
		{"locked", "", "error", "cannot list folder: permission denied"},
		{"open.txt", "txt", "ok", ""},
		{"secret.txt", "txt", "error", "cannot open: permission denied"},
	}
	if !equalRows(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestFailingFileIsAnError(t *testing.T) {
	// Reading fails part-way through a streamed file too.
	root := tree(t, map[string]string{"big.txt": strings.Repeat("long text ", 2000)})
	opt := Options{StreamAbove: 10, fsys: faultyFS{failReading: map[string]int{"big.txt": 12000}}}
	for d := range Walk(context.Background(), []string{root}, opt) {
		if d.Body == nil {
			t.Fatalf("not streamed: %+v", d)
		}
		_, err := io.ReadAll(d.Body)
		if !errors.Is(err, syscall.EIO) {
			t.Errorf("stream err = %v", err)
		}
		d.Close()
	}
}
