package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// testPolicy is the policy of the sample job ads in testdata/check.
var testPolicy = filepath.Join("..", "testdata", "check", ".leadlex.yaml")

// newTestServer serves the sample policy with opt.Analyzer, or the
// default lexicon when that is nil.
func newTestServer(t testing.TB, opt Options) *Server {
	t.Helper()
	an := opt.Analyzer
	if an == nil {
		lex, err := lexicon.Load()
		if err != nil {
			t.Fatal(err)
		}
		an = pipeline.NewAnalyzer(lex, pipeline.DefaultLabels)
	}
	if opt.Checker == nil {
		p, err := check.Load(testPolicy)
		if err != nil {
			t.Fatal(err)
		}
		if opt.Checker, err = check.New(p, an); err != nil {
			t.Fatal(err)
		}
		opt.Policy = testPolicy
	}
	opt.Analyzer, opt.Version = an, "test"
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do sends one request to the handler and returns the response.
func do(t testing.TB, h http.Handler, method, target, contentType, body string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.Host = "127.0.0.1:8080"
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func readBody(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const ad = "We want a lead who will inspire the team and shape a bold vision. " +
	"You will micromanage, track the budget and enforce compliance."

// TestStatuses sends one request per status code the server answers and
// checks the code, that errors are JSON saying what is wrong, and that
// every response carries the security headers.
func TestStatuses(t *testing.T) {
	s := newTestServer(t, Options{MaxBytes: 256})
	const js = "application/json"
	tests := []struct {
		name, method, target, ctype, body string
		status                            int
		want                              string // in the body
	}{
		{"page", "GET", "/", "", "", 200, `<script src="/app.js"`},
		{"script", "GET", "/app.js", "", "", 200, "use strict"},
		{"style", "GET", "/app.css", "", "", 200, "--lead"},
		{"health", "GET", "/healthz", "", "", 200, `{"status":"ok"}`},
		{"info", "GET", "/api/v1/info", "", "", 200, `"policy":"../testdata/check/.leadlex.yaml"`},
		{"score", "POST", "/api/v1/score", js, `{"text":"Inspire the team."}`, 200, `"label":"leadership"`},
		{"check", "POST", "/api/v1/check", js, `{"text":"Managers micromanage."}`, 200, `"rule":"flag/micromanage"`},
		{"suppressed", "POST", "/api/v1/check", js, `{"text":"<!-- leadlex-disable flag -->\nManagers micromanage.","name":"a.md"}`, 200, `"findings":[]`},
		{"explain", "POST", "/api/v1/explain", js, `{"text":"Inspire the team."}`, 200, `"term":"inspire"`},
		{"charset", "POST", "/api/v1/score", "application/json; charset=utf-8", `{"text":"x"}`, 200, `"status":"ok"`},
		{"unsupported name", "POST", "/api/v1/score", js, `{"text":"x","name":"ad.pdf"}`, 200, `"status":"skipped"`},
		{"name is only a label", "POST", "/api/v1/score", js, `{"text":"Inspire","name":"static/index.html"}`, 200, `"bytes":7,`},
		{"empty text", "POST", "/api/v1/score", js, `{"text":""}`, 200, `"error":"empty file"`},
		{"malformed", "POST", "/api/v1/score", js, `{"text": "a",}`, 400, "malformed JSON at byte"},
		{"cut short", "POST", "/api/v1/score", js, `{"text": "a"`, 400, "ends inside the object"},
		{"empty body", "POST", "/api/v1/check", js, ``, 400, "empty body"},
		{"wrong type", "POST", "/api/v1/score", js, `{"text": 3}`, 400, `field \"text\": want a string, got a JSON number`},
		{"not an object", "POST", "/api/v1/score", js, `["a"]`, 400, "want a JSON object"},
		{"unknown field", "POST", "/api/v1/score", js, `{"txt": "a"}`, 400, `unknown field \"txt\"`},
		{"two objects", "POST", "/api/v1/score", js, `{"text":"a"}{"text":"b"}`, 400, "more after the JSON object"},
		{"text and data", "POST", "/api/v1/score", js, `{"text":"a","data":"YQ=="}`, 400, "not both"},
		{"absolute name", "POST", "/api/v1/score", js, `{"text":"a","name":"/etc/passwd"}`, 400, "want a relative name"},
		{"dotdot name", "POST", "/api/v1/score", js, `{"text":"a","name":"../x.md"}`, 400, "want a relative name"},
		{"records", "POST", "/api/v1/score", js, `{"text":"{\"text\":\"a\"}","name":"a.jsonl"}`, 400, "holds many documents"},
		{"not found", "GET", "/nope", "", "", 404, "no such page"},
		{"GET on the API", "GET", "/api/v1/score", "", "", 405, "use POST"},
		{"POST on a page", "POST", "/nope", js, "{}", 405, "only GET"},
		{"too large", "POST", "/api/v1/score", js, `{"text":"` + strings.Repeat("a", 300) + `"}`, 413, "over the limit of 256 bytes"},
		{"form post", "POST", "/api/v1/score", "text/plain", `{"text":"a"}`, 415, "send application/json"},
		{"no content type", "POST", "/api/v1/score", "", `{"text":"a"}`, 415, "send application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := do(t, s, tt.method, tt.target, tt.ctype, tt.body)
			body := readBody(t, res)
			if res.StatusCode != tt.status {
				t.Errorf("status %d, want %d: %s", res.StatusCode, tt.status, body)
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("body lacks %q:\n%s", tt.want, body)
			}
			if csp := res.Header.Get("Content-Security-Policy"); csp != contentSecurityPolicy {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			if res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no X-Content-Type-Options: nosniff")
			}
			if tt.status >= 400 {
				var e errorAnswer
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Status != tt.status || e.Error == "" {
					t.Errorf("error body %q is not {error, status}: %v", body, err)
				}
			}
			if tt.status == 405 && tt.target == "/api/v1/score" && res.Header.Get("Allow") != "POST" {
				t.Errorf("Allow %q", res.Header.Get("Allow"))
			}
		})
	}
}

// TestCSPHasNoOtherOrigin keeps the policy strict: every fetch directive
// is 'none' or 'self', and no inline script or style is allowed.
func TestCSPHasNoOtherOrigin(t *testing.T) {
	for _, d := range strings.Split(contentSecurityPolicy, ";") {
		f := strings.Fields(d)
		for _, src := range f[1:] {
			if src != "'self'" && src != "'none'" {
				t.Errorf("directive %q allows %s", f[0], src)
			}
		}
	}
	page, _ := static.ReadFile("static/index.html")
	for _, bad := range []string{"<script>", "style=", "onclick", "http://", "https://", "<style"} {
		if strings.Contains(string(page), bad) {
			t.Errorf("the page has %q, which the policy would block or which reaches elsewhere", bad)
		}
	}
	js, _ := static.ReadFile("static/app.js")
	if strings.Contains(string(js), "innerHTML") || strings.Contains(string(js), "http") && strings.Contains(string(js), "://") {
		t.Error("app.js uses innerHTML or names another origin")
	}
}

// TestHostCheck refuses Host headers that are not the loopback interface
// (DNS rebinding) unless AnyHost is set.
func TestHostCheck(t *testing.T) {
	s := newTestServer(t, Options{})
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "LOCALHOST": 200,
		"evil.example:8080": 421, "10.0.0.2": 421,
	} {
		r := httptest.NewRequest("GET", "/healthz", nil)
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, w.Code, want)
		}
	}
	open := newTestServer(t, Options{AnyHost: true})
	r := httptest.NewRequest("GET", "/healthz", nil)
	r.Host = "evil.example"
	w := httptest.NewRecorder()
	open.ServeHTTP(w, r)
	if w.Code != 200 {
		t.Errorf("AnyHost: status %d", w.Code)
	}
}

