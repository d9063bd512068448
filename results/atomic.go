package results

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// AtomicFile is written under a temporary name in the destination's folder
// and renamed into place by Commit; Abort removes it. A crash or an
// interrupt therefore never leaves a partial file at the destination.
//
// A destination that exists and is not a regular file — /dev/null, a named
// pipe, a terminal — cannot be replaced by a rename; it is written directly,
// and Commit and Abort only close it.
type AtomicFile struct {
	path   string
	tmp    *os.File
	buf    *bufio.Writer
	err    error // first write error; later writes fail fast
	direct bool  // tmp is the destination itself
}

// CreateAtomic starts writing path. Temporary files of earlier runs
// writing path that were killed before they could remove them are removed
// first (see removeStaleTemps).
func CreateAtomic(path string) (*AtomicFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if info, err := os.Stat(path); err == nil {
		switch {
		case info.IsDir():
			return nil, fmt.Errorf("output %s is a folder", path)
		case !info.Mode().IsRegular():
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return nil, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
			}
			return &AtomicFile{path: path, tmp: f, buf: newFileBuffer(f), direct: true}, nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create output folder: %w", err)
	}
	removeStaleTemps(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	lockTemp(tmp)
	temps.Store(tmp.Name(), struct{}{})
	return &AtomicFile{path: path, tmp: tmp, buf: newFileBuffer(tmp)}, nil
}

// fileBuffers keeps the write buffers of committed and aborted files for
// the next file: 1 MiB each, which a run of many files (beam's shards, the
// benchmarks) would otherwise allocate and clear again for every file.
var fileBuffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 1<<20) }}

// newFileBuffer is a pooled write buffer in front of w.
func newFileBuffer(w io.Writer) *bufio.Writer {
	b := fileBuffers.Get().(*bufio.Writer)
	b.Reset(w)
	return b
}

// releaseBuffer hands the file's buffer back to fileBuffers.
func (f *AtomicFile) releaseBuffer() {
	f.buf.Reset(nil)
	fileBuffers.Put(f.buf)
	f.buf = nil
}

// temps holds the names of the temporary files not yet committed or
// aborted, for RemoveTemps.
var temps sync.Map

// RemoveTemps removes every temporary file of an AtomicFile not yet
// committed or aborted. A process that must exit at once (a second Ctrl-C)
// calls it so that it leaves nothing behind.
func RemoveTemps() {
	temps.Range(func(name, _ any) bool {
		os.Remove(name.(string))
		temps.Delete(name)
		return true
	})
}

// Write buffers p for the temporary file.
func (f *AtomicFile) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	if f.buf == nil {
		return 0, fmt.Errorf("write %s: output already closed", f.path)
	}
	n, err := f.buf.Write(p)
	if err != nil {
		f.err = fmt.Errorf("write %s: %w", f.path, unwrapPath(err))
	}
	return n, f.err
}

// Commit flushes, syncs and renames the file into place.
func (f *AtomicFile) Commit() error {
	if f.tmp == nil {
		return errors.New("output already closed")
	}
	err := f.err
	if err == nil {
		err = f.buf.Flush()
	}
	f.releaseBuffer()
	if err == nil && !f.direct {
		err = f.tmp.Sync()
	}
	if err == nil && !f.direct {
		err = f.tmp.Chmod(0o644)
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && !f.direct {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	temps.Delete(f.tmp.Name())
	if err != nil {
		if !f.direct {
			os.Remove(f.tmp.Name())
		}
		f.tmp = nil
		if err == f.err {
			return err // already says which file
		}
		return fmt.Errorf("write %s: %w", f.path, unwrapPath(err))
	}
	f.tmp = nil
	return nil
}

// Abort removes the temporary file; it is safe to call after Commit.
func (f *AtomicFile) Abort() {
	if f.tmp == nil {
		return
	}
	f.releaseBuffer()
	f.tmp.Close()
	if !f.direct {
		os.Remove(f.tmp.Name())
		temps.Delete(f.tmp.Name())
	}
	f.tmp = nil
}

// unwrapPath drops the temporary file's name from an OS error.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// WriteFile writes the file at path with write, atomically: the
// destination appears only when write returned nil and the file was
// committed; otherwise nothing is left behind. The error is write's own, or
// the one of creating or committing the file (which names path).
func WriteFile(path string, write func(io.Writer) error) error {
	f, err := CreateAtomic(path)
	if err != nil {
		return err
	}
	defer f.Abort() // a no-op once committed
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}
