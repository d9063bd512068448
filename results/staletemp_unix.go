//go:build unix

package results

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// processStart is when this process started; a temporary file older than
// it cannot be one this process or a run started since is writing.
var processStart = time.Now()

// lockTemp holds a lock on a temporary file while it is written, which the
// system drops when the process ends, however it ends.
func lockTemp(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// removeStaleTemps removes the temporary files (".NAME.tmp-*") that
// earlier runs writing base in dir left behind when they were killed (kill
// -9, a power cut): those from before this process started that no process
// holds locked any more. A run still writing holds its lock and keeps its
// file. It returns the names removed.
func removeStaleTemps(dir, base string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	prefix := "." + base + ".tmp-"
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err != nil || !info.ModTime().Before(processStart) {
			continue
		}
		name := filepath.Join(dir, e.Name())
		f, err := os.OpenFile(name, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil && os.Remove(name) == nil {
			removed = append(removed, name)
		}
		f.Close()
	}
	return removed
}
