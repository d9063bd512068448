// Package capped reads small files (lexicons, policies) with a size limit,
// so that a huge or endless file named as one is refused with a clear
// error instead of being read and parsed at great cost in memory.
package capped

import (
	"fmt"
	"io"
	"os"
)

// TooLargeError says that a file is over its limit.
type TooLargeError struct {
	Path  string
	Limit int64
	Hint  string // how to raise the limit, e.g. "--max-lexicon-bytes"
}

func (e *TooLargeError) Error() string {
	msg := fmt.Sprintf("%s is larger than the limit of %s", e.Path, Size(e.Limit))
	if e.Hint != "" {
		msg += "; raise it with " + e.Hint
	}
	return msg
}

// ReadFile reads the file at path, or fails with a *TooLargeError when it
// holds more than limit bytes (it reads no more than limit+1 of them, so a
// device or pipe that never ends is refused too). hint names the setting
// that raises the limit.
func ReadFile(path string, limit int64, hint string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
		return nil, &TooLargeError{Path: path, Limit: limit, Hint: hint}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: path, Limit: limit, Hint: hint}
	}
	return data, nil
}

// Size writes a byte count as people read it: 512 B, 64 KB, 4 MB.
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
