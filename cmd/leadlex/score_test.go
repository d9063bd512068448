package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/leadlex/leadlex/internal/pqtest"
	"github.com/leadlex/leadlex/results"
)

const corpusDir = "../../testdata/corpus"

// leadlex runs the command line in-process and returns its exit code and output.
func leadlex(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func readParquet(t *testing.T, path string) ([]results.Result, *parquet.File) {
	t.Helper()
	return pqtest.ReadRows[results.Result](t, path)
}

func readSentences(t *testing.T, path string) ([]results.SentenceRow, *parquet.File) {
	t.Helper()
	return pqtest.ReadRows[results.SentenceRow](t, path)
}

// inputFiles lists the files under dir that are not hidden, as doc IDs.
func inputFiles(t *testing.T, dir string) []string {
	t.Helper()
	var ids []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			ids = append(ids, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestScoreWritesContract(t *testing.T) {
	out := filepath.Join(t.TempDir(), "results.parquet")
	code, stdout, stderr := leadlex(t, "score", corpusDir, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, pf := readParquet(t, out)

	// One row per input file, bad files included, in sorted order.
	files := inputFiles(t, corpusDir)
	if len(rows) != len(files) {
		t.Fatalf("%d rows for %d input files", len(rows), len(files))
	}
	byID := map[string]results.Result{}
	for i, r := range rows {
		if r.DocID != files[i] {
			t.Errorf("row %d is %s, want %s", i, r.DocID, files[i])
		}
		byID[r.DocID] = r
	}
	bad := map[string][2]string{
		"bad/empty.txt":     {"skipped", "empty file"},
		"bad/binary.txt":    {"skipped", "binary file (NUL byte at offset"},
		"bad/latin1.txt":    {"error", "not valid UTF-8: byte 0xE9"},
		"bad/whitespace.md": {"skipped", "no text (only white space)"},
		"bad/notes.pdf":     {"skipped", `unsupported file type ".pdf"`},
	}
	for id, want := range bad {
		r := byID[id]
		if r.Status != want[0] || r.Error == nil || !strings.HasPrefix(*r.Error, want[1]) {
			t.Errorf("%s: status %q error %v, want %q %q", id, r.Status, deref(r.Error), want[0], want[1])
		}
		if r.Label != "" || r.Balance != nil || len(r.Dimensions) != 0 {
			t.Errorf("%s: a row without text has scores: %+v", id, r)
		}
	}
	lex, _ := loadLexicon(nil)
	for _, r := range rows {
		if _, isBad := bad[r.DocID]; isBad {
			continue
		}
		if r.Status != "ok" || r.Error != nil || r.Words == 0 || r.Sentences == 0 || r.Bytes == 0 ||
			r.Path != filepath.Join(corpusDir, filepath.FromSlash(r.DocID)) || (r.Format != "txt" && r.Format != "md") {
			t.Errorf("%s: %+v", r.DocID, r)
		}
		if len(r.Dimensions) != len(lex.Dimensions) {
			t.Errorf("%s: %d dimensions, want %d", r.DocID, len(r.Dimensions), len(lex.Dimensions))
		}
	}

	// Every contract column with its type.
	want := map[string]string{
		"doc_id": "binary/STRING", "path": "binary/STRING", "format": "binary/STRING", "bytes": "int64",
		"words": "int32", "sentences": "int32", "leadership_hits": "double", "management_hits": "double",
		"leadership_per_1k": "double", "management_per_1k": "double", "balance": "optional double",
		"label": "binary/STRING", "confidence": "double", "status": "binary/STRING", "error": "optional binary/STRING",
		"negated_hits":          "double",
		"dimensions":            "list<name binary/STRING, leadership double, management double>",
		"top_terms":             "list<term binary/STRING, pole binary/STRING, dimension binary/STRING, count int32>",
		"scored_words":          "int32",
		"excluded":              "list<kind binary/STRING, words int32>",
		"leadership_percentile": "optional double",
		"balance_percentile":    "optional double",
	}
	got := map[string]string{}
	for _, f := range pf.Schema().Fields() {
		got[f.Name()] = describeField(f)
	}
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("column %s: %q, want %q", name, got[name], typ)
		}
	}
	if len(got) != len(want) {
		t.Errorf("columns %v, want %v", got, want)
	}
	if v, _ := pf.Lookup(results.MetaLexiconHash); v != lex.Hash {
		t.Errorf("lexicon hash in metadata %q, want %q", v, lex.Hash)
	}
	if v, _ := pf.Lookup(results.MetaCommand); !strings.HasPrefix(v, "leadlex score --output=") {
		t.Errorf("command in metadata %q", v)
	}

	// The summary: one line on stderr, labels and terms on stdout.
	if !strings.Contains(stderr, " documents: ") || !strings.Contains(stderr, "1 error in ") {
		t.Errorf("stderr %q", stderr)
	}
	if !strings.Contains(stdout, "label") || !strings.Contains(stdout, "top leadership terms") {
		t.Errorf("stdout %q", stdout)
	}
}

// describeField renders a Parquet column type compactly.
func describeField(f parquet.Field) string {
	if lt := f.Type().LogicalType(); lt != nil && lt.String() == "LIST" {
		elem := f.Fields()[0].Fields()[0]
		var parts []string
		for _, c := range elem.Fields() {
			parts = append(parts, c.Name()+" "+describeField(c))
		}
		return "list<" + strings.Join(parts, ", ") + ">"
	}
	s := strings.ToLower(f.Type().Kind().String())
	switch s {
	case "byte_array":
		s = "binary"
	case "int32", "int64", "double":
	}
	if lt := f.Type().LogicalType(); lt != nil && lt.String() == "STRING" {
		s += "/STRING"
	}
	if f.Optional() {
		s = "optional " + s
	}
	return s
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestScoreSameBytesForAnyWorkers(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	dir := t.TempDir()
	for _, w := range []string{"1", "4"} {
		out := filepath.Join(dir, "w"+w+".parquet")
		if code, _, stderr := leadlex(t, "score", corpusDir, "-o", out, "--workers", w, "-q"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	// The output path is part of the recorded command line, so compare rows and
	// metadata apart from it, then the bytes of two runs to the same path.
	r1, _ := readParquet(t, filepath.Join(dir, "w1.parquet"))
	r4, _ := readParquet(t, filepath.Join(dir, "w4.parquet"))
	if len(r1) == 0 || !reflect.DeepEqual(r1, r4) {
		t.Errorf("rows differ between --workers 1 and --workers 4")
	}
	same := filepath.Join(dir, "same.parquet")
	var runs [][]byte
	for _, w := range []string{"1", "4"} {
		if code, _, stderr := leadlex(t, "score", corpusDir, "-o", same, "-j", w, "-q"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		b, _ := os.ReadFile(same)
		runs = append(runs, b)
	}
	if !bytes.Equal(runs[0], runs[1]) {
		t.Error("--workers 1 and --workers 4 wrote different bytes to the same path")
	}
}

func TestScoreExitCodes(t *testing.T) {
	dir := t.TempDir()
	badLex := filepath.Join(dir, "bad.yaml")
	os.WriteFile(badLex, []byte("name: x\ndimensions:\n  - name: v\n    entries:\n      leadership:\n        - {term: a}\n"), 0o644)
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no path", []string{"score"}, 2, "no PATH given"},
		{"unknown flag", []string{"score", corpusDir, "--nope"}, 2, "unknown flag: --nope"},
		{"bad workers", []string{"score", corpusDir, "--workers", "-1"}, 2, "--workers must be 0"},
		{"bad margin", []string{"score", corpusDir, "--margin", "2"}, 2, "--margin must be in [0, 1)"},
		{"bad size", []string{"score", corpusDir, "--max-bytes", "lots"}, 2, `size "lots"`},
		{"broken lexicon", []string{"score", corpusDir, "--lexicon", badLex}, 2, "bad.yaml:6:11: entry \"a\": missing required field source"},
		{"output is a folder", []string{"score", corpusDir, "-o", folder}, 2, "is a folder"},
		{"fail on error", []string{"score", corpusDir, "-o", filepath.Join(dir, "r.parquet"), "--fail-on-error", "-q"}, 1, "1 documents have status error"},
		{"unknown command", []string{"scroe"}, 2, "unknown command"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := leadlex(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.stderr)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := leadlex(t, "version")
	if code != 0 || !strings.HasPrefix(stdout, "leadlex ") || !strings.Contains(stdout, "lexicon ") {
		t.Errorf("exit %d: %q", code, stdout)
	}
	// --version and -v print the same as the version command.
	for _, flag := range []string{"--version", "-v"} {
		c, out, stderr := leadlex(t, flag)
		if c != 0 || out != stdout {
			t.Errorf("%s: exit %d, stdout %q (stderr %q); want %q", flag, c, out, stderr, stdout)
		}
	}
}

func TestCommandLineLeavesOutRunFlags(t *testing.T) {
	cmd := command("score", nil, &scoreOptions{})
	if err := cmd.ParseFlags([]string{"-j", "4", "-q", "--lexicon", "b.yaml", "--lexicon", "a.yaml", "-o", "x.parquet"}); err != nil {
		t.Fatal(err)
	}
	got := commandLine(cmd, []string{"corpus"})
	want := "score --lexicon=b.yaml --lexicon=a.yaml --output=x.parquet corpus"
	if got != want {
		t.Errorf("commandLine = %q, want %q", got, want)
	}
}

// TestScoreExpectedLabels checks every clear case of the bundled corpus
// gets its expected label with the default lexicon.
func TestScoreExpectedLabels(t *testing.T) {
	out := filepath.Join(t.TempDir(), "results.parquet")
	if code, _, stderr := leadlex(t, "score", corpusDir, "-o", out, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, _ := readParquet(t, out)
	byID := map[string]results.Result{}
	for _, r := range rows {
		byID[r.DocID] = r
	}
	data, err := os.ReadFile("../../testdata/expected_labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) != 2 {
			continue
		}
		n++
		r, ok := byID[f[0]]
		if !ok {
			t.Errorf("%s: no row", f[0])
			continue
		}
		if r.Label != f[1] {
			t.Errorf("%s: label %s (L %.2f, M %.2f, top %v), want %s", f[0], r.Label, r.LeadershipHits, r.ManagementHits, r.TopTerms, f[1])
		}
	}
	if n < 16 {
		t.Errorf("only %d expected labels", n)
	}
}

// TestScoreSentences checks the sentences file against the results file:
// every scored document's hits equal the sum of its sentence rows', rows
// come in document order with offsets that point into the file, and both
// files carry the same metadata.
func TestScoreSentences(t *testing.T) {
	dir := t.TempDir()
	out, sout := filepath.Join(dir, "results.parquet"), filepath.Join(dir, "sentences.parquet")
	code, _, stderr := leadlex(t, "score", corpusDir, "-o", out, "--sentences", sout, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, rpf := readParquet(t, out)
	sents, spf := readSentences(t, sout)
	if !strings.Contains(stderr, " sentences to "+sout) {
		t.Errorf("stderr %q", stderr)
	}
	at, checked := 0, 0
	for _, r := range rows {
		if r.Status != results.StatusOK {
			continue
		}
		n := int(r.Sentences)
		if at+n > len(sents) {
			t.Fatalf("%s: %d sentences, only %d rows left", r.DocID, n, len(sents)-at)
		}
		rows := sents[at : at+n]
		at += n
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		var lead, mgmt float64
		for i, s := range rows {
			if s.DocID != r.DocID || s.SentenceIndex != int32(i) {
				t.Fatalf("%s: row %d is %s #%d", r.DocID, i, s.DocID, s.SentenceIndex)
			}
			// Offsets index the scored text: the file's bytes for .txt,
			// the extracted prose for formats with markup.
			if r.Format == "txt" {
				if got := string(data[s.ByteStart:s.ByteEnd]); got != s.Text {
					t.Errorf("%s #%d: text %q, file has %q", r.DocID, i, s.Text, got)
				}
			}
			lead += s.LeadershipHits
			mgmt += s.ManagementHits
		}
		if math.Abs(lead-r.LeadershipHits) > 1e-9 || math.Abs(mgmt-r.ManagementHits) > 1e-9 {
			t.Errorf("%s: sentences sum to L %v M %v, document has L %v M %v", r.DocID, lead, mgmt, r.LeadershipHits, r.ManagementHits)
		}
		if r.LeadershipHits+r.ManagementHits > 0 {
			checked++
		}
	}
	if at != len(sents) || checked < 20 {
		t.Errorf("%d sentence rows, %d accounted for; %d documents with hits checked", len(sents), at, checked)
	}
	for _, kv := range rpf.Metadata().KeyValueMetadata {
		if v, _ := spf.Lookup(kv.Key); v != kv.Value {
			t.Errorf("sentences metadata %s = %q, results have %q", kv.Key, v, kv.Value)
		}
	}
}

// TestScoreOutputFormats checks that JSONL and CSV carry the same rows as Parquet.
func TestScoreOutputFormats(t *testing.T) {
	dir := t.TempDir()
	pq := filepath.Join(dir, "r.parquet")
	if code, _, stderr := leadlex(t, "score", corpusDir, "-o", pq, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want, _ := readParquet(t, pq)
	for i := range want { // Parquet has no nil lists; JSON writes []
		if want[i].Dimensions == nil {
			want[i].Dimensions = []results.DimensionScore{}
		}
		if want[i].TopTerms == nil {
			want[i].TopTerms = []results.TermCount{}
		}
	}

	jl := filepath.Join(dir, "r.jsonl")
	if code, _, stderr := leadlex(t, "score", corpusDir, "-o", jl, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(jl)
	var got []results.Result
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var r results.Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSONL rows differ from Parquet rows")
	}

	// CSV on stdout: a header, one record per row, nested columns as JSON.
	code, stdout, stderr := leadlex(t, "score", corpusDir, "-o", "-", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatalf("stdout is not CSV (%v): %q", err, stdout)
	}
	if len(recs) != len(want)+1 || recs[0][0] != "doc_id" || recs[0][14] != "dimensions" {
		t.Fatalf("%d records, header %v", len(recs), recs[0])
	}
	for i, r := range want {
		rec := recs[i+1]
		var dims []results.DimensionScore
		if err := json.Unmarshal([]byte(rec[14]), &dims); err != nil || !reflect.DeepEqual(dims, r.Dimensions) {
			t.Errorf("%s: dimensions %q (%v)", r.DocID, rec[14], err)
		}
		if rec[0] != r.DocID || rec[12] != r.Label || (r.Balance == nil) != (rec[11] == "") {
			t.Errorf("record %v for %+v", rec[:13], r)
		}
	}
	if !strings.Contains(stderr, "; wrote -") {
		t.Errorf("stderr %q", stderr)
	}

	// Sentences as JSONL on stdout while the results go to a CSV file.
	code, stdout, stderr = leadlex(t, "score", corpusDir+"/memos", "-o", filepath.Join(dir, "m.csv"), "--sentences", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	var s results.SentenceRow
	if err := json.Unmarshal([]byte(lines[0]), &s); err != nil || s.DocID != "founder_next_chapter.md" || s.Text == "" {
		t.Errorf("first sentence line %q: %+v %v", lines[0], s, err)
	}
	if csvData, _ := os.ReadFile(filepath.Join(dir, "m.csv")); !strings.HasPrefix(string(csvData), "doc_id,path,format,") {
		t.Errorf("m.csv starts %q", csvData[:min(len(csvData), 40)])
	}
}

func TestScoreFormatErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"--format", "xlsx"}, `--format: unknown format "xlsx"`},
		{[]string{"-o", "-", "--sentences", "-"}, "cannot both be -"},
		{[]string{"-o", "-", "--format", "parquet"}, "parquet cannot be written to stdout"},
		{[]string{"-o", filepath.Join(dir, "r.parquet"), "--sentences", dir}, "is a folder"},
	}
	for _, tc := range tests {
		code, _, stderr := leadlex(t, append([]string{"score", corpusDir, "-q"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed run left %v", entries)
	}
}