// TestEscaping sends markup as text: every answer carries it escaped as
// JSON text, never as markup.
func TestEscaping(t *testing.T) {
	s := newTestServer(t, Options{})
	text := `<script>alert(1)</script> inspire & micromanage <img src=x onerror=alert(2)>`
	body, _ := json.Marshal(Request{Text: text})
	for _, target := range []string{"/api/v1/check", "/api/v1/explain"} {
		res := do(t, s, "POST", target, "application/json", string(body))
		got := readBody(t, res)
		if strings.Contains(got, "<script>") || strings.Contains(got, "<img") {
			t.Errorf("%s answers markup unescaped: %s", target, got)
		}
		if ct := res.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: Content-Type %q", target, ct)
		}
	}
}

// TestBusy fills every slot with requests that cannot finish and checks
// that the next one gets 503 with Retry-After, and gets through once a
// slot is free.
func TestBusy(t *testing.T) {
	s := newTestServer(t, Options{MaxInFlight: 2})
	var wg sync.WaitGroup
	release := make(chan struct{})
	for range 2 {
		pr, pw := io.Pipe()
		r := httptest.NewRequest("POST", "/api/v1/score", pr)
		r.Host = "localhost"
		r.Header.Set("Content-Type", "application/json")
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.ServeHTTP(httptest.NewRecorder(), r)
		}()
		go func() {
			pw.Write([]byte(`{"text": "inspire`))
			<-release
			pw.Write([]byte(`"}`))
			pw.Close()
		}()
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(s.slots) < 2 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	res := do(t, s, "POST", "/api/v1/score", "application/json", `{"text":"a"}`)
	if body := readBody(t, res); res.StatusCode != 503 || !strings.Contains(body, "busy") {
		t.Errorf("status %d, want 503: %s", res.StatusCode, body)
	}
	if res.Header.Get("Retry-After") != "1" {
		t.Errorf("Retry-After %q", res.Header.Get("Retry-After"))
	}
	close(release)
	wg.Wait()
	if res := do(t, s, "POST", "/api/v1/score", "application/json", `{"text":"a"}`); res.StatusCode != 200 {
		t.Errorf("after the others finished: status %d", res.StatusCode)
	}
}

