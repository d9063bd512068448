//go:build unix

package serve

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/pipeline"
)

// chromium returns the path of a headless-capable Chromium, or skips the
// test when there is none.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("Chromium is not installed, so the page is not tried in a browser; `make chromium` installs it (apt-get install chromium)")
	return ""
}

// devtools is a connection to one page of a Chromium driven through the
// DevTools protocol (over golang.org/x/net/websocket).
type devtools struct {
	t    *testing.T
	ws   *websocket.Conn
	mu   sync.Mutex
	id   int
	wait map[int]chan json.RawMessage
	logs []string // console and log entries: CSP violations show here
}

// openChromium starts headless Chromium on url and connects to its page.
func openChromium(t *testing.T, bin, url string) *devtools {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	// Not t.TempDir: Chromium's helper processes can still write to the
	// profile after the browser is killed, and t.TempDir's cleanup then
	// fails the test with "directory not empty".
	profile, err := os.MkdirTemp("", "leadlex-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir="+profile,
		"--window-size=1280,1100", url)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the browser and its helpers
		cmd.Wait()
		for i := 0; i < 50 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	port := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`DevTools listening on ws://127\.0\.0\.1:(\d+)/`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				port <- m[1]
			}
		}
	}()
	var p string
	select {
	case p = <-port:
	case <-time.After(60 * time.Second):
		t.Fatal("Chromium did not open its DevTools port")
	}
	var pageWS string
	for deadline := time.Now().Add(30 * time.Second); pageWS == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		res, err := http.Get("http://127.0.0.1:" + p + "/json/list")
		if err != nil {
			continue
		}
		var targets []struct{ Type, URL, WebSocketDebuggerURL string }
		json.NewDecoder(res.Body).Decode(&targets)
		res.Body.Close()
		for _, tg := range targets {
			if tg.Type == "page" && strings.HasPrefix(tg.URL, url) {
				pageWS = tg.WebSocketDebuggerURL
			}
		}
	}
	if pageWS == "" {
		t.Fatal("no page target in Chromium")
	}
	ws, err := websocket.Dial(pageWS, "", "http://127.0.0.1/")
	if err != nil {
		t.Fatal(err)
	}
	ws.MaxPayloadBytes = 64 << 20
	t.Cleanup(func() { ws.Close() })
	d := &devtools{t: t, ws: ws, wait: map[int]chan json.RawMessage{}}
	go d.readLoop()
	d.call("Runtime.enable", nil)
	d.call("Log.enable", nil)
	return d
}

func (d *devtools) readLoop() {
	for {
		var m struct {
			ID     int             `json:"id"`
			Method string          `json:"method"`
			Result json.RawMessage `json:"result"`
			Params json.RawMessage `json:"params"`
			Error  json.RawMessage `json:"error"`
		}
		if err := websocket.JSON.Receive(d.ws, &m); err != nil {
			return
		}
		d.mu.Lock()
		switch {
		case m.ID != 0:
			if ch := d.wait[m.ID]; ch != nil {
				if m.Error != nil {
					ch <- m.Error
				} else {
					ch <- m.Result
				}
			}
		case m.Method == "Log.entryAdded" || m.Method == "Runtime.consoleAPICalled" || m.Method == "Runtime.exceptionThrown":
			d.logs = append(d.logs, m.Method+": "+string(m.Params))
		}
		d.mu.Unlock()
	}
}

// call sends one DevTools command and returns its result.
func (d *devtools) call(method string, params any) json.RawMessage {
	d.t.Helper()
	d.mu.Lock()
	d.id++
	id := d.id
	ch := make(chan json.RawMessage, 1)
	d.wait[id] = ch
	d.mu.Unlock()
	if err := websocket.JSON.Send(d.ws, map[string]any{"id": id, "method": method, "params": params}); err != nil {
		d.t.Fatal(err)
	}
	select {
	case r := <-ch:
		return r
	case <-time.After(30 * time.Second):
		d.t.Fatalf("%s: no answer from Chromium", method)
	}
	return nil
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func (d *devtools) eval(expr string, v any) {
	d.t.Helper()
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails any `json:"exceptionDetails"`
	}
	raw := d.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true})
	if err := json.Unmarshal(raw, &r); err != nil || r.ExceptionDetails != nil {
		d.t.Fatalf("%s: %s", expr, raw)
	}
	if v != nil {
		if err := json.Unmarshal(r.Result.Value, v); err != nil {
			d.t.Fatalf("%s = %s: %v", expr, r.Result.Value, err)
		}
	}
}

