package report

import (
	"fmt"
	"math"

	"github.com/leadlex/leadlex/internal/humanize"
	"github.com/leadlex/leadlex/results"
)

// Chart is an SVG chart laid out in Go and drawn by the page template:
// only rectangles, lines and text, with classes the page's CSS colours.
type Chart struct {
	Kind  string // data-chart attribute: labels, balance, dimensions, terms
	Label string // aria-label: what the chart shows, for screen readers
	W, H  float64
	Rects []Rect
	Lines []Line
	Texts []Text
}

// Rect is a bar; Title is its tooltip.
type Rect struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

// Line is an axis, tick or guide.
type Line struct {
	X1, Y1, X2, Y2 float64
	Class          string
}

// Text is a label; Anchor is start, middle or end.
type Text struct {
	X, Y   float64
	Anchor string
	Class  string
	Text   string
}

// px rounds a coordinate to a tenth of a pixel, to keep the page small.
func px(x float64) float64 { return math.Round(x*10) / 10 }

func (c *Chart) rect(x, y, w, h float64, class, title string) {
	c.Rects = append(c.Rects, Rect{px(x), px(y), px(w), px(h), class, title})
}

func (c *Chart) line(x1, y1, x2, y2 float64, class string) {
	c.Lines = append(c.Lines, Line{px(x1), px(y1), px(x2), px(y2), class})
}

func (c *Chart) text(x, y float64, anchor, class, s string) {
	c.Texts = append(c.Texts, Text{px(x), px(y), anchor, class, s})
}

// labelOrder is the order of labels in charts and tables.
var labelOrder = []string{results.LabelLeadership, results.LabelBalanced, results.LabelManagement, results.LabelNone}

// labelClass is the CSS class of a label's colour.
func labelClass(l string) string {
	switch l {
	case results.LabelLeadership:
		return "lead"
	case results.LabelManagement:
		return "mgmt"
	case results.LabelBalanced:
		return "bal"
	}
	return "none"
}

// labelChart draws, per group, one bar split by the labels of its scored
// documents, as shares.
func labelChart(groups []*Group) Chart {
	const left, width, row = 190, 560, 30
	c := Chart{Kind: "labels", Label: "Documents by label, per group", W: left + width + 90, H: float64(len(groups)*row + 34)}
	x := float64(left)
	for _, l := range labelOrder { // legend
		c.rect(x, 4, 12, 12, labelClass(l), l)
		c.text(x+16, 14, "start", "small", l)
		x += 110
	}
	for i, g := range groups {
		y := float64(30 + i*row)
		c.text(left-8, y+15, "end", "", g.Name)
		n := g.Scored()
		c.text(left+width+8, y+15, "start", "small", fmt.Sprintf("n = %s", humanize.Thousands(int64(n))))
		if n == 0 {
			c.rect(left, y, width, 20, "empty", "no scored documents")
			continue
		}
		x := float64(left)
		for _, l := range labelOrder {
			k := g.Labels[l]
			if k == 0 {
				continue
			}
			w := width * float64(k) / float64(n)
			c.rect(x, y, w, 20, labelClass(l), fmt.Sprintf("%s: %s %s (%.0f%%)", g.Name, humanize.Thousands(int64(k)), l, 100*float64(k)/float64(n)))
			if w > 28 {
				c.text(x+w/2, y+14.5, "middle", "onbar "+labelClass(l), humanize.Thousands(int64(k)))
			}
			x += w
		}
	}
	return c
}

// balanceChart draws a histogram of balance for one group, as shares of
// its documents with hits; ymax (a share) is shared by all groups so their
// charts compare.
func balanceChart(g *Group, ymax, margin, width float64) Chart {
	const x0, y0, y1 = 44.0, 12.0, 162.0
	x1 := width - 16
	c := Chart{Kind: "balance", Label: "Histogram of balance for " + g.Name, W: width, H: 200}
	withHits := 0
	for _, n := range g.Balance {
		withHits += n
	}
	bw := (x1 - x0) / BalanceBins
	for i, n := range g.Balance {
		lo := -1 + 2*float64(i)/BalanceBins
		mid := lo + 1.0/BalanceBins
		class := "bal"
		switch {
		case mid >= margin:
			class = "lead"
		case mid <= -margin:
			class = "mgmt"
		}
		if n == 0 || ymax == 0 {
			continue
		}
		share := float64(n) / float64(withHits)
		h := (y1 - y0) * share / ymax
		c.rect(x0+float64(i)*bw+0.5, y1-h, bw-1, h, class,
			fmt.Sprintf("balance %.1f to %.1f: %s documents (%.0f%%)", lo, lo+2.0/BalanceBins, humanize.Thousands(int64(n)), 100*share))
	}
	c.line(x0, y1, x1, y1, "axis")
	c.line(x0, y0, x0, y1, "axis")
	for _, m := range []float64{-margin, margin} {
		x := x0 + (m+1)/2*(x1-x0)
		c.line(x, y0, x, y1, "guide")
	}
	for _, t := range []float64{-1, -0.5, 0, 0.5, 1} {
		x := x0 + (t+1)/2*(x1-x0)
		c.line(x, y1, x, y1+4, "axis")
		c.text(x, y1+16, "middle", "small", fmt.Sprintf("%g", t))
	}
	c.text(x0-4, y0+8, "end", "small", fmt.Sprintf("%.0f%%", 100*ymax))
	c.text(x0-4, y1, "end", "small", "0")
	c.text(x0, y1+32, "start", "small", "← management")
	c.text(x1, y1+32, "end", "small", "leadership →")
	c.text((x0+x1)/2, y1+32, "middle", "small", fmt.Sprintf("%s with hits", humanize.Thousands(int64(withHits))))
	return c
}

