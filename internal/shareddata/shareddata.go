// Package shareddata finds the development data that is kept outside the
// repository (../shared/data next to the repository root: jobs-dev.tsv,
// sentences-dev.tsv). The text there must never be copied into the
// repository; tests read it from there and skip when it is absent.
package shareddata

import (
	"os"
	"path/filepath"
	"strings"
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

// SentenceSet returns the path of a set of real sentences kept in
// gathered/ outside the repository, named as its testdata/sentences-NAME.md
// names it: "gathered" (the dev sentences gathered for tuning), "fresh",
// "fresh2", "fresh3", "fresh4" (the held-out sets gathered blind, one a
// round). The file is sentences-NAME.tsv (SetFile), found through the
// variable SetEnv(name), LEADLEX_GATHERED for "gathered": the file, or a
// folder holding it; else gathered/ beside the shared folder
// ($LEADLEX_SHARED/../gathered); else gathered/ in the nearest ancestor of
// dir that has the file. "" when none has.
func SentenceSet(dir, name string) string { return besideShared(dir, SetEnv(name), SetFile(name)) }

// SetFile is the file name of the sentence set name: sentences-NAME.tsv.
func SetFile(name string) string { return "sentences-" + name + ".tsv" }

// SetEnv is the variable that points at the sentence set name:
// LEADLEX_ and the name in upper case (LEADLEX_FRESH2).
func SetEnv(name string) string { return "LEADLEX_" + strings.ToUpper(name) }

// besideShared finds name kept in gathered/ outside the repository: $env
// (the file, or a folder holding it), else $LEADLEX_SHARED/../gathered/name,
// else gathered/name in the nearest ancestor of dir that has it; "" when
// none has.
func besideShared(dir, env, name string) string {
	if p := os.Getenv(env); p != "" {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return filepath.Join(p, name)
		}
		return p
	}
	if root := os.Getenv("LEADLEX_SHARED"); root != "" {
		return filepath.Join(root, "..", "gathered", name)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if p := filepath.Join(dir, "gathered", name); fileExists(p) {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
