package check

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline is a set of known findings: a team writes it once with the
// findings it has, and later checks report only findings not in it.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`

	known map[string]bool
}

// BaselineEntry is one known finding. Only the fingerprint is compared;
// the other fields say, for a reviewer, what it was.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Document    string `json:"document,omitempty"`
	Match       string `json:"match,omitempty"`
}

// NewBaseline makes a baseline of the given findings, ordered by file,
// rule, match and fingerprint so that rewriting it gives a small diff.
func NewBaseline(fs []Finding) *Baseline {
	b := &Baseline{Version: BaselineVersion, Findings: make([]BaselineEntry, 0, len(fs))}
	for _, f := range fs {
		b.Findings = append(b.Findings, BaselineEntry{
			Fingerprint: f.Fingerprint, Rule: f.Rule, File: f.File, Document: f.Document, Match: f.Match,
		})
	}
	slices.SortFunc(b.Findings, func(x, y BaselineEntry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Document, y.Document),
			cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Match, y.Match), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	b.index()
	return b
}

func (b *Baseline) index() {
	b.known = make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		b.known[e.Fingerprint] = true
	}
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// ReadBaseline reads a baseline written by Write; name is used in errors.
func ReadBaseline(r io.Reader, name string) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: not a leadlex baseline: %w", name, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d; this leadlex reads version %d", name, b.Version, BaselineVersion)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: finding %d has no fingerprint", name, i+1)
		}
	}
	b.index()
	return &b, nil
}

// Contains reports whether the finding is in the baseline.
func (b *Baseline) Contains(f *Finding) bool { return b.known[f.Fingerprint] }

// Filter returns the findings not in the baseline and how many were.
func (b *Baseline) Filter(fs []Finding) (fresh []Finding, known int) {
	for _, f := range fs {
		if b.Contains(&f) {
			known++
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, known
}
