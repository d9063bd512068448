package lsp

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkKeystroke measures the server re-checking a 5 KB ad
// (testdata/ads/team-lead.md, under a policy with flags and thresholds)
// after one keystroke: each operation is one didChange that types or
// deletes one character, handled in full — the edit applied, the text
// checked, the diagnostics written. It reports p50 and p99 latency.
func BenchmarkKeystroke(b *testing.B) {
	ad, err := os.ReadFile(filepath.Join("..", "testdata", "ads", "team-lead.md"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	pol := policy + "min_words: 40\nthresholds:\n  balance: {min: -0.2}\n  management_per_1k: {max: 40, severity: warning}\n" +
		"require:\n  - id: direction\n    any_of: [vision, people]\n    pole: leadership\n    min_hits: 1\n"
	if err := os.WriteFile(filepath.Join(dir, ".leadlex.yaml"), []byte(pol), 0o644); err != nil {
		b.Fatal(err)
	}
	s := New(Options{})
	s.out = &frameWriter{w: io.Discard}
	frame := func(method string, params any) []byte {
		p, _ := json.Marshal(params)
		m, _ := json.Marshal(message{JSONRPC: "2.0", Method: method, Params: p})
		return m
	}
	uri := fileURI(filepath.Join(dir, "jobs", "team-lead.md"))
	handle := func(body []byte) {
		if _, err := s.handle(body); err != nil {
			b.Fatal(err)
		}
	}
	handle([]byte(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`))
	handle(frame("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: uri, LanguageID: "markdown", Version: 1, Text: string(ad)}}))
	if n := len(s.docs[uri].findings); n == 0 {
		b.Fatal("the ad raises no finding; the benchmark would not check much")
	}
	// Type "x" into the middle of the ad, then delete it.
	at := newLineIndex(string(ad)).position(strings.Index(string(ad), "micromanage"))
	typeX := frame("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: at, End: at}, Text: "x"}}})
	end := at
	end.Character++
	deleteX := frame("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: at, End: end}, Text: ""}}})

	times := make([]time.Duration, 0, b.N)
	b.SetBytes(int64(len(ad)))
	b.ResetTimer()
	for i := range b.N {
		body := typeX
		if i%2 == 1 {
			body = deleteX
		}
		t0 := time.Now()
		handle(body)
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}
