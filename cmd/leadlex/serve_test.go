package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/serve"
)

// TestServeScoreEqualsScore scores the bundled corpus with `leadlex score
// --format jsonl` in-process and sends every file to POST /api/v1/score
// under its doc_id (and an HTML page written here): each answer is byte for byte the file's line.
func TestServeScoreEqualsScore(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(corpusDir)); err != nil {
		t.Fatal(err)
	}
	page := "<!doctype html><html><head><title>Lead</title><script>var x = 1;</script></head>" +
		"<body><h1>Team lead</h1><p>Inspire the team &amp; shape a <b>bold</b> vision.</p>" +
		"<ul><li>Track the budget</li><li>Enforce the process</li></ul></body></html>"
	if err := os.WriteFile(filepath.Join(root, "lead.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "rows.jsonl")
	t.Chdir(root)
	if code, _, stderr := leadlex(t, "score", ".", "--format", "jsonl", "-o", out, "--quiet"); code != 0 {
		t.Fatalf("score: exit %d: %s", code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := serve.New(serve.Options{Analyzer: pipeline.NewAnalyzer(lex, pipeline.DefaultLabels), MaxBytes: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	compared := map[string]int{}
	for sc.Scan() {
		line := sc.Text()
		var row struct {
			DocID  string `json:"doc_id"`
			Format string `json:"format"`
		}
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(row.DocID, "#") { // a record of a .jsonl or .csv file: the API takes one document
			continue
		}
		data, err := os.ReadFile(row.DocID)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := json.Marshal(serve.Request{Data: data, Name: row.DocID})
		r := httptest.NewRequest("POST", "/api/v1/score", bytes.NewReader(body))
		r.Host = "127.0.0.1"
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Errorf("%s: status %d: %s", row.DocID, w.Code, w.Body)
			continue
		}
		if got := w.Body.String(); got != line+"\n" {
			t.Errorf("%s: the API answers\n%s\nscore wrote\n%s", row.DocID, got, line)
		}
		compared[row.Format]++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("compared rows by format: %v", compared)
	if compared["md"] == 0 || compared["txt"] == 0 || compared["html"] == 0 {
		t.Errorf("compared too few kinds of file: %v", compared)
	}
}
