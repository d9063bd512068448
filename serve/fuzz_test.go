package serve

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzAPI posts arbitrary bodies: every answer is 200, 400 or 413 with a
// JSON body, never a panic or a 500.
func FuzzAPI(f *testing.F) {
	for _, seed := range []string{
		`{"text":"Inspire the team; micromanage the budget.","name":"a.md"}`,
		`{"text":"<p>Inspire <b>x</b></p>","name":"jobs/a.html"}`,
		`{"data":"UEsDBAoAAAAAAA==","name":"a.docx"}`,
		`{"text":"{\"text\":\"a\"}","name":"a.jsonl"}`,
		`{"text":"\u0000\ufeff","name":"a\u0000.md"}`,
		`{"text":1}`, `[]`, `{`, ``, `null`,
	} {
		f.Add(seed)
	}
	s := newTestServer(f, Options{MaxBytes: 1 << 14})
	f.Fuzz(func(t *testing.T, body string) {
		for _, target := range []string{"/api/v1/explain", "/api/v1/check", "/api/v1/score"} {
			r := httptest.NewRequest("POST", target, strings.NewReader(body))
			r.Host = "127.0.0.1"
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			if w.Code != 200 && w.Code != 400 && w.Code != 413 {
				t.Fatalf("%s: status %d: %s", target, w.Code, w.Body)
			}
			if !json.Valid(w.Body.Bytes()) {
				t.Fatalf("%s: the answer is not JSON: %q", target, w.Body)
			}
		}
	})
}
