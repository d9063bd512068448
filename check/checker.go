package check

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/pool"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// Checker applies a policy to documents. Build it once with New; it is
// safe for concurrent use (each call makes or is given its own scorers).
type Checker struct {
	policy *Policy
	an     *pipeline.Analyzer // the lexicon documents are scored with
	flags  *pipeline.Analyzer // the policy's flagged terms as a lexicon; nil when there are none
	flagID []string           // per entry of the flags lexicon: its rule id
	starts flagStarts         // what a flagged term can begin with, to skip texts without any
}

// flagDimension is the one dimension of the lexicon compiled from flagged terms.
const flagDimension = "flagged"

// New checks the policy against the analyzer's lexicon (every required
// dimension must exist; flagged terms must be valid and distinct) and
// compiles its flagged terms. Errors name the policy file and line.
func New(p *Policy, an *pipeline.Analyzer) (*Checker, error) {
	lex := an.Lexicon()
	c := &Checker{policy: p, an: an}
	var all []Flag
	for _, rs := range p.ruleSets() {
		for _, t := range rs.Thresholds {
			if isPercentile(t.Metric) && an.Norms == nil {
				return nil, &PolicyError{File: p.File, Line: t.Line,
					Msg: fmt.Sprintf("thresholds.%s: percentiles need norms to compare with; pass --norms (job-posts, general or a norms file)", t.Metric)}
			}
		}
		for _, r := range rs.Requires {
			for _, d := range r.AnyOf {
				if _, i := lex.Dimension(d); i < 0 {
					names := make([]string, len(lex.Dimensions))
					for k, dim := range lex.Dimensions {
						names[k] = dim.Name
					}
					return nil, &PolicyError{File: p.File, Line: r.Line,
						Msg: fmt.Sprintf("require: unknown dimension %q; the lexicon has %s", d, strings.Join(names, ", "))}
				}
			}
		}
		all = append(all, rs.Flags...)
	}
	if len(all) == 0 {
		return c, nil
	}
	fl := &lexicon.Lexicon{
		Name:       "policy flags",
		Dimensions: []lexicon.Dimension{{Name: flagDimension}},
		Skip:       lex.Skip,
		Agents:     lex.Agents,
		Negation:   lex.Negation,
		Files:      []string{p.File},
	}
	for _, f := range all {
		fl.Entries = append(fl.Entries, lexicon.Entry{
			Term: f.Term, Dimension: flagDimension, Weight: 1, Exact: f.Exact,
			Source: p.File, File: p.File, Line: f.Line,
		})
		c.flagID = append(c.flagID, f.ID)
		c.starts.add(f.Term)
	}
	if err := fl.Validate(); err != nil {
		var le *lexicon.Error
		if errors.As(err, &le) {
			msg := strings.Replace(le.Msg, "entry ", "flagged term ", 1)
			return nil, &PolicyError{File: p.File, Line: le.Line, Msg: "flag: " + msg}
		}
		return nil, fmt.Errorf("%s: flag: %w", p.File, err)
	}
	c.flags = pipeline.NewAnalyzer(fl, an.Labels)
	return c, nil
}

// ruleSets returns the base rules and each override's rules.
func (p *Policy) ruleSets() []RuleSet {
	sets := []RuleSet{p.Rules}
	for _, o := range p.Overrides {
		sets = append(sets, RuleSet{Thresholds: o.Thresholds, Requires: o.Requires, Flags: o.Flags})
	}
	return sets
}

// Policy returns the policy the checker applies.
func (c *Checker) Policy() *Policy { return c.policy }

// Document is what checking one document found.
type Document struct {
	Path     string          // the file, as reached
	ID       string          // the document's id (path#N for records)
	Status   corpus.Status   // ok, skipped or error (unreadable: not checked)
	Reason   string          // why it was skipped or failed
	Result   *results.Result // its scores, when it was checked
	Findings []Finding       // sorted by position
}

// scorers are one goroutine's scorers: for the lexicon and for the flags,
// with a cache of which words can begin a flagged term.
type scorers struct {
	main, flags *pipeline.Scorer
	words       map[string]bool
}

func (c *Checker) newScorers() scorers {
	s := scorers{main: pipeline.NewScorer(c.an), words: map[string]bool{}}
	if c.flags != nil {
		s.flags = pipeline.NewScorer(c.flags)
	}
	return s
}

// Check checks one document. Findings point at lines and columns of the
// file when d was read with corpus.Options.Positions (Markdown and HTML
// need it: their text is extracted), else of d's text.
func (c *Checker) Check(d corpus.Doc) Document {
	return c.check(c.newScorers(), d)
}

