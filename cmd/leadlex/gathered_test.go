package main

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/internal/shareddata"
)

// labeledSetPath resolves a published set kept outside the repository:
// sentences-dev.tsv in the shared data, the other sentence sets in
// gathered/ (shareddata.SentenceSet).
func labeledSetPath(file string) string {
	if set, ok := strings.CutPrefix(strings.TrimSuffix(file, ".tsv"), "sentences-"); ok && set != "dev" {
		return shareddata.SentenceSet(".", set)
	}
	return filepath.Join(sharedData(), file)
}

// readTSV reads a tab-separated file with a header into one map per row.
func readTSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, col := range recs[0] {
			if i < len(rec) {
				row[col] = rec[i]
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// TestSentenceSetsMatchRefs checks each set of real sentences kept outside
// the repository (the gathered sentences and the four fresh held-out
// sets; testdata/sentences-*.md) against the references kept in it: same
// rows in the same order, each with its split, label, page and the hash of
// its masked text. It only compares rows; it never scores them, so a
// held-out set's figure stays a first look. A set that is not there is
// skipped with a message.
func TestSentenceSetsMatchRefs(t *testing.T) {
	for _, set := range []struct{ name, split string }{
		{"gathered", "dev"}, {"fresh", "heldout"}, {"fresh2", "heldout"},
		{"fresh3", "heldout"}, {"fresh4", "heldout"},
	} {
		t.Run(set.name, func(t *testing.T) {
			path := shareddata.SentenceSet(".", set.name)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s not found (%v): set %s to the file (see testdata/sentences-%s.md)", shareddata.SetFile(set.name), err, shareddata.SetEnv(set.name), set.name)
			}
			checkSentenceRefs(t, path, "../../testdata/sentences-"+set.name+".refs.tsv", set.split)
		})
	}
}

// checkSentenceRefs fails unless the sentences at path are the rows of the
// references file, in order, each in split with the reference's label, page
// and first 16 hex digits of the SHA-256 of its text.
func checkSentenceRefs(t *testing.T, path, refsFile, split string) {
	t.Helper()
	refs := readTSV(t, refsFile)
	rows := readTSV(t, path)
	if len(rows) != len(refs) {
		t.Fatalf("%s has %d rows, the references %d", path, len(rows), len(refs))
	}
	for i, ref := range refs {
		row := rows[i]
		sum := sha256.Sum256([]byte(row["text"]))
		if got := hex.EncodeToString(sum[:8]); got != ref["sha256"] || row["label"] != ref["label"] ||
			row["source"] != ref["source"] || row["split"] != split {
			t.Errorf("%s: row %d is %s %s %s %s; reference %s %s %s %s", ref["id"], i+1,
				row["split"], row["label"], row["source"], got, split, ref["label"], ref["source"], ref["sha256"])
		}
	}
}