// TestAnswers checks what the three API calls say about one ad: the row,
// the findings with places and replacements, and hits whose offsets cut
// out their words.
func TestAnswers(t *testing.T) {
	s := newTestServer(t, Options{})
	body, _ := json.Marshal(Request{Text: ad, Name: "jobs/lead.md"})

	var row map[string]any
	if err := json.Unmarshal([]byte(readBody(t, do(t, s, "POST", "/api/v1/score", "application/json", string(body)))), &row); err != nil {
		t.Fatal(err)
	}
	if row["doc_id"] != "jobs/lead.md" || row["format"] != "md" || row["status"] != "ok" || row["words"].(float64) != 23 {
		t.Errorf("row %v", row)
	}

	var ck checkAnswer
	if err := json.Unmarshal([]byte(readBody(t, do(t, s, "POST", "/api/v1/check", "application/json", string(body)))), &ck); err != nil {
		t.Fatal(err)
	}
	var flag *check.Finding
	for i, f := range ck.Findings {
		if f.Rule == "flag/micromanage" {
			flag = &ck.Findings[i]
		}
	}
	if flag == nil {
		t.Fatalf("no micromanage finding in %+v", ck.Findings)
	}
	if flag.Line != 1 || flag.Column != 76 || flag.EndColumn != 87 || flag.Match != "micromanage" ||
		strings.Join(flag.Replacements, ",") != "coach,support" || flag.File != "jobs/lead.md" {
		t.Errorf("finding %+v", *flag)
	}

	var ex ExplainAnswer
	if err := json.Unmarshal([]byte(readBody(t, do(t, s, "POST", "/api/v1/explain", "application/json", string(body)))), &ex); err != nil {
		t.Fatal(err)
	}
	if ex.Text != ad || len(ex.Hits) < 4 {
		t.Fatalf("explain: text %q, %d hits", ex.Text, len(ex.Hits))
	}
	terms := map[string]string{}
	for _, h := range ex.Hits {
		if got := ad[h.Start:h.End]; got != h.Match {
			t.Errorf("hit %q at %d:%d cuts %q", h.Match, h.Start, h.End, got)
		}
		if h.Column != len([]rune(ad[:h.Start]))+1 {
			t.Errorf("hit %q: column %d", h.Match, h.Column)
		}
		terms[h.Term] = h.Pole + "/" + h.Dimension
	}
	if terms["inspire"] != "leadership/people" || terms["budget"] != "management/alignment" {
		t.Errorf("hits %v", terms)
	}
	var explained map[string]any
	if err := json.Unmarshal(ex.Result, &explained); err != nil || explained["label"] != row["label"] {
		t.Errorf("explain's row %v differs from score's %v (%v)", explained, row, err)
	}
}

