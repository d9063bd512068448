package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/explain"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// client is a scripted editor: it writes frames to the server and reads
// what the server sends back.
type client struct {
	t    testing.TB
	in   *io.PipeWriter // the server's input
	msgs chan message   // what the server wrote, in order
	done chan int       // the server's exit code
	next int
}

// start runs a server on pipes.
func start(t testing.TB) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, in: inW, msgs: make(chan message, 100), done: make(chan int, 1)}
	srv := New(Options{Version: "test", Log: io.Discard})
	go func() {
		code, err := srv.Run(inR, outW)
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		outW.Close()
		c.done <- code
	}()
	go func() {
		fr := &frameReader{r: bufio.NewReader(outR), max: 1 << 30}
		for {
			body, err := fr.read()
			if err != nil {
				close(c.msgs)
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("the server wrote a frame that is not JSON: %q", body)
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() { inW.Close() })
	return c
}

// raw sends bytes as they are.
func (c *client) raw(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, s); err != nil {
		c.t.Fatal(err)
	}
}

// send frames one message.
func (c *client) send(m map[string]any) {
	c.t.Helper()
	m["jsonrpc"] = "2.0"
	b, _ := json.Marshal(m)
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(b), b))
}

// request sends a request and returns its id.
func (c *client) request(method string, params any) int {
	c.t.Helper()
	c.next++
	c.send(map[string]any{"id": c.next, "method": method, "params": params})
	return c.next
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"method": method, "params": params})
}

// receive returns the next message the server sent.
func (c *client) receive() message {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed its output")
		}
		return m
	case <-time.After(20 * time.Second):
		c.t.Fatal("no message from the server")
	}
	return message{}
}

// answer returns the response to request id, decoding its result into v.
func (c *client) answer(id int, v any) *rpcError {
	c.t.Helper()
	m := c.receive()
	if string(m.ID) != fmt.Sprint(id) {
		c.t.Fatalf("want the answer to %d, got %+v", id, m)
	}
	if m.Error != nil {
		return m.Error
	}
	if v != nil {
		if err := json.Unmarshal(m.Result, v); err != nil {
			c.t.Fatalf("result %s: %v", m.Result, err)
		}
	}
	return nil
}

// diagnostics returns the next publishDiagnostics notification.
func (c *client) diagnostics() PublishDiagnosticsParams {
	c.t.Helper()
	m := c.receive()
	if m.Method != "textDocument/publishDiagnostics" {
		c.t.Fatalf("want diagnostics, got %+v", m)
	}
	var p PublishDiagnosticsParams
	if err := json.Unmarshal(m.Params, &p); err != nil {
		c.t.Fatal(err)
	}
	return p
}

