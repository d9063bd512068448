//go:build unix

package results

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestAtomicFileSpecialDestination writes to a named pipe, as to /dev/null
// or a terminal: the destination is written in place, never replaced by a
// regular file, and no temporary file is left beside it.
func TestAtomicFileSpecialDestination(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan []byte)
	go func() {
		r, err := os.Open(path) // blocks until the writer opens
		if err != nil {
			got <- nil
			return
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		got <- b
	}()
	f, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("rows")); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("destination is now %v (%v), want the named pipe", info.Mode(), err)
	}
	if b := <-got; string(b) != "rows" {
		t.Errorf("the pipe's reader got %q, want %q", b, "rows")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the pipe", len(entries))
	}
}
