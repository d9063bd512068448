package docs

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// readmeMaxLines is the README's budget: it is a newcomer's first screen,
// and everything longer belongs in a page under docs/.
const readmeMaxLines = 200

// pages lists README.md and every Markdown page under docs/, as paths
// relative to this package's folder.
func pages(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatal("no Markdown pages in docs/")
	}
	return append([]string{filepath.Join("..", "README.md")}, docs...)
}

func TestREADMEFitsAScreenful(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := countLines(string(data)); n > readmeMaxLines {
		t.Errorf("README.md has %d lines, more than %d: move the detail to a page under docs/ and link it", n, readmeMaxLines)
	}
}

func TestCountLines(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"a", 1},
		{"a\n", 1},
		{"a\nb\n", 2},
		{"a\n\nb", 3},
	} {
		if got := countLines(tc.text); got != tc.want {
			t.Errorf("countLines(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// countLines counts lines as wc -l does, plus a last line without a newline.
func countLines(text string) int {
	n := strings.Count(text, "\n")
	if text != "" && !strings.HasSuffix(text, "\n") {
		n++
	}
	return n
}

// TestREADMELinksEveryPage keeps every page of docs/ reachable from the
// first screen.
func TestREADMELinksEveryPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var linked []string
	for _, l := range parse(string(data)).links {
		linked = append(linked, strings.SplitN(l.target, "#", 2)[0])
	}
	docs, _ := filepath.Glob("*.md")
	for _, d := range docs {
		if !slices.Contains(linked, "docs/"+d) {
			t.Errorf("README.md does not link docs/%s", d)
		}
	}
}

// TestRelativeLinks checks that every relative link in README.md and
// docs/*.md names a file or folder that exists and, for a Markdown page, a
// heading anchor that page has.
func TestRelativeLinks(t *testing.T) {
	parsed := map[string]page{}
	load := func(path string) (page, error) {
		path = filepath.Clean(path)
		if p, ok := parsed[path]; ok {
			return p, nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return page{}, err
		}
		parsed[path] = parse(string(data))
		return parsed[path], nil
	}
	checked := 0
	for _, path := range pages(t) {
		p, err := load(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range p.links {
			if err := checkLink(path, l.target, load); err != nil {
				t.Errorf("%s:%d: link %q: %v", path, l.line, l.target, err)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no links found: the parser is broken")
	}
}

// checkLink reports whether target, a link in the page at from, resolves.
func checkLink(from, target string, load func(string) (page, error)) error {
	if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
		return nil
	}
	file, anchor, _ := strings.Cut(target, "#")
	path := from
	if file != "" {
		path = filepath.Join(filepath.Dir(from), filepath.FromSlash(file))
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("no such file or folder %s", path)
		}
	}
	if anchor == "" || !strings.HasSuffix(path, ".md") {
		return nil
	}
	p, err := load(path)
	if err != nil {
		return err
	}
	if !slices.Contains(p.anchors, anchor) {
		return fmt.Errorf("%s has no heading with anchor #%s", path, anchor)
	}
	return nil
}

// link is a Markdown link's target and the line it is on.
type link struct {
	target string
	line   int
}

// page is what the link check needs from a Markdown file.
type page struct {
	links   []link
	anchors []string
}

var linkPattern = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// parse collects the links and heading anchors of a Markdown text, outside
// fenced code blocks.
func parse(text string) page {
	var p page
	seen := map[string]int{}
	fenced := false
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if heading, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " "); ok && strings.HasPrefix(line, "#") {
			a := anchor(heading)
			if k := seen[a]; k > 0 {
				p.anchors = append(p.anchors, fmt.Sprintf("%s-%d", a, k))
			} else {
				p.anchors = append(p.anchors, a)
			}
			seen[a]++
		}
		for _, m := range linkPattern.FindAllStringSubmatch(line, -1) {
			p.links = append(p.links, link{target: m[1], line: n})
		}
	}
	return p
}

// anchor is the id GitHub gives a heading: lower case, spaces as hyphens,
// punctuation other than hyphens and underscores dropped.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestAnchor(t *testing.T) {
	for heading, want := range map[string]string{
		"The policy file":                              "the-policy-file",
		"Checking wording in CI: `leadlex check`":      "checking-wording-in-ci-leadlex-check",
		"LIWC-style `.dic` dictionaries":               "liwc-style-dic-dictionaries",
		"leadlex-beam on Prism, against leadlex score": "leadlex-beam-on-prism-against-leadlex-score",
	} {
		if got := anchor(heading); got != want {
			t.Errorf("anchor(%q) = %q, want %q", heading, got, want)
		}
	}
}

func TestParse(t *testing.T) {
	p := parse("# Title\n\nSee [a](A.md#x) and [b](#title).\n```\n# not a heading [c](C.md)\n```\n## Title\n")
	if want := []string{"title", "title-1"}; !slices.Equal(p.anchors, want) {
		t.Errorf("anchors %q, want %q", p.anchors, want)
	}
	if want := []link{{"A.md#x", 3}, {"#title", 3}}; !slices.Equal(p.links, want) {
		t.Errorf("links %v, want %v", p.links, want)
	}
}

// TestGoVersionMatchesGoMod keeps the Go version the README asks for equal
// to the go directive of go.mod, and the GitHub Actions example of
// docs/CHECK.md installing that release (major.minor).
func TestGoVersionMatchesGoMod(t *testing.T) {
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go ((\d+\.\d+)\S*)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	version := string(m[1])
	for page, want := range map[string]string{
		filepath.Join("..", "README.md"): "With Go " + version + " or newer",
		"CHECK.md":                       `go-version: "` + string(m[2]) + `"`,
		"ACTION.md":                      `go-version: "` + string(m[2]) + `"`,
	} {
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s does not say %q (go.mod asks for go %s)", page, want, version)
		}
	}
}