func (c *client) initialize() {
	c.t.Helper()
	var r InitializeResult
	if err := c.answer(c.request("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}}), &r); err != nil {
		c.t.Fatal(err)
	}
	if r.Capabilities.TextDocumentSync.Change != 2 || !r.Capabilities.HoverProvider || r.Capabilities.PositionEncoding != "utf-16" {
		c.t.Errorf("capabilities %+v", r.Capabilities)
	}
	c.notify("initialized", map[string]any{})
}

// stop shuts the server down and checks its exit code.
func (c *client) stop() {
	c.t.Helper()
	if err := c.answer(c.request("shutdown", nil), nil); err != nil {
		c.t.Fatal(err)
	}
	c.notify("exit", nil)
	select {
	case code := <-c.done:
		if code != 0 {
			c.t.Errorf("exit code %d after shutdown", code)
		}
	case <-time.After(20 * time.Second):
		c.t.Fatal("the server did not exit")
	}
}

const policy = `version: 1
exclude: ["drafts/**"]
flag:
  - term: micromanage
    message: "“{match}” tells candidates they will be watched"
    suggest: [coach, support]
  - term: rockstar*
    suggest: experienced engineer
    severity: warning
`

// workspace writes the policy into a temporary folder and returns it.
func workspace(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".leadlex.yaml"), []byte(policy), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// The ad has characters outside the BMP (two UTF-16 units each) before a
// flagged word, and a hit on its first line.
const adText = "# Team lead 🚀\n\nWe inspire people. 🚀🚀 You will micromanage here,\r\nyou are a rockstar.\n"

// TestSession drives one session: open, change, diagnostics, hover, code
// action, shutdown and exit.
func TestSession(t *testing.T) {
	dir := workspace(t)
	path := filepath.Join(dir, "jobs", "lead.md")
	uri := fileURI(path)
	c := start(t)
	c.initialize()

	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "markdown", "version": 1, "text": adText}})
	p := c.diagnostics()
	if p.URI != uri || p.Version == nil || *p.Version != 1 || len(p.Diagnostics) != 2 {
		t.Fatalf("diagnostics %+v", p)
	}
	micro := p.Diagnostics[0]
	// "We inspire people. 🚀🚀 You will " is 31 code points and 33 UTF-16 units.
	want := Range{Start: Position{Line: 2, Character: 33}, End: Position{Line: 2, Character: 44}}
	if micro.Range != want || micro.Code != "flag/micromanage" || micro.Severity != SeverityError || micro.Source != "leadlex" ||
		!strings.Contains(micro.Message, "Suggestion: coach or support") {
		t.Errorf("micromanage diagnostic %+v", micro)
	}
	if r := p.Diagnostics[1]; r.Code != "flag/rockstar" || r.Severity != SeverityWarning || r.Range.Start != (Position{Line: 3, Character: 10}) {
		t.Errorf("rockstar diagnostic %+v", r)
	}
	sameAsCheck(t, path, adText, p.Diagnostics)

	// Hover over "inspire" (line 2, from character 3).
	var h Hover
	if err := c.answer(c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": Position{Line: 2, Character: 5}}), &h); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h.Contents.Value, "**leadlex** · entry “inspire” · people · leadership · weight 1.25  \nsource: ") ||
		!strings.Contains(h.Contents.Value, "phrase: “") || h.Range == nil ||
		*h.Range != (Range{Start: Position{Line: 2, Character: 3}, End: Position{Line: 2, Character: 10}}) {
		t.Errorf("hover %+v", h)
	}
	var none json.RawMessage
	c.answer(c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": Position{Line: 0, Character: 1}}), &none)
	if string(none) != "null" {
		t.Errorf("hover off any hit: %s", none)
	}

	// One keystroke: "x" typed at the start of line 2 moves the finding by one.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": Range{Start: Position{2, 0}, End: Position{2, 0}}, "text": "x"}},
	})
	p = c.diagnostics()
	if *p.Version != 2 || len(p.Diagnostics) != 2 || p.Diagnostics[0].Range.Start != (Position{Line: 2, Character: 34}) {
		t.Fatalf("after the edit: %+v", p)
	}
	edited := "# Team lead 🚀\n\nxWe inspire people. 🚀🚀 You will micromanage here,\r\nyou are a rockstar.\n"
	sameAsCheck(t, path, edited, p.Diagnostics)

	// Quick fixes for the finding under the cursor.
	var actions []CodeAction
	cursor := Range{Start: Position{2, 40}, End: Position{2, 40}}
	if err := c.answer(c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": cursor, "context": map[string]any{"diagnostics": []any{}}}), &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 2 || actions[0].Title != "Replace “micromanage” with “coach”" || !actions[0].IsPreferred {
		t.Fatalf("code actions %+v", actions)
	}
	edit := actions[1].Edit.Changes[uri]
	if len(edit) != 1 || edit[0].NewText != "support" || edit[0].Range != p.Diagnostics[0].Range {
		t.Errorf("edit %+v", edit)
	}

	// Applying it (the editor sends the edit back) clears the finding.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 3},
		"contentChanges": []any{map[string]any{"range": edit[0].Range, "text": "support"}},
	})
	if p = c.diagnostics(); len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "flag/rockstar" {
		t.Errorf("after the fix: %+v", p.Diagnostics)
	}

	// A whole-text change, then close.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 4},
		"contentChanges": []any{map[string]any{"text": "Nothing to see."}},
	})
	if p = c.diagnostics(); len(p.Diagnostics) != 0 {
		t.Errorf("plain text: %+v", p.Diagnostics)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if p = c.diagnostics(); len(p.Diagnostics) != 0 || p.URI != uri {
		t.Errorf("on close: %+v", p)
	}
	c.stop()
}

