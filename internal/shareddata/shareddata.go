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

// GatheredName is the file of the gathered dev sentences (see
// testdata/sentences-gathered.md), kept outside the repository like the
// shared data.
const GatheredName = "sentences-gathered.tsv"

// Gathered returns the path of the gathered dev sentences:
// $LEADLEX_GATHERED (the file, or a folder holding it), else gathered/
// beside the shared folder ($LEADLEX_SHARED/../gathered), else gathered/
// in the nearest ancestor of dir that has the file; "" when none has.
func Gathered(dir string) string { return besideShared(dir, "LEADLEX_GATHERED", GatheredName) }

// FreshName is the file of the fresh held-out sentences (see
// testdata/sentences-fresh.md), kept beside the gathered ones.
const FreshName = "sentences-fresh.tsv"

// Fresh returns the path of the fresh held-out sentences, found as
// Gathered finds its file but through $LEADLEX_FRESH; "" when none has it.
func Fresh(dir string) string { return besideShared(dir, "LEADLEX_FRESH", FreshName) }

// Fresh2Name is the file of the second fresh held-out sentences (see
// testdata/sentences-fresh2.md), kept beside the first.
const Fresh2Name = "sentences-fresh2.tsv"

// Fresh2 returns the path of the second fresh held-out sentences, found as
// Fresh finds its file but through $LEADLEX_FRESH2; "" when none has it.
func Fresh2(dir string) string { return besideShared(dir, "LEADLEX_FRESH2", Fresh2Name) }

// Fresh3Name is the file of the third fresh held-out sentences (see
// testdata/sentences-fresh3.md), kept beside the first two.
const Fresh3Name = "sentences-fresh3.tsv"

// Fresh3 returns the path of the third fresh held-out sentences, found as
// Fresh finds its file but through $LEADLEX_FRESH3; "" when none has it.
func Fresh3(dir string) string { return besideShared(dir, "LEADLEX_FRESH3", Fresh3Name) }

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
