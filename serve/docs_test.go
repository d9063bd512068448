package serve

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/pipeline"
)

// TestDocsExamples runs every curl example of docs/SERVE.md against the
// server (with the sample policy, and the job-posts norms for a block that
// starts the server with --norms job-posts) and checks that the JSON shown
// after it is the answer with parts left out where it shows "…".
func TestDocsExamples(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "SERVE.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.ReplaceAll(string(data), "\\\n", " ")
	plain := newTestServer(t, Options{})
	jobPosts, err := norms.Load("job-posts")
	if err != nil {
		t.Fatal(err)
	}
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	an.Norms, an.LabelByNorms = jobPosts, true // as leadlex serve --norms job-posts wires it
	withNorms := newTestServer(t, Options{Analyzer: an})
	re := regexp.MustCompile("(?s)```sh\n(.*?)```(?:\n```json\n(.*?)\n```)?")
	curl := regexp.MustCompile(`curl -s http://127\.0\.0\.1:8080(/\S*)(?: -H '[^']*')?(?:\s+-d '([^']*)')?`)
	n := 0
	for _, block := range re.FindAllStringSubmatch(doc, -1) {
		s := plain
		if strings.Contains(block[1], "--norms job-posts") {
			s = withNorms
		}
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
			if shown := block[2]; shown != "" && !shownIn(shown, body) {
				t.Errorf("%s: the docs show\n%s\nthe server answers\n%s", c[1], shown, body)
			}
		}
	}
	if n < 5 {
		t.Errorf("found %d curl examples", n)
	}
}

// shownIn reports whether the answer is what the docs show: the shown
// text's parts between "…" appear in body in order, the first at its start
// and the last at its end.
func shownIn(shown, body string) bool {
	body = strings.TrimSpace(body)
	parts := strings.Split(shown, "…")
	if !strings.HasPrefix(body, parts[0]) || !strings.HasSuffix(body, parts[len(parts)-1]) {
		return false
	}
	rest := body[len(parts[0]):]
	for _, p := range parts[1:] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return true
}