// sameAsCheck checks that the diagnostics are the findings `leadlex check`
// gives for the same file on disk, at the same places.
func sameAsCheck(t *testing.T, path, text string, diags []Diagnostic) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(path)
	pf, err := check.Find(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	p, err := check.Load(pf)
	if err != nil {
		t.Fatal(err)
	}
	lex, _ := lexicon.Load()
	ck, err := check.New(p, pipeline.NewAnalyzer(lex, pipeline.DefaultLabels))
	if err != nil {
		t.Fatal(err)
	}
	docs := corpus.ReadFile(path, corpus.Options{StreamAbove: -1, Positions: true})
	fs := ck.Check(docs[0]).Findings
	if len(fs) != len(diags) {
		t.Fatalf("check finds %d, the server %d", len(fs), len(diags))
	}
	lines := newLineIndex(text)
	for i, f := range fs {
		d := diags[i]
		start, end := lines.offset(d.Range.Start), lines.offset(d.Range.End)
		if f.Rule != d.Code || text[start:end] != f.Match {
			t.Errorf("check: %s %q; the server: %s %q", f.Rule, f.Match, d.Code, text[start:end])
		}
		// back to check's 1-based line and column in characters
		pos := corpus.TextPositions(text).At(start)
		if pos.Line != f.Line || pos.Column != f.Column {
			t.Errorf("%s: check at %d:%d, the server at %d:%d", f.Rule, f.Line, f.Column, pos.Line, pos.Column)
		}
	}
}

// TestExcludedAndOtherFormats: a file the policy excludes raises nothing;
// HTML findings point into the markup; other languages are left alone.
func TestExcludedAndOtherFormats(t *testing.T) {
	dir := workspace(t)
	c := start(t)
	c.initialize()
	open := func(name, lang, text string) PublishDiagnosticsParams {
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": fileURI(filepath.Join(dir, name)), "languageId": lang, "version": 1, "text": text}})
		return c.diagnostics()
	}
	if p := open("drafts/x.md", "markdown", "We micromanage."); len(p.Diagnostics) != 0 {
		t.Errorf("excluded file: %+v", p.Diagnostics)
	}
	p := open("jobs/x.html", "html", "<html><body><p>We <b>micro</b>manage? No: we <i>micromanage</i>.</p></body></html>")
	// "micro" and "manage" in two elements read as one word, as check reads them.
	if len(p.Diagnostics) != 2 || p.Diagnostics[0].Range != (Range{Position{0, 21}, Position{0, 36}}) ||
		p.Diagnostics[1].Range.Start != (Position{0, 48}) {
		t.Errorf("html: %+v", p.Diagnostics)
	}
	if p := open("jobs/x.go", "go", "// micromanage"); len(p.Diagnostics) != 0 {
		t.Errorf("go file: %+v", p.Diagnostics)
	}
	if p := open("jobs/NOTES", "plaintext", "micromanage"); len(p.Diagnostics) != 1 {
		t.Errorf("plain text without an extension: %+v", p.Diagnostics)
	}
	// Suppression comments in the unsaved buffer count, as in leadlex check.
	p = open("jobs/quiet.md", "markdown", "<!-- leadlex-disable-next-line flag/micromanage -->\nWe micromanage.\n\nWe micromanage.\n")
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start.Line != 3 {
		t.Errorf("leadlex-disable-next-line: %+v", p.Diagnostics)
	}
	c.stop()
}

// TestProtocolErrors: bad frames, bad JSON, unknown methods and requests
// out of order get protocol errors; the server reads on and never crashes.
func TestProtocolErrors(t *testing.T) {
	c := start(t)
	// Before initialize.
	if err := c.answer(c.request("textDocument/hover", map[string]any{}), nil); err == nil || err.Code != codeServerNotInitialized {
		t.Errorf("before initialize: %v", err)
	}
	c.initialize()

	parseError := func(what string) {
		t.Helper()
		m := c.receive()
		if m.Error == nil || m.Error.Code != codeParseError || string(m.ID) != "null" {
			t.Errorf("%s: want a parse error, got %+v", what, m)
		}
	}
	c.raw("Content-Length: 12\r\n\r\n{not json!!}")
	parseError("bad JSON")
	c.raw("Content-Type: nothing\r\n\r\n")
	parseError("no Content-Length")
	c.raw("garbage without a colon\r\n\r\n")
	parseError("header without a colon")
	c.raw("Content-Length: -5\r\n\r\n")
	parseError("negative length")

	if err := c.answer(c.request("workspace/symbol", map[string]any{"query": "x"}), nil); err == nil || err.Code != codeMethodNotFound {
		t.Errorf("unknown method: %v", err)
	}
	c.notify("$/unknownNotification", map[string]any{}) // ignored: no answer
	c.send(map[string]any{"id": 99, "params": map[string]any{}})
	if m := c.receive(); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("no method: %+v", m)
	}
	if err := c.answer(c.request("textDocument/hover", "a string"), nil); err == nil || err.Code != codeInvalidParams {
		t.Errorf("bad params: %v", err)
	}
	// Still answering.
	var h json.RawMessage
	if err := c.answer(c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere.md"},
		"position": Position{}}), &h); err != nil || string(h) != "null" {
		t.Errorf("hover on an unknown document: %s %v", h, err)
	}
	if err := c.answer(c.request("shutdown", nil), nil); err != nil {
		t.Fatal(err)
	}
	if err := c.answer(c.request("textDocument/hover", map[string]any{}), nil); err == nil || err.Code != codeInvalidRequest {
		t.Errorf("after shutdown: %v", err)
	}
	c.notify("exit", nil)
	if code := <-c.done; code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// TestExitWithoutShutdown: the protocol's exit code 1.