func (c *Checker) check(sc scorers, d corpus.Doc) Document {
	d.Load()                   // with corpus.Options.DeferExtract, the file is read here, in the worker
	markup := d.Text           // and, not yet extracted, is Markdown or HTML as written, comments and all
	a := sc.main.AnalyzeDoc(d) // extracts, reads a stream whole, closes d
	r := a.Result
	out := Document{Path: d.Path, ID: d.ID, Status: corpus.Status(r.Status)}
	if r.Status != results.StatusOK {
		out.Reason = *r.Error
		return out
	}
	out.Result = r
	text := a.Text
	record := isRecord(d)
	rel := c.policy.Rel(d.Path)
	rules := c.policy.For(rel)

	file := filepath.ToSlash(d.Path)
	docLevel := Finding{File: file, Line: 1, Column: 1, EndLine: 1, EndColumn: 1}
	if record {
		docLevel.Document = d.ID
	}
	var fs []Finding
	if int(r.Words) >= rules.MinWords {
		for _, th := range rules.Thresholds {
			if f, ok := c.threshold(th, r); ok {
				fs = append(fs, withPlace(docLevel, f))
			}
		}
		for _, req := range rules.Requires {
			if f, ok := c.require(req, r); ok {
				fs = append(fs, withPlace(docLevel, f))
			}
		}
	}
	if c.flags != nil && len(rules.Flags) > 0 && c.starts.mayOccur(text, sc.words) {
		pos := a.Positions // from the extractor: offsets of the text back to the file
		if pos == nil && !record {
			pos = corpus.TextPositions(text)
		}
		for _, f := range c.flagFindings(sc.flags, rules.Flags, text) {
			f.File, f.Document = file, docLevel.Document
			if pos != nil {
				f.placeAt(pos.At(f.start), pos.End(f.end))
			} else {
				f.placeAt(Position{Line: 1, Column: 1}, Position{Line: 1, Column: 1})
			}
			fs = append(fs, f.Finding)
		}
	}
	if len(fs) > 0 && !record {
		fs = unsuppressed(fs, suppressionSource(d, markup, text), d.Format == "txt")
	}
	sortFindings(fs)
	key := rel
	if record {
		key = rel + strings.TrimPrefix(d.ID, strings.TrimSuffix(d.ID, recordSuffix(d.ID)))
	}
	fingerprint(fs, key)
	out.Findings = fs
	return out
}

// suppressionSource is the text whose comments can turn findings off: for
// Markdown and HTML the markup before extraction (comments do not survive
// it), read from the file when the Doc came extracted already; the text for
// everything else.
func suppressionSource(d corpus.Doc, markup, text string) string {
	if d.Format != "md" && d.Format != "html" {
		return text
	}
	if markup != text {
		return markup
	}
	raw, err := os.ReadFile(d.Path)
	if err != nil {
		return text
	}
	return string(raw)
}

// withPlace gives a document-level finding the place of base.
func withPlace(base, f Finding) Finding {
	f.File, f.Document = base.File, base.Document
	f.Line, f.Column, f.EndLine, f.EndColumn = base.Line, base.Column, base.EndLine, base.EndColumn
	return f
}

var recordRE = regexp.MustCompile(`#\d+$`)

func recordSuffix(id string) string { return recordRE.FindString(id) }

// isRecord reports whether the document is one record of a file that
// holds several (a line of .jsonl, a row of .csv): its id ends in #N and
// its file's name does not.
func isRecord(d corpus.Doc) bool {
	s := recordSuffix(d.ID)
	return s != "" && !strings.HasSuffix(filepath.ToSlash(d.Path), s)
}

// inFlightText bounds the text of the documents read and not yet checked
// (each is held whole), whatever the number of workers.
const inFlightText = 48 << 20

// Run checks docs with a pool of workers (0: GOMAXPROCS) and returns each
// document's outcome in the order of docs. Files matching the policy's
// exclude globs are passed over. Documents are read one at a time and only
// their findings and scores are kept, so memory does not grow with the
// size of the texts. Run stops early when ctx is done and returns its error.
func (c *Checker) Run(ctx context.Context, docs iter.Seq[corpus.Doc], workers int) ([]Document, error) {
	var out []Document
	err := pool.Ordered[corpus.Doc, scorers, chan Document]{
		Workers: workers,
		Slot:    func(corpus.Doc) chan Document { return make(chan Document, 1) },
		Weight:  func(d corpus.Doc) int64 { return int64(len(d.Text)) },
		Budget:  inFlightText,
		Worker:  c.newScorers,
		Work: func(ctx context.Context, sc scorers, d corpus.Doc, slot chan Document) {
			if ctx.Err() != nil {
				d.Close()
				slot <- Document{}
				return
			}
			slot <- c.check(sc, d)
		},
		Emit: func(slot chan Document) error {
			out = append(out, <-slot)
			return nil
		},
	}.Run(ctx, c.included(docs))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// included passes over (and closes) the documents the policy excludes.
func (c *Checker) included(docs iter.Seq[corpus.Doc]) iter.Seq[corpus.Doc] {
	return func(yield func(corpus.Doc) bool) {
		for d := range docs {
			if c.policy.Excluded(c.policy.Rel(d.Path)) {
				d.Close()
				continue
			}
			if !yield(d) {
				return
			}
		}
	}
}
