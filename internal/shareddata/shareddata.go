// Package shareddata finds the development data that is kept outside the
// repository (../shared/data next to the repository root: jobs-dev.tsv,
// sentences-dev.tsv). The text there must never be copied into the
// repository; tests read it from there and skip when it is absent.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Find returns the path of name in $LEADLEX_SHARED/data when that is set,
// else of shared/data/name in the nearest ancestor of dir that has one, or
// "" when none has.
func Find(dir, name string) string {
	if root := os.Getenv("LEADLEX_SHARED"); root != "" {
		if p := filepath.Join(root, "data", name); fileExists(p) {
			return p
		}
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "data", name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Require returns the path of shared/data/name above the test's package
// directory, or skips the test with a message saying what is missing.
func Require(t testing.TB, name string) string {
	t.Helper()
	p := Find(".", name)
	if p == "" {
		t.Skipf("shared/data/%s is not next to the repository (../shared/data); this test needs it", name)
	}
	return p
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
