// Package sectionlabels reads the hand labels of boilerplate detection
// (sections/testdata/labels.tsv: references into jobs-dev.tsv, never its
// text) and classifies the labelled postings as the pipeline does, for the
// sections package's tests.
package sectionlabels

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/sections"
)

// TunedSplits are the splits of labels.tsv the cues were tuned on: dev,
// spent, heldout2, heldout3, heldout4 and heldout5 (each held out and
// measured once before it joined). A split not listed here stays held out.
var TunedSplits = []string{"dev", "spent", "heldout2", "heldout3", "heldout4", "heldout5"}

// Label is one hand-labelled span of a jobs-dev posting.
type Label struct {
	Posting    string // the posting's reference (PostingRef)
	Start, End int    // byte offsets in its text
	Kind       sections.Kind
	Split      string // dev, spent, heldout2, …
}

// Read reads a labels file: a header line, # comments, and rows of
// posting, start, end, kind and split separated by tabs.
func Read(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read labels: %w", err)
	}
	defer f.Close()
	var out []Label
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "posting\t") || line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 5", path, n, len(f))
		}
		start, err1 := strconv.Atoi(f[1])
		end, err2 := strconv.Atoi(f[2])
		kind, err3 := sections.ParseKind(f[3])
		if err1 != nil || err2 != nil || err3 != nil || start >= end || f[4] == "" {
			return nil, fmt.Errorf("%s:%d: bad row %q", path, n, line)
		}
		out = append(out, Label{f[0], start, end, kind, f[4]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read labels %s: %w", path, err)
	}
	return out, nil
}

// PostingRef is how the labels name a jobs-dev posting: its board and the
// id at the end of its source column ("nhs:916162067" for
// "stochastictalk/nhs_jobs_data:data/916162067.json@…#vacancy_id=916162067",
// "linkedin:3486250934" for "…postings_sample.csv@…#job_id=3486250934");
// the board is evaluate.JobPost.Board's.
func PostingRef(source string) string {
	p := evaluate.JobPost{Source: source}
	_, id, _ := strings.Cut(source[strings.LastIndexByte(source, '#')+1:], "=")
	return p.Board() + ":" + id
}

// Board names the job board of a posting reference.
func Board(posting string) string {
	b, _, _ := strings.Cut(posting, ":")
	return b
}

// Texts reads jobs-dev.tsv and returns each posting's text by its
// reference; it fails if two postings would share one.
func Texts(path string) (map[string]string, error) {
	posts, err := evaluate.ReadJobPosts(path)
	if err != nil {
		return nil, err
	}
	text := make(map[string]string, len(posts))
	for _, p := range posts {
		ref := PostingRef(p.Source)
		if _, twice := text[ref]; twice || strings.HasSuffix(ref, ":") {
			return nil, fmt.Errorf("%s: source %q does not give a reference of its own (%q)", path, p.Source, ref)
		}
		text[ref] = p.Text
	}
	return text, nil
}

// Posting is a posting's text split as the pipeline splits it.
type Posting struct {
	Text      string
	Tokens    []pipeline.Token
	Sentences []pipeline.Sentence
}

// Split tokenizes text and splits it into sentences.
func Split(text string) *Posting {
	toks := pipeline.Tokenize(nil, text)
	return &Posting{Text: text, Tokens: toks, Sentences: pipeline.Segment(nil, text, toks)}
}

// Kinds classifies the posting's sentences in order with tr (reset
// first), as the pipeline does, and returns the kind of each token.
func (p *Posting) Kinds(tr *sections.Tracker) []sections.Kind {
	tr.Reset()
	kinds := make([]sections.Kind, len(p.Tokens))
	var words []string
	var parts []sections.Part
	for k, s := range p.Sentences {
		if k > 0 && sections.BlankLine(p.Text[p.Sentences[k-1].End:s.Start]) {
			tr.Paragraph()
		}
		words = words[:0]
		for _, tk := range p.Tokens[s.First:s.Last] {
			words = append(words, tk.Text)
		}
		parts = tr.Sentence(parts[:0], words, nil)
		for _, pt := range parts {
			for i := pt.First; i < pt.Last; i++ {
				kinds[s.First+i] = pt.Kind
			}
		}
		n, kind := tr.Filled()
		for _, gap := range p.Sentences[max(0, k-n):k] {
			for i := gap.First; i < gap.Last; i++ {
				kinds[i] = kind
			}
		}
	}
	return kinds
}

// Predict returns the kind most of the words in text[start:end] got.
func (p *Posting) Predict(kinds []sections.Kind, start, end int) sections.Kind {
	var n [16]int
	for i, tk := range p.Tokens {
		if tk.Word && tk.Start >= start && tk.End <= end {
			n[kinds[i]]++
		}
	}
	best := sections.Role
	for k := range n {
		if n[k] > n[best] {
			best = sections.Kind(k)
		}
	}
	return best
}

// Confusion counts spans classified boilerplate (any kind but role) or
// role against their labels.
type Confusion struct{ TP, FP, FN, TN int }

// Add counts one span classified as got and labelled want.
func (c *Confusion) Add(got, want sections.Kind) {
	switch {
	case got.Boilerplate() && want.Boilerplate():
		c.TP++
	case got.Boilerplate():
		c.FP++
	case want.Boilerplate():
		c.FN++
	default:
		c.TN++
	}
}

// Precision is the share of spans classified boilerplate that are.
func (c Confusion) Precision() float64 { return float64(c.TP) / float64(max(1, c.TP+c.FP)) }

// Recall is the share of boilerplate spans classified so.
func (c Confusion) Recall() float64 { return float64(c.TP) / float64(max(1, c.TP+c.FN)) }
