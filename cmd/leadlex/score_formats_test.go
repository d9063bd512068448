package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScoreInputFormats scores a folder with one file of each format, with the
// record and encoding flags, and checks the rows the CLI writes.
func TestScoreInputFormats(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"post.html": "<html><head><script>budget()</script></head><body><h1>Lead</h1><p>Inspire the team and shape the vision.</p></body></html>",
		"notes.md":  "# Notes\n\nWe coach people.\n\n```\nbudget := 1\n```\n",
		"posts.jsonl": `{"uid": "p1", "body": "Set a bold vision."}` + "\n" + `{"uid": "p2", "body": broken}` + "\n" +
			`{"uid": "p3", "body": "Control the budget."}` + "\n",
		"jobs.csv":  "key,description\nj1,\"Plan, budget and control.\"\nj2,\"bad \"quote\"\"\n",
		"old.txt":   "Caf\xe9 talk about the vision.",
		"app.log":   "A log line about planning.",
		"scan.tiff": "II*\x00",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "r.parquet")
	code, _, stderr := leadlex(t, "score", dir, "-o", out, "-q",
		"--text-field", "body", "--id-field", "uid", "--text-column", "description", "--id-column", "key",
		"--encoding", "utf-8,latin1", "--ext", ".log")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, _ := readParquet(t, out)
	type got struct{ id, format, status, err string }
	var have []got
	for _, r := range rows {
		have = append(have, got{r.DocID, r.Format, r.Status, deref(r.Error)})
	}
	want := []got{
		{"app.log", "txt", "ok", "<nil>"},
		{"jobs.csv#j1", "csv", "ok", "<nil>"},
		{"jobs.csv#2", "csv", "error", `line 3, column 9: extraneous or missing " in quoted-field`},
		{"notes.md", "md", "ok", "<nil>"},
		{"old.txt", "txt", "ok", "<nil>"},
		{"post.html", "html", "ok", "<nil>"},
		{"posts.jsonl#p1", "jsonl", "ok", "<nil>"},
		{"posts.jsonl#2", "jsonl", "error", "invalid JSON: invalid character 'b' looking for beginning of value"},
		{"posts.jsonl#p3", "jsonl", "ok", "<nil>"},
		{"scan.tiff", "tiff", "skipped", `unsupported file type ".tiff"; supported: .csv, .docx, .htm, .html, .jsonl, .log, .markdown, .md, .ndjson, .text, .tsv, .txt, .xhtml; --ext reads others as text`},
	}
	if len(have) != len(want) {
		t.Fatalf("rows:\n%v\nwant\n%v", have, want)
	}
	for i := range want {
		if have[i] != want[i] {
			t.Errorf("row %d: %+v\n      want %+v", i, have[i], want[i])
		}
	}
	byID := map[string]int{}
	for i, r := range rows {
		byID[r.DocID] = i
	}
	// The script's and the code block's words are not scored.
	if r := rows[byID["post.html"]]; r.ManagementHits != 0 || r.LeadershipHits == 0 {
		t.Errorf("post.html: L %v M %v", r.LeadershipHits, r.ManagementHits)
	}
	if r := rows[byID["notes.md"]]; r.Words != 4 {
		t.Errorf("notes.md: %d words, want 4 (Notes We coach people)", r.Words)
	}
}

func TestScoreReadFlagErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.parquet")
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"--encoding", "klingon"}, `--encoding "klingon": unknown encoding`},
		{[]string{"--encoding", "latin1,utf-8"}, "the first must be utf-8"},
		{[]string{"--ext", ".x=pdf"}, `unknown format "pdf"`},
	}
	for _, tc := range tests {
		code, _, stderr := leadlex(t, append([]string{"score", corpusDir, "-o", out}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written despite usage errors: %v", err)
	}
}

// TestScoreBadFiles scores testdata/bad: one row per file, none ok, and
// --fail-on-error turns the error rows into exit 1.
func TestScoreBadFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.parquet")
	code, _, stderr := leadlex(t, "score", "../../testdata/bad", "-o", out, "-q", "--max-bytes", "4KB", "--fail-on-error")
	if code != 1 || !strings.Contains(stderr, "4 documents have status error (--fail-on-error)") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, _ := readParquet(t, out)
	entries, _ := os.ReadDir("../../testdata/bad")
	if len(rows) != len(entries) {
		t.Errorf("%d rows for %d files", len(rows), len(entries))
	}
	for i, r := range rows {
		name := strings.TrimSuffix(r.DocID, "#1")
		if i < len(entries) && name != entries[i].Name() || r.Status == "ok" || r.Error == nil {
			t.Errorf("row %d: %s %s %v", i, r.DocID, r.Status, deref(r.Error))
		}
	}
}

// TestScoreReadOnlyFolder cannot write its output: exit 2 and a message.
func TestScoreReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, who can write into a read-only folder; TestWriteErrorExits2 covers write errors")
	}
	ro := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := leadlex(t, "score", corpusDir, "-o", filepath.Join(ro, "r.parquet"), "-q")
	if code != 2 || !strings.Contains(stderr, "permission denied") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if left, _ := os.ReadDir(ro); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