// TestDocx reads a Word file sent as base64 data.
func TestDocx(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			`<w:p><w:r><w:t>Inspire the team and shape the vision.</w:t></w:r></w:p></w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Options{})
	body, _ := json.Marshal(Request{Data: buf.Bytes(), Name: "ad.docx"})
	var ex ExplainAnswer
	if err := json.Unmarshal([]byte(readBody(t, do(t, s, "POST", "/api/v1/explain", "application/json", string(body)))), &ex); err != nil {
		t.Fatal(err)
	}
	if ex.Text != "Inspire the team and shape the vision." || len(ex.Hits) != 3 || !strings.Contains(string(ex.Result), `"format":"docx"`) {
		t.Errorf("docx: %+v", ex)
	}
}

// TestListen refuses a non-loopback address without allowRemote, and
// warns with it.
func TestListen(t *testing.T) {
	if _, _, err := Listen("0.0.0.0:0", false); err == nil || !strings.Contains(err.Error(), "--allow-remote") {
		t.Errorf("0.0.0.0 without --allow-remote: %v", err)
	}
	if _, _, err := Listen(":0", false); err == nil {
		t.Error(":0 (every interface) was opened without --allow-remote")
	}
	ln, warning, err := Listen("0.0.0.0:0", true)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if !strings.Contains(warning, "other machines") {
		t.Errorf("warning %q", warning)
	}
	ln, warning, err = Listen("127.0.0.1:0", false)
	if err != nil || warning != "" {
		t.Fatalf("loopback: %v, warning %q", err, warning)
	}
	ln.Close()
}

// TestGracefulShutdown cancels Serve while a request is in flight: the
// request finishes with 200 and Serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	s := newTestServer(t, Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, s) }()

	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", "http://"+ln.Addr().String()+"/api/v1/score", pr)
	req.Header.Set("Content-Type", "application/json")
	answered := make(chan *http.Response, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
		}
		answered <- res
	}()
	pw.Write([]byte(`{"text": "inspire the team`))
	deadline := time.Now().Add(10 * time.Second)
	for len(s.slots) == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	cancel() // as SIGINT does
	time.Sleep(50 * time.Millisecond)
	pw.Write([]byte(`"}`))
	pw.Close()
	res := <-answered
	if res == nil || res.StatusCode != 200 {
		t.Fatalf("in-flight request: %v", res)
	}
	if body := readBody(t, res); !strings.Contains(body, `"label":"leadership"`) {
		t.Errorf("in-flight answer %s", body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve returned %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("still answering after shutdown")
	}
}

// TestCheckAsCheck sends every sample job ad under testdata/check with
// its path relative to the policy's folder: the findings are those
// `leadlex check testdata/check` reports for it (overrides applied, the
// excluded draft skipped), but for the file name.
func TestCheckAsCheck(t *testing.T) {
	s := newTestServer(t, Options{})
	root := filepath.Dir(testPolicy)
	ck := s.opt.Checker
	docs, err := ck.Run(context.Background(), corpus.Walk(context.Background(), []string{root}, corpus.Options{StreamAbove: -1, Positions: true}), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]check.Finding{}
	for _, d := range docs {
		want[d.ID] = d.Findings
	}
	files, _ := filepath.Glob(filepath.Join(root, "jobs", "*", "*"))
	checked := 0
	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := json.Marshal(Request{Data: data, Name: rel})
		var got checkAnswer
		if err := json.Unmarshal([]byte(readBody(t, do(t, s, "POST", "/api/v1/check", "application/json", string(body)))), &got); err != nil {
			t.Fatal(err)
		}
		w, checkedByCheck := want[rel]
		if !checkedByCheck {
			if got.Status != "skipped" || !strings.Contains(got.Error, "excluded") {
				t.Errorf("%s: check passes it over; the server answers %+v", rel, got)
			}
			continue
		}
		checked++
		if len(got.Findings) != len(w) {
			t.Errorf("%s: %d findings, check has %d", rel, len(got.Findings), len(w))
			continue
		}
		for i := range w {
			g := got.Findings[i]
			if g.File != rel {
				t.Errorf("%s: finding names file %q", rel, g.File)
			}
			g.File = w[i].File
			if !reflect.DeepEqual(g, w[i]) {
				t.Errorf("%s: finding\n%+v\ncheck has\n%+v", rel, g, w[i])
			}
		}
	}
	if checked < 4 {
		t.Errorf("compared %d files", checked)
	}
}
