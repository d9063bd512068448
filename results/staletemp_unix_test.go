//go:build unix

package results

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// TestCreateAtomicRemovesStaleTemps leaves temporary files as killed runs
// do, and one a live run holds: the next CreateAtomic of that output
// removes the stale ones only.
func TestCreateAtomicRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	write := func(name string, mtime time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := write(".out.parquet.tmp-111", old)
	live := write(".out.parquet.tmp-222", old)
	fresh := write(".out.parquet.tmp-333", time.Now().Add(time.Hour)) // from a run started after this one
	other := write(".other.parquet.tmp-444", old)
	f, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}

	a, err := CreateAtomic(filepath.Join(dir, "out.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Abort()
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, filepath.Join(dir, e.Name()))
	}
	if slices.Contains(left, stale) {
		t.Errorf("the stale temporary file is still there: %v", left)
	}
	for _, keep := range []string{live, fresh, other} {
		if !slices.Contains(left, keep) {
			t.Errorf("%s was removed; it is not a stale temporary file of this output", filepath.Base(keep))
		}
	}
	// The new temporary file is locked: a run started later leaves it,
	// however old it looks.
	if err := os.Chtimes(a.tmp.Name(), old, old); err != nil {
		t.Fatal(err)
	}
	if got := removeStaleTemps(dir, "out.parquet"); len(got) != 0 {
		t.Errorf("removed %v", got)
	}
}
