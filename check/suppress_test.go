package check

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/corpus"
)

const suppressPolicy = `flag:
  - term: micromanage
  - term: rockstar*
  - term: strict supervision
require:
  - {id: vision, any_of: [vision]}
`

// checkFiles writes files into a new folder with suppressPolicy and
// returns the findings per file name, as "rule@line".
func checkFiles(t *testing.T, files map[string]string, deferExtract bool) map[string][]string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := newChecker(t, dir, suppressPolicy)
	docs, err := c.Run(context.Background(), corpus.Walk(context.Background(), []string{dir}, corpus.Options{StreamAbove: -1, DeferExtract: deferExtract, Positions: true}), 1)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, d := range docs {
		if d.Status != corpus.OK {
			t.Fatalf("%s: %s %s", d.Path, d.Status, d.Reason)
		}
		got := []string{}
		for _, f := range d.Findings {
			got = append(got, f.Rule+"@"+itoa(f.Line))
		}
		out[filepath.Base(d.Path)] = got
	}
	return out
}

func itoa(n int) string { return string(rune('0'+n/10%10)) + string(rune('0'+n%10)) }

func TestSuppression(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"none.md", "We micromanage.\n\nA rockstar.\n", []string{"require/vision@01", "flag/micromanage@01", "flag/rockstar@03"}},
		{"region.md", "We micromanage.\n\n<!-- leadlex-disable flag/micromanage -->\nWe micromanage, rockstar.\n<!-- leadlex-enable -->\nWe micromanage.\n",
			[]string{"require/vision@01", "flag/micromanage@01", "flag/rockstar@04", "flag/micromanage@06"}},
		{"all.md", "<!-- leadlex-disable -->\nWe micromanage.\n<!-- leadlex-enable -->\nA rockstar.\n", []string{"require/vision@01", "flag/rockstar@04"}},
		{"kind.md", "<!-- leadlex-disable flag -->\nWe micromanage, rockstar.\n<!-- leadlex-enable flag -->\nA rockstar.\n",
			[]string{"require/vision@01", "flag/rockstar@04"}},
		{"nextline.md", "<!-- leadlex-disable-next-line flag/rockstar -->\nA rockstar who will micromanage.\nA rockstar.\n",
			[]string{"require/vision@01", "flag/micromanage@02", "flag/rockstar@03"}},
		{"docLevel.md", "We micromanage.\n\n<!-- leadlex-disable require/vision, flag/micromanage -->\n", []string{"flag/micromanage@01"}},
		{"top.md", "<!-- leadlex-disable require,flag/micromanage -->\nWe micromanage.\n", []string{}},
		{"page.html", "<html><body><p>We micromanage.</p>\n<!-- leadlex-disable-next-line -->\n<p>A rockstar under strict supervision.</p>\n<p>A rockstar.</p></body></html>\n",
			[]string{"require/vision@01", "flag/micromanage@01", "flag/rockstar@04"}},
		{"plain.txt", "We micromanage.\n# leadlex-disable-next-line flag/micromanage\nWe micromanage.\n// leadlex-disable rockstar flag/rockstar\nA rockstar.\nleadlex-enable\nA rockstar.\n",
			[]string{"require/vision@01", "flag/micromanage@01", "flag/rockstar@07"}},
		// In Markdown the line form is a heading, not a directive.
		{"heading.md", "# leadlex-disable flag\nWe micromanage.\n", []string{"require/vision@01", "flag/micromanage@02"}},
	}
	files := map[string]string{}
	for _, tc := range tests {
		files[tc.name] = tc.text
	}
	// Directives are read from the markup the Doc carries (DeferExtract,
	// as leadlex check reads) or from the file (Docs extracted already).
	for _, deferExtract := range []bool{true, false} {
		got := checkFiles(t, files, deferExtract)
		for _, tc := range tests {
			if !slices.Equal(got[tc.name], tc.want) {
				t.Errorf("%s (DeferExtract %v): findings %q, want %q", tc.name, deferExtract, got[tc.name], tc.want)
			}
		}
	}
}

// FuzzSuppression: any source parses, directives lie on lines of the
// source in order, and a finding is never suppressed by a source without
// directives.
func FuzzSuppression(f *testing.F) {
	f.Add("<!-- leadlex-disable flag/x -->\nmicromanage\n<!-- leadlex-enable flag -->\n", 2)
	f.Add("# leadlex-disable-next-line\nx\n", 2)
	f.Add("<!--leadlex-disable-->", 1)
	f.Fuzz(func(t *testing.T, src string, line int) {
		ds := parseDirectives(src, true)
		lines := 1 + strings.Count(src, "\n")
		for i, d := range ds {
			if d.line < 1 || d.line > lines || i > 0 && d.line < ds[i-1].line {
				t.Fatalf("directive %d on line %d of %d (%+v)", i, d.line, lines, ds)
			}
		}
		fnd := Finding{Rule: "flag/x", Line: max(line, 1), Match: "x"}
		if !strings.Contains(src, "leadlex-") && suppressed(ds, &fnd) {
			t.Fatal("suppressed without a directive")
		}
	})
}