func TestExitWithoutShutdown(t *testing.T) {
	c := start(t)
	c.initialize()
	c.notify("exit", nil)
	if code := <-c.done; code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
}

// TestTruncatedInput: input that ends inside a frame ends the session
// with an error, not a hang or a crash.
func TestTruncatedInput(t *testing.T) {
	srv := New(Options{})
	code, err := srv.Run(strings.NewReader("Content-Length: 100\r\n\r\n{\"jsonrpc\""), io.Discard)
	if err == nil || code != 1 {
		t.Errorf("code %d, err %v", code, err)
	}
}

// TestLineIndex converts between byte offsets, UTF-16 positions and
// character columns.
func TestLineIndex(t *testing.T) {
	x := newLineIndex("a🚀b\r\nçd\n")
	tests := []struct {
		off int
		pos Position
	}{
		{0, Position{0, 0}}, {1, Position{0, 1}}, {5, Position{0, 3}}, {6, Position{0, 4}},
		{8, Position{1, 0}}, {10, Position{1, 1}}, {12, Position{2, 0}},
	}
	for _, tt := range tests {
		if got := x.position(tt.off); got != tt.pos {
			t.Errorf("position(%d) = %v, want %v", tt.off, got, tt.pos)
		}
		if got := x.offset(tt.pos); got != tt.off {
			t.Errorf("offset(%v) = %d, want %d", tt.pos, got, tt.off)
		}
	}
	if got := x.offset(Position{0, 2}); got != 1 { // inside the surrogate pair
		t.Errorf("offset inside a pair = %d", got)
	}
	if got := x.offset(Position{0, 99}); got != 6 { // past the line's end: before \r\n
		t.Errorf("offset past the end = %d", got)
	}
	if got := x.fromColumn(1, 3); got != (Position{0, 3}) {
		t.Errorf("fromColumn(1, 3) = %v", got)
	}
}

// TestPolicyReload: saving the policy file checks the open documents again
// under the new rules.
func TestPolicyReload(t *testing.T) {
	dir := workspace(t)
	c := start(t)
	c.initialize()
	uri := fileURI(filepath.Join(dir, "ad.md"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "markdown", "version": 1, "text": "We micromanage rockstars."}})
	if p := c.diagnostics(); len(p.Diagnostics) != 2 {
		t.Fatalf("before: %+v", p.Diagnostics)
	}
	pf := filepath.Join(dir, ".leadlex.yaml")
	if err := os.WriteFile(pf, []byte("version: 1\nflag:\n  - term: rockstar*\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(pf)}})
	if p := c.diagnostics(); len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "flag/rockstar" || p.URI != uri {
		t.Errorf("after the policy changed: %+v", p)
	}
	if err := os.WriteFile(pf, []byte("version: 1\nflag: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(pf)}})
	if p := c.diagnostics(); len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "policy" || !strings.Contains(p.Diagnostics[0].Message, ".leadlex.yaml:2") {
		t.Errorf("a broken policy: %+v", p)
	}
	c.stop()
}

// TestHoverText always names the weight, says when a hit is negated, and
// leaves out empty provenance.
func TestHoverText(t *testing.T) {
	tests := []struct {
		hit  explain.Hit
		want string
	}{
		{explain.Hit{Term: "budget", Dimension: "alignment", Pole: lexicon.Management, Weight: 1},
			"**leadlex** · entry “budget” · alignment · management · weight 1"},
		{explain.Hit{Term: "vision", Dimension: "vision", Pole: lexicon.Leadership, Weight: 0.6, Negated: true, Source: "s.txt", Note: "n"},
			"**leadlex** · entry “vision” · vision · leadership · weight 0.6  \nnegated: a negator stands before it, so it does not count  \nsource: s.txt  \nnote: n"},
	}
	for _, tt := range tests {
		if got := hoverText(&tt.hit); got != tt.want {
			t.Errorf("hoverText(%+v) =\n%q, want\n%q", tt.hit, got, tt.want)
		}
	}
}
