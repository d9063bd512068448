package main

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/leadlex/leadlex/internal/shareddata"
)

// gatheredSet is the file of gathered sentences (testdata/
// sentences-gathered.md), found as shareddata.Gathered says.
func gatheredSet() string { return shareddata.Gathered(".") }

// labeledSetPath resolves a published set kept outside the repository.
func labeledSetPath(file string) string {
	switch file {
	case "sentences-gathered.tsv":
		return gatheredSet()
	case "sentences-fresh.tsv":
		return shareddata.Fresh(".")
	case "sentences-fresh2.tsv":
		return shareddata.Fresh2(".")
	case "sentences-fresh3.tsv":
		return shareddata.Fresh3(".")
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

// TestGatheredSentencesMatchRefs checks the gathered sentences, kept outside
// the repository, against the references kept in it: same rows in the same
// order, each with its label, its page and the hash of its masked text.
func TestGatheredSentencesMatchRefs(t *testing.T) {
	path := gatheredSet()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("gathered sentences not found (%v): set LEADLEX_GATHERED to the file (see testdata/sentences-gathered.md)", err)
	}
	checkSentenceRefs(t, path, "../../testdata/sentences-gathered.refs.tsv", "dev")
}

// TestFreshSentencesMatchRefs checks the fresh held-out sentences (testdata/
// sentences-fresh.md), kept outside the repository, against their
// references the same way. It only compares rows; it never scores them, so
// the held-out figure stays a first look.
func TestFreshSentencesMatchRefs(t *testing.T) {
	path := shareddata.Fresh(".")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("fresh held-out sentences not found (%v): set LEADLEX_FRESH to the file (see testdata/sentences-fresh.md)", err)
	}
	checkSentenceRefs(t, path, "../../testdata/sentences-fresh.refs.tsv", "heldout")
}

// TestFresh2SentencesMatchRefs checks the second fresh held-out sentences
// (testdata/sentences-fresh2.md), kept outside the repository, against
// their references the same way. Like the first set's test it only
// compares rows and never scores them.
func TestFresh2SentencesMatchRefs(t *testing.T) {
	path := shareddata.Fresh2(".")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("second fresh held-out sentences not found (%v): set LEADLEX_FRESH2 to the file (see testdata/sentences-fresh2.md)", err)
	}
	checkSentenceRefs(t, path, "../../testdata/sentences-fresh2.refs.tsv", "heldout")
}

// TestFresh3SentencesMatchRefs checks the third fresh held-out sentences
// (testdata/sentences-fresh3.md), kept outside the repository, against
// their references the same way. Like the other fresh sets' tests it only
// compares rows and never scores them, so its first measurement stays clean.
func TestFresh3SentencesMatchRefs(t *testing.T) {
	path := shareddata.Fresh3(".")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("third fresh held-out sentences not found (%v): set LEADLEX_FRESH3 to the file (see testdata/sentences-fresh3.md)", err)
	}
	checkSentenceRefs(t, path, "../../testdata/sentences-fresh3.refs.tsv", "heldout")
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
