package serve

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsExamples runs every curl example of docs/SERVE.md against the
// server (with the sample policy) and checks that the JSON shown after it
// starts as the answer does, up to the first "…".
func TestDocsExamples(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "SERVE.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.ReplaceAll(string(data), "\\\n", " ")
	s := newTestServer(t, Options{})
	re := regexp.MustCompile("(?s)```sh\n(.*?)```(?:\n```json\n(.*?)\n```)?")
	curl := regexp.MustCompile(`curl -s http://127\.0\.0\.1:8080(/\S*)(?: -H '[^']*')?(?:\s+-d '([^']*)')?`)
	n := 0
	for _, block := range re.FindAllStringSubmatch(doc, -1) {
		for _, c := range curl.FindAllStringSubmatch(block[1], -1) {
			n++
			method := "GET"
			if c[2] != "" {
				method = "POST"
			}
			res := do(t, s, method, c[1], "application/json", c[2])
			body := readBody(t, res)
			if res.StatusCode != 200 {
				t.Errorf("%s %s: status %d: %s", method, c[1], res.StatusCode, body)
			}
			if c[1] == "/api/v1/check" && !strings.Contains(body, `"rule":"flag/micromanage"`) {
				t.Errorf("the check example finds nothing: %s", body)
			}
			if shown := block[2]; shown != "" {
				prefix, _, _ := strings.Cut(shown, "…")
				if !strings.HasPrefix(body, prefix) {
					t.Errorf("%s: the docs show\n%s\nthe server answers\n%s", c[1], prefix, body)
				}
			}
		}
	}
	if n < 5 {
		t.Errorf("found %d curl examples", n)
	}
}
