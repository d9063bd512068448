package explain

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/golden"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

func sample(t *testing.T) []*Document {
	t.Helper()
	sc := pipeline.NewScorer(pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels))
	docs := corpus.ReadFile("testdata/sample.md", corpus.Options{})
	d, err := Build(sc, docs[0])
	if err != nil {
		t.Fatal(err)
	}
	return []*Document{d}
}

func TestBuildSpansCoverText(t *testing.T) {
	d := sample(t)[0]
	text := corpus.ReadFile("testdata/sample.md", corpus.Options{})[0].Text // Markdown syntax removed
	var b strings.Builder
	hits := map[string]*Hit{}
	for _, s := range d.Spans {
		b.WriteString(s.Text)
		if s.Hit != nil {
			hits[s.Text] = s.Hit
		}
	}
	if b.String() != text {
		t.Fatal("spans do not add up to the text")
	}
	if h := hits["set the direction"]; h == nil || h.Dimension != "vision" || h.Pole != lexicon.Leadership || h.Source == "" || h.Phrase == "" {
		t.Errorf("set the direction: %+v", h)
	}
	if h := hits["monitor"]; h == nil || !h.Negated || h.Pole != lexicon.Management {
		t.Errorf("monitor should be a negated management hit: %+v", h)
	}
	if d.Result.Label == "" || d.Result.Balance == nil || len(d.Dimensions) != 8 {
		t.Errorf("result %+v", d.Result)
	}
	var lead float64
	for _, dim := range d.Dimensions {
		lead += dim.Leadership
	}
	if lead != d.Result.LeadershipHits {
		t.Errorf("dimension rows add up to %g leadership hits, result says %g", lead, d.Result.LeadershipHits)
	}
}

func TestBuildRefusesUnreadDocuments(t *testing.T) {
	sc := pipeline.NewScorer(pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels))
	_, err := Build(sc, corpus.Doc{Path: "x.txt", Status: corpus.Skipped, Reason: "empty file"})
	if err == nil || err.Error() != "x.txt: empty file" {
		t.Errorf("got %v", err)
	}
}

func TestTextGolden(t *testing.T) {
	docs := sample(t)
	var plain, color bytes.Buffer
	if err := WriteText(&plain, docs, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&color, docs, true); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "explain.txt", plain.Bytes())
	golden.Check(t, "explain-color.txt", color.Bytes())
	for _, want := range []string{"[L:set the direction]", "[~M:monitor]", "[M:budget]", "balance ", "label ", "confidence "} {
		if !strings.Contains(plain.String(), want) {
			t.Errorf("plain text lacks %q", want)
		}
	}
	if strings.Contains(plain.String(), "\x1b[") || !strings.Contains(color.String(), ansiLead+"set the direction"+ansiReset) {
		t.Error("colour only when asked, and by pole")
	}
	if strings.Contains(color.String(), "[L:") {
		t.Error("coloured output should not bracket hits")
	}
}

func TestHTMLGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, sample(t), NewPageInfo(lexicon.Default(), "test")); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "explain.html", buf.Bytes())
	page := buf.String()
	for _, bad := range []string{"<Berlin", "http://", "https://", "src=", "<script", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q: it must be escaped and self-contained", bad)
		}
	}
	for _, want := range []string{
		"&lt;Berlin &amp; remote&gt;",
		`<mark class="lead" title="vision · leadership · entry “set direction”`,
		`<mark class="mgmt negated" title="people · management · entry “monitor”`,
		"&#34;care&#34;",
		"<svg", "<rect class=\"lead\"",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if !strings.Contains(page, "source: ") || !strings.Contains(page, "phrase: “") {
		t.Error("hover text does not name the provenance")
	}
}

// TestTextEscapesControlCharacters checks that a document's name and text
// cannot carry escape sequences or forge a heading through explain's text.
func TestTextEscapesControlCharacters(t *testing.T) {
	sc := pipeline.NewScorer(pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels))
	d, err := Build(sc, corpus.Doc{ID: "x.txt\n== forged ==", Path: "x.txt", Format: "txt", Status: corpus.OK,
		Text: "We set the vision\x1b[2J together.\nSecond line\u202e with the budget."})
	if err != nil {
		t.Fatal(err)
	}
	for _, color := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteText(&buf, []*Document{d}, color); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\u202e") || strings.Contains(out, "\n== forged") {
			t.Errorf("color %v: a control character got through:\n%q", color, out)
		}
		for _, want := range []string{`x.txt\n== forged ==`, `\x1b[2J together.` + "\nSecond line" + `\u202e`} {
			if !strings.Contains(out, want) {
				t.Errorf("color %v: output lacks %q:\n%q", color, want, out)
			}
		}
	}
}

// TestBoilerplateShownNotCounted: a benefits sentence is marked with its
// kind, its "vision" hit is shown but left out of the table and the score,
// and with all sections counted the same text has no boilerplate.
func TestBoilerplateShownNotCounted(t *testing.T) {
	text := "You will set the direction for the team.\n\nWhat we offer: a vision of your years here and 25 days annual leave.\n"
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	d, err := Build(pipeline.NewScorer(an), corpus.Doc{Path: "p.txt", ID: "p.txt", Status: corpus.OK, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := WriteText(&buf, []*Document{d}, false); err != nil {
		t.Fatal(err)
	}
	if want := "{benefits: What we offer: a [L:vision] of your years here and 25 days annual leave.}"; !strings.Contains(buf.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, buf.String())
	}
	for _, dim := range d.Dimensions {
		for _, tc := range dim.LeadershipTerms {
			if tc.Term == "vision" {
				t.Errorf("vision in boilerplate counted in the table: %+v", dim)
			}
		}
	}
	an.CountAll = true
	d, err = Build(pipeline.NewScorer(an), corpus.Doc{Path: "p.txt", ID: "p.txt", Status: corpus.OK, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Spans {
		if s.Section != "" {
			t.Errorf("--sections all still marks %q as %s", s.Text, s.Section)
		}
	}
}

// TestNeutralEntriesShownDistinctly: "human resources" is marked neutral
// and its "resources" does not count.
func TestNeutralEntriesShownDistinctly(t *testing.T) {
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	d, err := Build(pipeline.NewScorer(an), corpus.Doc{Path: "p.txt", ID: "p.txt", Status: corpus.OK, Text: "You will work with Human Resources to plan the rota.\n"})
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := WriteText(&buf, []*Document{d}, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "[N:Human Resources]") {
		t.Errorf("output lacks the neutral marker:\n%s", buf.String())
	}
	for _, dim := range d.Dimensions {
		for _, tc := range dim.MgmtTerms {
			if tc.Term == "resources" {
				t.Errorf("resources counted inside human resources: %+v", dim)
			}
		}
	}
}
