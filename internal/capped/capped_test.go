package capped

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("12345"), 0o644)
	if data, err := ReadFile(small, 5, "--max"); err != nil || string(data) != "12345" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	_, err := ReadFile(small, 4, "--max")
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "larger than the limit of 4 B; raise it with --max") {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := ReadFile("/dev/zero", 1<<10, ""); !errors.As(err, &tl) {
		t.Errorf("an endless device: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "none"), 10, ""); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	if Size(4<<20) != "4 MB" || Size(1500) != "1500 B" {
		t.Errorf("Size: %s %s", Size(4<<20), Size(1500))
	}
}
