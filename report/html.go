package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/leadlex/leadlex/internal/humanize"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/results"
)

//go:embed page.html
var pageHTML string

// page is parsed once; its charts are inline SVG and its CSS inline, so
// the page fetches nothing.
var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"int":   func(n any) string { return humanize.Thousands(toInt64(n)) },
	"f1":    func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) },
	"f2":    func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) },
	"pct":   func(k, n int) string { return percent(k, n) },
	"class": labelClass,
	"size":  humanize.Bytes,
	"inc":   func(i int) int { return i + 1 },
	"docs":  func(list []DocFigures, grouped bool) docList { return docList{list, grouped} },
}).Parse(pageHTML))

// docList is a "most leaning" table's data.
type docList struct {
	List    []DocFigures
	Grouped bool
}

// view is what the page template reads.
type view struct {
	*Report
	Lexicon   string // name version
	Hash      string
	Grouped   bool
	Labels    []string
	LabelBars Chart
	Balance   []groupChart
	DimBars   Chart
	Terms     []termCharts
	Top       int
	// TermsPerDoc is --top-terms of the run, from the metadata.
	TermsPerDoc string
}

type groupChart struct {
	Group *Group
	Chart Chart
}

type termCharts struct {
	Group                  *Group
	Leadership, Management Chart
}

// termsShown is how many terms each pole's chart lists per group.
const termsShown = 12

// WriteHTML writes the report as one self-contained HTML page.
func (r *Report) WriteHTML(w io.Writer) error {
	v := view{
		Report:    r,
		Lexicon:   r.Meta[results.MetaLexiconName] + " " + r.Meta[results.MetaLexiconVersion],
		Hash:      r.Meta[results.MetaLexiconHash],
		Grouped:   r.By != "",
		Labels:    labelOrder,
		LabelBars: labelChart(r.Groups),
		DimBars:   dimensionChart(r.Dimensions, r.Groups),
		Top:       r.top,
	}
	for _, f := range strings.Fields(r.Meta[results.MetaLabels]) {
		if n, ok := strings.CutPrefix(f, "top_terms="); ok {
			v.TermsPerDoc = n
		}
	}
	ymax := balanceMax(r.Groups)
	for _, g := range r.Groups {
		width := 360.0
		if len(r.Groups) == 1 {
			width = 600
		}
		v.Balance = append(v.Balance, groupChart{g, balanceChart(g, ymax, r.Margin, width)})
		v.Terms = append(v.Terms, termCharts{
			Group:      g,
			Leadership: termsChart(g.TopTerms(lexicon.Leadership.String(), termsShown), lexicon.Leadership.String(), g.Name),
			Management: termsChart(g.TopTerms(lexicon.Management.String(), termsShown), lexicon.Management.String(), g.Name),
		})
	}
	if err := page.Execute(w, v); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func toInt64(n any) int64 {
	switch n := n.(type) {
	case int:
		return int64(n)
	case int32:
		return int64(n)
	case int64:
		return n
	}
	return 0
}

// percent renders k of n as a whole percentage, "–" when n is 0.
func percent(k, n int) string {
	if n == 0 {
		return "–"
	}
	return strconv.FormatFloat(100*float64(k)/float64(n), 'f', 0, 64) + "%"
}