// until polls a JavaScript condition until it holds.
func (d *devtools) until(what, expr string) {
	d.t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var r struct {
			Result struct {
				Value bool `json:"value"`
			} `json:"result"`
		}
		// An answer without a value (the page still loading) counts as false.
		raw := d.call("Runtime.evaluate", map[string]any{"expression": "(() => { try { return Boolean(" + expr + ") } catch { return false } })()", "returnByValue": true})
		if json.Unmarshal(raw, &r) == nil && r.Result.Value {
			return
		}
	}
	d.t.Fatalf("%s: never true: %s", what, expr)
}

// browserAd is the ad typed into the page.
const browserAd = `Team lead, payments platform

You will inspire the team and shape a bold vision for how we pay our partners. ` +
	`Coach engineers, empower them to take risks and own decisions.

You will also track the budget, enforce the process and micromanage the weekly reports.`

// TestPageInChromium opens the page in headless Chromium, types an ad
// into it as a person would (text inserted, then keys pressed), and waits
// for a highlighted hit of each pole, the dimension bars and the
// micromanage finding; applying its first suggestion replaces the word and
// the finding goes. No Content-Security-Policy violation is logged. Set
// LEADLEX_SCREENSHOTS to a folder to keep a screenshot of the page.
func TestPageInChromium(t *testing.T) {
	bin := chromium(t)
	s := newTestServer(t, Options{})
	ts := httptest.NewServer(s)
	defer ts.Close()
	d := openChromium(t, bin, ts.URL+"/")
	d.until("the page loaded", `document.readyState === "complete" && document.getElementById("setup").textContent.includes("policy")`)

	d.eval(`document.getElementById("ad").focus()`, nil)
	head, tail := browserAd[:len(browserAd)-len("weekly reports.")], "weekly reports."
	d.call("Input.insertText", map[string]any{"text": head})
	for _, r := range tail {
		d.call("Input.dispatchKeyEvent", map[string]any{"type": "keyDown", "text": string(r), "key": string(r)})
		d.call("Input.dispatchKeyEvent", map[string]any{"type": "keyUp", "key": string(r)})
	}
	var typed string
	d.eval(`document.getElementById("ad").value`, &typed)
	if typed != browserAd {
		t.Fatalf("the textarea holds %q", typed)
	}

	d.until("a leadership hit is highlighted", `document.querySelector('#highlighted mark.pole-leadership[data-dimension="people"]')`)
	d.until("a management hit is highlighted", `document.querySelector('#highlighted mark.pole-management')`)
	d.until("the micromanage finding is listed", `document.querySelector('#findings li[data-rule="flag/micromanage"] button.apply')`)
	var page struct {
		Marks    []string `json:"marks"`
		Bars     int      `json:"bars"`
		Label    string   `json:"label"`
		Findings []string `json:"findings"`
	}
	d.eval(`({
		marks: [...document.querySelectorAll("#highlighted mark")].map(m => m.textContent + "/" + m.dataset.pole),
		bars: document.querySelectorAll("#bars .bar").length,
		label: document.querySelector("#figures dd").textContent,
		findings: [...document.querySelectorAll("#findings li")].map(li => li.dataset.rule),
	})`, &page)
	t.Logf("page: %+v", page)
	marks := strings.Join(page.Marks, " ")
	for _, want := range []string{"inspire/leadership", "vision/leadership", "budget/management"} {
		if !strings.Contains(marks, want) {
			t.Errorf("no highlighted %s among %v", want, page.Marks)
		}
	}
	if page.Bars != 2*len(s.opt.Analyzer.Lexicon().Dimensions) {
		t.Errorf("%d bars", page.Bars)
	}

	if keep := os.Getenv("LEADLEX_SCREENSHOTS"); keep != "" {
		screenshot(t, d, filepath.Join(keep, "serve.png"))
	}

	// At 200 % zoom (a 640 px wide window at twice the pixels) nothing
	// runs off the side.
	d.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 640, "height": 900, "deviceScaleFactor": 2, "mobile": false})
	var overflow int
	d.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow)
	if overflow > 0 {
		t.Errorf("at 200 %% zoom the page is %d px wider than the window", overflow)
	}
	if keep := os.Getenv("LEADLEX_SCREENSHOTS"); keep != "" {
		screenshot(t, d, filepath.Join(keep, "serve-zoom200.png"))
	}
	d.call("Emulation.clearDeviceMetricsOverride", nil)

	// Keyboard: Tab from the text reaches a highlighted word, whose entry is shown.
	d.eval(`document.querySelector("#highlighted mark").focus()`, nil)
	d.until("focusing a hit shows its entry", `document.getElementById("hit-info").textContent.includes("entry")`)

	d.eval(`document.querySelector('#findings li[data-rule="flag/micromanage"] button.apply').click()`, nil)
	d.until("the suggestion replaced the word", `document.getElementById("ad").value.includes("coach the weekly reports")`)
	d.until("the finding went", `!document.querySelector('#findings li[data-rule="flag/micromanage"]')`)

	// A text with no findings says so, and not as item 1 of the list.
	d.eval(`(() => { const a = document.getElementById("ad"); a.value = "We share a bold vision."; a.dispatchEvent(new Event("input")); })()`, nil)
	d.until("no findings are listed", `document.querySelector("#findings li.empty")`)
	var empty struct {
		Text, ListStyle string
		Items           int
	}
	d.eval(`(() => { const li = document.querySelector("#findings li.empty");
		return {Text: li.textContent, ListStyle: getComputedStyle(li).listStyleType, Items: document.querySelectorAll("#findings li").length}; })()`, &empty)
	if empty.Text != "No findings: the text meets the policy." || empty.ListStyle != "none" || empty.Items != 1 {
		t.Errorf("with no findings the list shows %+v", empty)
	}

	d.mu.Lock()
	defer d.mu.Unlock()
	for _, l := range d.logs {
		if strings.Contains(l, "Content Security Policy") || strings.Contains(l, "exceptionThrown") {
			t.Errorf("the browser logged: %s", l)
		}
	}
}

