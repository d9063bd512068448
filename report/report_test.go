package report

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// scoreCorpus scores the bundled testdata corpus into a results file and
// returns its path.
func scoreCorpus(t testing.TB) string {
	t.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	an := pipeline.NewAnalyzer(lex, pipeline.DefaultLabels)
	path := filepath.Join(t.TempDir(), "results.parquet")
	sink, err := results.NewParquetSink[results.Result](path, results.NewMetadata(an.Lexicon(), an.LabelSettings(), "test", "leadlex score testdata/corpus", "2026-01-01T00:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := pipeline.Run(ctx, corpus.Walk(ctx, []string{"../testdata/corpus"}, corpus.Options{}), an, sink, pipeline.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// row makes a scored result with the given hits in two dimensions.
func row(id string, lead, mgmt float64, words int32, label string) *results.Result {
	r := &results.Result{DocID: id, Status: results.StatusOK, Words: words, Sentences: 2, Bytes: int64(words) * 6,
		Hits: results.Hits{LeadershipHits: lead, ManagementHits: mgmt}, Label: label,
		Dimensions: []results.DimensionScore{{Name: "vision", Leadership: lead}, {Name: "risk", Management: mgmt}}}
	if lead+mgmt > 0 {
		b := (lead - mgmt) / (lead + mgmt)
		r.Balance = &b
	}
	if lead > 0 {
		r.TopTerms = append(r.TopTerms, results.TermCount{Term: "inspire", Pole: "leadership", Dimension: "vision", Count: int32(lead)})
	}
	if mgmt > 0 {
		r.TopTerms = append(r.TopTerms, results.TermCount{Term: "budget", Pole: "management", Dimension: "risk", Count: int32(mgmt)})
	}
	return r
}

func rowsOf(rs ...*results.Result) iter.Seq2[*results.Result, error] {
	return func(yield func(*results.Result, error) bool) {
		for _, r := range rs {
			if !yield(r, nil) {
				return
			}
		}
	}
}

func sampleRows() []*results.Result {
	skipped := &results.Result{DocID: "bad/empty.txt", Status: results.StatusSkipped, Bytes: 0}
	return []*results.Result{
		row("jobs/engineering/a.md", 8, 0, 400, "leadership"),
		row("jobs/engineering/b.md", 3, 1, 200, "leadership"),
		row("jobs/sales/c.md", 1, 9, 500, "management"),
		row("jobs/sales/d.md", 0, 0, 100, "none"),
		row("memos/e.txt", 5, 5, 300, "balanced"),
		row("top.txt", 0, 2, 100, "management"),
		skipped,
	}
}

func TestGatherTotals(t *testing.T) {
	rep, err := Gather(rowsOf(sampleRows()...), map[string]string{results.MetaLabels: "min_hits=2 margin=0.3 top_terms=10"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := rep.All
	if len(rep.Groups) != 1 || rep.Groups[0] != a {
		t.Fatalf("ungrouped report has groups %v", rep.Groups)
	}
	if a.Documents != 7 || a.Scored() != 6 || a.Status["skipped"] != 1 || a.Words != 1600 || a.Sentences != 12 {
		t.Errorf("totals %+v", a)
	}
	if a.Leadership != 17 || a.Management != 17 || a.Per1k(a.Leadership) != 17*1000/1600.0 {
		t.Errorf("hits L %v M %v", a.Leadership, a.Management)
	}
	if a.Labels["leadership"] != 2 || a.Labels["management"] != 2 || a.Labels["balanced"] != 1 || a.Labels["none"] != 1 {
		t.Errorf("labels %v", a.Labels)
	}
	// Balances 1, 0.5, -0.8, 0, -1; one scored row without hits.
	want := [BalanceBins]int{}
	want[19], want[15], want[2], want[10], want[0] = 1, 1, 1, 1, 1
	if a.Balance != want || a.NoHits != 1 {
		t.Errorf("balance bins %v (no hits %d), want %v", a.Balance, a.NoHits, want)
	}
	if rep.Margin != 0.3 || strings.Join(rep.Dimensions, ",") != "vision,risk" {
		t.Errorf("margin %v dimensions %v", rep.Margin, rep.Dimensions)
	}
	if a.Dims[0] != (DimTotal{17, 0}) || a.Dims[1] != (DimTotal{0, 17}) {
		t.Errorf("dims %+v", a.Dims)
	}
	if got := a.TopTerms("leadership", 5); len(got) != 1 || got[0].Count != 17 || got[0].Term.Term != "inspire" {
		t.Errorf("top leadership terms %+v", got)
	}
	// Ranked by smoothed share: a (9/10) before b (4/6); c (2/12) before top (1/4).
	ids := func(l []DocFigures) string {
		var s []string
		for _, d := range l {
			s = append(s, d.DocID)
		}
		return strings.Join(s, " ")
	}
	if got := ids(rep.Leadership); got != "jobs/engineering/a.md jobs/engineering/b.md" {
		t.Errorf("leadership list %s", got)
	}
	if got := ids(rep.Management); got != "jobs/sales/c.md top.txt" {
		t.Errorf("management list %s", got)
	}
}

func TestGatherTopLimit(t *testing.T) {
	var rs []*results.Result
	for i := range 50 {
		rs = append(rs, row(fmt.Sprintf("d%02d", i), float64(i+1), 1, 100, "leadership"))
	}
	rep, err := Gather(rowsOf(rs...), nil, Options{Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Leadership) != 5 || rep.Leadership[0].DocID != "d49" || rep.Leadership[4].DocID != "d45" {
		t.Errorf("top 5: %+v", rep.Leadership)
	}
	rep, _ = Gather(rowsOf(rs...), nil, Options{})
	if len(rep.Leadership) != 20 {
		t.Errorf("default list length %d, want 20", len(rep.Leadership))
	}
}

func TestGrouping(t *testing.T) {
	names := func(by string) string {
		rep, err := Gather(rowsOf(sampleRows()...), nil, Options{By: by})
		if err != nil {
			return "error: " + err.Error()
		}
		var s []string
		for _, g := range rep.Groups {
			s = append(s, fmt.Sprintf("%s=%d", g.Name, g.Documents))
		}
		return strings.Join(s, " ")
	}
	tests := []struct{ by, want string }{
		{"folder", "(top level)=1 bad=1 jobs/engineering=2 jobs/sales=2 memos=1"},
		{"folder:1", "(top level)=1 bad=1 jobs=4 memos=1"},
		{"folder:2", "(top level)=1 bad=1 jobs/engineering=2 jobs/sales=2 memos=1"},
		{"label", "(empty)=1 balanced=1 leadership=2 management=2 none=1"},
		{"status", "ok=6 skipped=1"},
		{"error", "(null)=7"},
		{"words", "0=1 100=2 200=1 300=1 400=1 500=1"},
		{"folder:0", "error: By folder:0: want folder:N with N a depth of 1 or more, e.g. folder:2 for jobs/sales"},
		{"balance", "error: By balance: cannot group by a column of numbers or lists; group by folder, folder:N or one of doc_id, path, format, bytes, words, sentences, label, status, error, scored_words"},
		{"negated_hits", "error: By negated_hits: cannot group by a column of numbers or lists; group by folder, folder:N or one of doc_id, path, format, bytes, words, sentences, label, status, error, scored_words"},
		{"colour", "error: By colour: no such column; group by folder, folder:N or one of doc_id, path, format, bytes, words, sentences, label, status, error, scored_words"},
	}
	for _, tc := range tests {
		if got := names(tc.by); got != tc.want {
			t.Errorf("--by %s:\n got %s\nwant %s", tc.by, got, tc.want)
		}
	}
}

func TestGroupingLimits(t *testing.T) {
	var rs []*results.Result
	for i := range 30 {
		for range i + 1 { // group gNN holds NN+1 documents
			rs = append(rs, row(fmt.Sprintf("g%02d/doc.txt", i), 1, 1, 10, "balanced"))
		}
	}
	rep, err := Gather(rowsOf(rs...), nil, Options{By: "folder"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Groups) != ShownGroups {
		t.Fatalf("%d groups shown, want %d", len(rep.Groups), ShownGroups)
	}
	// The 11 largest (g19..g29) by name, then the other 19 merged.
	other := rep.Groups[ShownGroups-1]
	if rep.Groups[0].Name != "g19" || other.Name != "other (19 groups)" || other.Documents != 19*20/2 || other.Leadership != 190 {
		t.Errorf("first %s, last %s with %d documents", rep.Groups[0].Name, other.Name, other.Documents)
	}
	total := 0
	for _, g := range rep.Groups {
		total += g.Documents
	}
	if total != len(rs) {
		t.Errorf("groups hold %d documents, want %d", total, len(rs))
	}

	var many []*results.Result
	for i := range MaxGroups + 1 {
		many = append(many, row(fmt.Sprintf("d%d", i), 1, 0, 10, "none"))
	}
	if _, err := Gather(rowsOf(many...), nil, Options{By: "doc_id"}); err == nil || !strings.Contains(err.Error(), "more than 1000 groups") {
		t.Errorf("err %v", err)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.parquet")
	os.WriteFile(text, []byte("not parquet at all"), 0o644)
	noMeta := filepath.Join(dir, "nometa.parquet")
	sink, _ := results.NewParquetSink[results.Result](noMeta, results.Metadata{})
	sink.Write(row("a", 1, 0, 10, "none"))
	sink.Close()
	sentences := filepath.Join(dir, "sentences.parquet")
	ssink, _ := results.NewParquetSink[results.SentenceRow](sentences, results.Metadata{results.MetaSchemaVersion: results.SchemaVersion})
	ssink.Write(&results.SentenceRow{DocID: "a"})
	ssink.Close()
	future := filepath.Join(dir, "future.parquet")
	fsink, _ := results.NewParquetSink[results.Result](future, results.Metadata{results.MetaSchemaVersion: "99"})
	fsink.Close()
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "missing.parquet"), "no such file"},
		{text, "not a Parquet file"},
		{noMeta, "not a leadlex results file"},
		{sentences, "not a results file (no balance column; a sentences file?)"},
		{future, "schema version 99, this leadlex reads version " + results.SchemaVersion},
	}
	for _, tc := range tests {
		if _, err := Read(tc.path, Options{}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Read(%s): %v, want %q", filepath.Base(tc.path), err, tc.want)
		}
	}
}

// TestHTML checks the page of the bundled corpus: every section and chart
// is there, the metadata is shown, names are escaped, and nothing is
// fetched from elsewhere.
func TestHTML(t *testing.T) {
	path := scoreCorpus(t)
	for _, by := range []string{"", "folder:2"} {
		t.Run("by="+by, func(t *testing.T) {
			rep, err := Read(path, Options{By: by})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := rep.WriteHTML(&buf); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			groups := len(rep.Groups)
			charts := map[string]int{"labels": 1, "balance": groups, "dimensions": 1, "terms": 2 * groups}
			for kind, n := range charts {
				if got := strings.Count(page, `data-chart="`+kind+`"`); got != n {
					t.Errorf("%d %s charts, want %d", got, kind, n)
				}
			}
			for _, want := range []string{
				"<title>leadlex report: results.parquet</title>",
				rep.Meta[results.MetaLexiconHash], "leadlex-default " + rep.Meta[results.MetaLexiconVersion],
				`id="corpus"`, `id="labels"`, `id="balance"`, `id="dimensions"`, `id="terms"`, `id="leaning"`,
				"The 20 most leadership-leaning documents", "The 20 most management-leaning documents",
				"jobs/engineering/head_of_platform_engineering.md",
			} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if by != "" && (!strings.Contains(page, ">jobs/engineering<") || !strings.Contains(page, ">jobs/finance<")) {
				t.Error("grouped page lacks the jobs/engineering and jobs/finance groups")
			}
			// Self-contained: no scripts, links, images, imports or URLs.
			if m := regexp.MustCompile(`(?i)<script|<link|<img|<iframe|@import|url\(|https?://|src=`).FindString(page); m != "" {
				t.Errorf("page refers outside itself: %q", m)
			}
			// Bars were drawn: rectangles with a width.
			if n := len(regexp.MustCompile(`<rect x="[0-9.]+" y="[0-9.]+" width="[1-9]`).FindAllString(page, -1)); n < 50 {
				t.Errorf("only %d bars drawn", n)
			}
		})
	}
}

func TestHTMLEscapes(t *testing.T) {
	evil := row(`memos/<script>alert(1)</script>.md`, 4, 0, 100, "leadership")
	rep, err := Gather(rowsOf(evil), map[string]string{results.MetaLexiconName: `<b>lex</b>`}, Options{By: "folder"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>") || strings.Contains(buf.String(), "<b>lex</b>") {
		t.Error("document or lexicon names are not escaped")
	}
	if !strings.Contains(buf.String(), "&lt;script&gt;alert(1)&lt;/script&gt;.md") {
		t.Error("escaped document name missing")
	}
}

func TestExcludedSummaryAndPer1k(t *testing.T) {
	g := &Group{Words: 1000, ScoredWords: 800, Excluded: map[string]int64{"benefits": 150, "how_to_apply": 50, "role": 0}}
	if got, want := g.ExcludedSummary(), "benefits 150 words (15.0 %), how_to_apply 50 words (5.0 %)"; got != want {
		t.Errorf("ExcludedSummary() = %q, want %q", got, want)
	}
	if got := g.Per1k(8); got != 10 {
		t.Errorf("Per1k(8) over 800 scored words = %v, want 10", got)
	}
	if (&Group{Excluded: map[string]int64{}}).ExcludedSummary() != "" {
		t.Error("nothing excluded should say nothing")
	}
}
