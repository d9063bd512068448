package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

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

// TestServeProcess starts `leadlex serve` as a process: it refuses a
// non-loopback address without --allow-remote (exit 2), answers on a
// loopback one, and exits 0 on SIGTERM.
func TestServeProcess(t *testing.T) {
	bin := buildLeadlex(t)
	out, err := exec.Command(bin, "serve", "--addr", "0.0.0.0:0").CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "--allow-remote") {
		t.Errorf("0.0.0.0 without --allow-remote: %v: %s", err, out)
	}

	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = t.TempDir() // no policy above it
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(stderr)
	var addr string
	for sc.Scan() {
		if m := regexp.MustCompile(`serving on (http://\S+/)`).FindStringSubmatch(sc.Text()); m != nil {
			addr = m[1]
			break
		}
	}
	go io.Copy(io.Discard, stderr)
	if addr == "" {
		t.Fatal("serve did not say where it listens")
	}
	res, err := http.Post(addr+"api/v1/score", "application/json", strings.NewReader(`{"text":"Inspire the team."}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Contains(body, []byte(`"label":"leadership"`)) {
		t.Errorf("score: %d %s", res.StatusCode, body)
	}
	must(t, cmd.Process.Signal(syscall.SIGTERM))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGTERM: %v (want exit 0)", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
}

// TestLSPProcess runs `leadlex lsp` as an editor would: initialize,
// shutdown and exit over its standard input give exit status 0.
func TestLSPProcess(t *testing.T) {
	bin := buildLeadlex(t)
	var in bytes.Buffer
	for _, m := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
		`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	} {
		fmt.Fprintf(&in, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	cmd := exec.Command(bin, "lsp")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("lsp: %v", err)
	}
	if !bytes.Contains(out, []byte(`"hoverProvider":true`)) || !bytes.Contains(out, []byte(`"id":2,"result":null`)) {
		t.Errorf("lsp answered %s", out)
	}
}
