package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/internal/golden"
)

// TestScoreOutputsUnchanged scores testdata/corpus into Parquet, JSONL and
// CSV, each with its sentences file, and compares the SHA-256 of every
// output with testdata/golden/score-outputs.sha256. It holds the output
// bytes still while code moves between packages; a change that means to
// change the bytes updates the golden file with -update, in its own commit.
//
// The output paths are part of the command line recorded in the Parquet
// metadata, so the files go to a fixed folder next to the test (removed
// before and after), not to a random temporary one.
func TestScoreOutputsUnchanged(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	const dir = "testdata/score-outputs.tmp"
	os.RemoveAll(dir)
	t.Cleanup(func() { os.RemoveAll(dir) })
	var sums strings.Builder
	for _, ext := range []string{"parquet", "jsonl", "csv"} {
		results := filepath.Join(dir, "results."+ext)
		sentences := filepath.Join(dir, "sentences."+ext)
		code, _, stderr := leadlex(t, "score", corpusDir, "-o", results, "--sentences", sentences, "-q")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, stderr)
		}
		for _, path := range []string{results, sentences} {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) == 0 {
				t.Fatalf("%s is empty", path)
			}
			fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(b), filepath.Base(path))
		}
	}
	golden.Check(t, "score-outputs.sha256", []byte(sums.String()))
}