// balanceMax is the largest bin share over the groups, rounded up to a
// tenth, the shared y scale of the histograms.
func balanceMax(groups []*Group) float64 {
	m := 0.0
	for _, g := range groups {
		total := 0
		for _, n := range g.Balance {
			total += n
		}
		for _, n := range g.Balance {
			if total > 0 {
				m = max(m, float64(n)/float64(total))
			}
		}
	}
	return math.Ceil(m*10) / 10
}

// dimensionChart draws, per dimension and group, management hits per
// 1,000 words to the left of the axis and leadership to the right.
func dimensionChart(dims []string, groups []*Group) Chart {
	const left, half, row = 210.0, 300.0, 20.0
	const bar = half - 44 // room for the value beyond the longest bar
	cx := left + half
	multi := len(groups) > 1
	rows := len(dims)
	if multi {
		rows = len(dims) * (len(groups) + 1)
	}
	c := Chart{Kind: "dimensions", Label: "Hits per 1,000 words by dimension", W: cx + half + 10, H: 40 + float64(rows)*row + 10}
	scale := 0.0
	for _, g := range groups {
		for _, d := range g.Dims {
			scale = max(scale, g.Per1k(d.Leadership), g.Per1k(d.Management))
		}
	}
	if scale == 0 {
		scale = 1
	}
	c.text(cx-6, 14, "end", "small mgmt-text", "← management per 1,000 words")
	c.text(cx+6, 14, "start", "small lead-text", "leadership per 1,000 words →")
	y := 28.0
	for i, dim := range dims {
		if multi {
			c.text(8, y+14, "start", "strong", dim)
			y += row
		}
		for _, g := range groups {
			name := dim
			if multi {
				name = g.Name
			}
			var lead, mgmt float64
			if i < len(g.Dims) {
				lead, mgmt = g.Per1k(g.Dims[i].Leadership), g.Per1k(g.Dims[i].Management)
			}
			c.text(left-8, y+13, "end", map[bool]string{true: "small", false: ""}[multi], name)
			wl, wm := bar*lead/scale, bar*mgmt/scale
			c.rect(cx, y+3, wl, row-6, "lead", fmt.Sprintf("%s, %s: leadership %.2f per 1,000 words", g.Name, dim, lead))
			c.rect(cx-wm, y+3, wm, row-6, "mgmt", fmt.Sprintf("%s, %s: management %.2f per 1,000 words", g.Name, dim, mgmt))
			c.text(cx+wl+4, y+13, "start", "small", fmt.Sprintf("%.2f", lead))
			c.text(cx-wm-4, y+13, "end", "small", fmt.Sprintf("%.2f", mgmt))
			y += row
		}
	}
	c.line(cx, 22, cx, y, "axis")
	return c
}

// termsChart draws a pole's top terms as horizontal bars.
func termsChart(terms []TermTotal, pole, group string) Chart {
	const left, width, row = 150.0, 170.0, 18.0
	c := Chart{Kind: "terms", Label: fmt.Sprintf("Top %s terms, %s", pole, group), W: left + width + 50, H: float64(max(len(terms), 1))*row + 8}
	if len(terms) == 0 {
		c.text(left, 14, "start", "small", "no "+pole+" terms")
		return c
	}
	most := float64(terms[0].Count)
	for i, t := range terms {
		y := 4 + float64(i)*row
		w := width * float64(t.Count) / most
		c.text(left-6, y+11, "end", "small", t.Term.Term)
		c.rect(left, y+2, w, row-5, labelClass(pole), fmt.Sprintf("%s (%s): %s", t.Term.Term, t.Dimension, humanize.Thousands(t.Count)))
		c.text(left+w+4, y+11, "start", "small", humanize.Thousands(t.Count))
	}
	return c
}
