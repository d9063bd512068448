package explain

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path"

	"github.com/leadlex/leadlex/lexicon"
)

//go:embed page.html.tmpl
var pageTemplate string

var page = template.Must(template.New("page").Parse(pageTemplate))

// PageInfo names what the page was made with.
type PageInfo struct {
	Lexicon string // name and version
	Version string // leadlex's version
}

// NewPageInfo is the page header for a lexicon (its name and version) and
// the version of leadlex that wrote the page.
func NewPageInfo(lex *lexicon.Lexicon, version string) PageInfo {
	return PageInfo{Lexicon: lex.Name + " " + lex.Version, Version: version}
}

// WriteHTML writes one self-contained page for the documents: inline CSS
// and SVG, no scripts, fonts or images to fetch. Every hit is highlighted
// by pole with hover text naming its dimension and provenance; a bar chart
// and a table show the hits per dimension. All text is HTML-escaped by
// html/template.
func WriteHTML(w io.Writer, docs []*Document, info PageInfo) error {
	view := pageView{Lexicon: info.Lexicon, Version: info.Version}
	for _, d := range docs {
		view.Docs = append(view.Docs, newDocView(d))
	}
	switch len(docs) {
	case 0:
		view.Title = "no documents"
	case 1:
		view.Title = path.Base(docs[0].ID)
	default:
		view.Title = fmt.Sprintf("%d documents", len(docs))
	}
	return page.Execute(w, view)
}

type pageView struct {
	Title, Lexicon, Version string
	Docs                    []docView
}

type docView struct {
	ID, Label, Confidence, Balance string
	Words                          int32
	Lead, Mgmt, LeadPer1k          string
	MgmtPer1k, Negated             string
	Spans                          []spanView
	Chart                          chart
	Dimensions                     []dimView
}

type spanView struct {
	Text, Class, Title string
	Hit                bool
	Section            string // boilerplate kind; "" for the role's wording
}

type dimView struct {
	Name                   string
	Leadership, Management float64
	Terms                  string
}

// chart is a diverging bar chart: management to the left of the axis,
// leadership to the right, one row per dimension.
type chart struct {
	Width, Height, Axis, LabelX, BarH int
	Bars                              []bar
}

type bar struct {
	Name                 string
	Y, TextY             int
	MgmtX, MgmtW, LeadW  int
	MgmtLabel, LeadLabel string
}

const (
	chartLabelW = 110 // room for dimension names
	chartHalf   = 230 // longest bar
	chartRow    = 24
	chartTop    = 22
)

func newDocView(d *Document) docView {
	r := d.Result
	v := docView{
		ID: d.ID, Label: r.Label, Confidence: fmt.Sprintf("%.2f", r.Confidence), Words: r.Words,
		Balance: "none (no hits)",
		Lead:    fmt.Sprintf("%.1f", r.LeadershipHits), LeadPer1k: fmt.Sprintf("%.1f", r.LeadershipPer1k),
		Mgmt: fmt.Sprintf("%.1f", r.ManagementHits), MgmtPer1k: fmt.Sprintf("%.1f", r.ManagementPer1k),
	}
	if r.Balance != nil {
		v.Balance = signed(*r.Balance)
	}
	if r.NegatedHits > 0 {
		v.Negated = fmt.Sprintf("%.1f", r.NegatedHits)
	}
	for _, s := range d.Spans {
		sv := spanView{Text: s.Text, Section: s.Section}
		if s.Hit != nil {
			sv.Hit = true
			sv.Class = "lead"
			if s.Hit.Pole == lexicon.Management {
				sv.Class = "mgmt"
			}
			if s.Hit.Negated {
				sv.Class += " negated"
			}
			if s.Hit.Neutral {
				sv.Class = "neutral"
			}
			sv.Title = s.Hit.Provenance()
			if s.Section != "" {
				sv.Title += " (in " + s.Section + " boilerplate: not counted)"
			}
		}
		v.Spans = append(v.Spans, sv)
	}
	scale := 0.0
	for _, dim := range d.Dimensions {
		scale = max(scale, dim.Leadership, dim.Management)
		terms := ""
		if len(dim.LeadershipTerms) > 0 {
			terms = "leadership: " + termList(dim.LeadershipTerms)
		}
		if len(dim.MgmtTerms) > 0 {
			if terms != "" {
				terms += " · "
			}
			terms += "management: " + termList(dim.MgmtTerms)
		}
		v.Dimensions = append(v.Dimensions, dimView{Name: dim.Name, Leadership: dim.Leadership, Management: dim.Management, Terms: terms})
	}
	c := chart{Width: chartLabelW + 2*chartHalf + 20, Axis: chartLabelW + chartHalf, LabelX: chartLabelW - 6, BarH: 16}
	c.Height = chartTop + chartRow*len(d.Dimensions) + 4
	for i, dim := range d.Dimensions {
		b := bar{Name: dim.Name, Y: chartTop + i*chartRow + 4, MgmtLabel: fmt.Sprintf("%.1f", dim.Management), LeadLabel: fmt.Sprintf("%.1f", dim.Leadership)}
		b.TextY = b.Y + 12
		if scale > 0 {
			b.MgmtW = int(dim.Management / scale * chartHalf)
			b.LeadW = int(dim.Leadership / scale * chartHalf)
		}
		b.MgmtX = c.Axis - b.MgmtW
		c.Bars = append(c.Bars, b)
	}
	v.Chart = c
	return v
}
