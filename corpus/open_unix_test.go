//go:build unix

package corpus

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenFile checks the plain-system-call file against what os.File
// does: reads to io.EOF, reads at offsets, errors that name the path and
// say what went wrong, and a second Close that fails.
func TestOpenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := openFile(path)
	if err != nil {
		t.Fatal(err)
	}
	all, err := io.ReadAll(f)
	if err != nil || string(all) != "0123456789" {
		t.Errorf("ReadAll: %q, %v", all, err)
	}
	if n, err := f.Read(make([]byte, 4)); n != 0 || err != io.EOF {
		t.Errorf("Read at the end: %d, %v, want 0, EOF", n, err)
	}
	buf := make([]byte, 4)
	if n, err := f.ReadAt(buf, 3); n != 4 || err != nil || string(buf) != "3456" {
		t.Errorf("ReadAt 3: %d %q %v", n, buf, err)
	}
	if n, err := f.ReadAt(buf, 8); n != 2 || err != io.EOF || string(buf[:n]) != "89" {
		t.Errorf("ReadAt 8: %d %q %v, want 2 \"89\" EOF", n, buf[:n], err)
	}
	if err := f.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := f.Close(); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("second Close: %v, want ErrClosed", err)
	}
	_, err = openFile(filepath.Join(t.TempDir(), "missing.txt"))
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || describe(err) != "no such file or folder" {
		t.Errorf("missing file: %v", err)
	}
	d, err := openFile(t.TempDir())
	if err != nil {
		t.Fatal(err) // a folder opens; reading it fails
	}
	defer d.Close()
	if _, err := d.Read(make([]byte, 8)); err == nil {
		t.Error("reading a folder: no error")
	}
}