// screenshot saves the page as PNG.
func screenshot(t *testing.T, d *devtools, path string) {
	t.Helper()
	var shot struct {
		Data string `json:"data"`
	}
	if err := json.Unmarshal(d.call("Page.captureScreenshot", map[string]any{"format": "png"}), &shot); err != nil {
		t.Fatal(err)
	}
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log(fmt.Sprintf("screenshot: %s (%d bytes)", path, len(png)))
}

// TestPageMarksNeutralAndBoilerplateInChromium: with norms, the page marks
// "human resources" as neutral (dimmed, titled "neutral: does not count"),
// dims the benefits paragraph as boilerplate, and says where the balance
// stands among job posts.
func TestPageMarksNeutralAndBoilerplateInChromium(t *testing.T) {
	bin := chromium(t)
	n, err := norms.Load("job-posts")
	if err != nil {
		t.Fatal(err)
	}
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	an.Norms = n
	ts := httptest.NewServer(newTestServer(t, Options{Analyzer: an}))
	defer ts.Close()
	d := openChromium(t, bin, ts.URL+"/")
	d.until("the page loaded", `document.readyState === "complete" && document.getElementById("setup").textContent.includes("policy")`)
	ad, _ := json.Marshal(explainAd)
	d.eval(`(() => { const a = document.getElementById("ad"); a.value = `+string(ad)+`; a.dispatchEvent(new Event("input")); })()`, nil)
	d.until("the neutral phrase is marked", `document.querySelector("#highlighted mark.neutral")`)
	d.until("the figures are shown", `document.querySelector("#figures dd")`)
	var page struct {
		Neutral      []string `json:"neutral"`
		NeutralTitle string   `json:"neutralTitle"`
		Excluded     []string `json:"excluded"`
		ExcludedTip  string   `json:"excludedTip"`
		Counted      []string `json:"counted"`
		Figures      []string `json:"figures"`
	}
	d.eval(`({
		neutral: [...document.querySelectorAll("#highlighted mark.neutral")].map(m => m.textContent),
		neutralTitle: document.querySelector("#highlighted mark.neutral").title,
		excluded: [...document.querySelectorAll("#highlighted .excluded")].map(s => s.textContent),
		excludedTip: (document.querySelector("#highlighted .excluded") || {}).title || "",
		counted: [...document.querySelectorAll("#highlighted mark:not(.neutral)")].map(m => m.textContent),
		figures: [...document.querySelectorAll("#figures dt, #figures dd")].map(e => e.textContent),
	})`, &page)
	t.Logf("page: %+v", page)
	if keep := os.Getenv("LEADLEX_SCREENSHOTS"); keep != "" {
		screenshot(t, d, filepath.Join(keep, "serve-neutral.png"))
	}
	if len(page.Neutral) != 1 || page.Neutral[0] != "human resources" || !strings.HasPrefix(page.NeutralTitle, "neutral: does not count") {
		t.Errorf("neutral marks %q titled %q", page.Neutral, page.NeutralTitle)
	}
	if strings.Join(page.Excluded, "") != "What we offer: a pension and 25 days annual leave." || page.ExcludedTip != "not counted: benefits" {
		t.Errorf("excluded stretches %q titled %q", page.Excluded, page.ExcludedTip)
	}
	if len(page.Counted) == 0 || slices.Contains(page.Counted, "resources") {
		t.Errorf("counted marks %q", page.Counted)
	}
	balance := ""
	for i := 0; i+1 < len(page.Figures); i += 2 {
		if page.Figures[i] == "Balance" {
			balance = page.Figures[i+1]
		}
	}
	if !regexp.MustCompile(`^[−0-9.]+ · more (management|leadership)-leaning than \d+ % of job posts$`).MatchString(balance) {
		t.Errorf("balance shown as %q", balance)
	}
}
