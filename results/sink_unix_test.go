//go:build unix

package results

import (
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
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

// TestAtomicFileFileSizeLimit fills the disk for real, for root too: a
// child process (this test binary again) runs with RLIMIT_FSIZE of 64 KiB,
// so the kernel refuses writes past it with EFBIG, and writes a results
// file over an existing one. The write must fail naming the output, and
// leave the existing file as it was and no temporary file beside it.
func TestAtomicFileFileSizeLimit(t *testing.T) {
	const env = "LEADLEX_TEST_FSIZE_DIR"
	if dir := os.Getenv(env); dir != "" {
		writeOverFileSizeLimit(t, dir)
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.parquet")
	if err := os.WriteFile(path, []byte("previous run"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAtomicFileFileSizeLimit$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), env+"="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestAtomicFileFileSizeLimit") {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous run" {
		t.Errorf("the existing output was touched: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %v, want only the existing output", entries)
	}
}

// writeOverFileSizeLimit is the child's side of TestAtomicFileFileSizeLimit.
func writeOverFileSizeLimit(t *testing.T, dir string) {
	signal.Ignore(syscall.SIGXFSZ) // the write returns EFBIG instead of killing the process
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	lim.Cur = 64 << 10
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "out.parquet")
	sink, err := NewParquetSink[Result](path, Metadata{})
	if err != nil {
		t.Fatal(err)
	}
	rows := manyRows(3 * rowsPerGroup) // several MiB before compression, well over 64 KiB after
	for i := range rows {
		if err = sink.Write(&rows[i]); err != nil {
			break
		}
	}
	if err == nil {
		err = sink.Close()
	} else {
		sink.Abort()
	}
	if err == nil || !strings.Contains(err.Error(), "write "+path+": file too large") {
		t.Fatalf("err = %v, want the size limit's error naming %s", err, path)
	}
}
