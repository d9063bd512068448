// Package evaluate measures a lexicon against labelled texts (accuracy,
// macro-F1, coverage, a confusion matrix) and proposes lexicon entries from
// two labelled sets with the weighted log-odds ratio and an informative
// Dirichlet prior (Monroe, Colaresi and Quinn, 2008).
package evaluate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/leadlex/leadlex/corpus"
)

// Example is one labelled text and where it was read from.
type Example struct {
	Label  string // the gold label, lower case
	Text   string
	Source string // file the text came from
	Line   int    // line in a TSV file; 0 for a whole file
	Split  string // the row's "split" column (dev, heldout, …), lower case; "" without one
}

// Location returns "file:line" for a TSV row, or the file for a whole file.
func (e *Example) Location() string {
	if e.Line == 0 {
		return e.Source
	}
	return fmt.Sprintf("%s:%d", e.Source, e.Line)
}

// maxLine bounds one TSV row, text included.
const maxLine = 4 << 20

// ReadTSV reads a tab-separated file whose header names a "label" and a
// "text" column (other columns are ignored). Labels are lower-cased. Rows
// must have as many fields as the header; blank lines are skipped. Errors
// name the file and line.
func ReadTSV(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read labelled set: %w", err)
	}
	defer f.Close()
	return ParseTSV(path, f)
}

// ParseTSV reads labelled rows from r as ReadTSV does; name is used in errors.
// A "split" column, when the header has one, fills Example.Split.
func ParseTSV(name string, r io.Reader) ([]Example, error) {
	var cols tsvColumns
	var out []Example
	line, err := readLines(r, maxLine, func(line int, row string) error {
		if line == 1 {
			var err error
			cols, err = readTSVHeader(row)
			return err
		}
		if strings.TrimSpace(row) == "" {
			return nil
		}
		ex, err := cols.example(row)
		if err != nil {
			return err
		}
		ex.Source, ex.Line = name, line
		out = append(out, ex)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("%s: file is empty; expected a header with label and text columns", name)
	}
	return out, nil
}

// tsvColumns are where a labelled TSV file's header puts its columns; -1
// for a column it does not have.
type tsvColumns struct{ label, text, split, count int }

// readTSVHeader finds the label, text and split columns of a header line.
func readTSVHeader(row string) (tsvColumns, error) {
	row = strings.TrimPrefix(row, "\uFEFF")
	head := strings.Split(row, "\t")
	c := tsvColumns{label: -1, text: -1, split: -1, count: len(head)}
	for i, h := range head {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "label":
			c.label = i
		case "text":
			c.text = i
		case "split":
			c.split = i
		}
	}
	if c.label < 0 || c.text < 0 {
		return c, fmt.Errorf("header %q: expected tab-separated columns named label and text", row)
	}
	return c, nil
}

// example reads one row of the file.
func (c tsvColumns) example(row string) (Example, error) {
	f := strings.Split(row, "\t")
	if len(f) != c.count {
		return Example{}, fmt.Errorf("%d fields, expected %d as in the header (a tab inside a text?)", len(f), c.count)
	}
	ex := Example{Label: strings.ToLower(strings.TrimSpace(f[c.label])), Text: strings.TrimSpace(f[c.text])}
	if ex.Label == "" {
		return ex, errors.New("empty label")
	}
	if c.split >= 0 {
		ex.Split = strings.ToLower(strings.TrimSpace(f[c.split]))
	}
	return ex, nil
}

// FilterSplit keeps the examples of one split (case-insensitive). It fails
// when no example has a split column, so a misspelt file or flag is not
// mistaken for an empty split.
func FilterSplit(examples []Example, split string) ([]Example, error) {
	want := strings.ToLower(strings.TrimSpace(split))
	var out []Example
	seen := map[string]bool{}
	for _, e := range examples {
		seen[e.Split] = true
		if e.Split == want {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		names := make([]string, 0, len(seen))
		for s := range seen {
			if s != "" {
				names = append(names, s)
			}
		}
		slices.Sort(names)
		if len(names) == 0 {
			return nil, fmt.Errorf("split %q: the labelled set has no split column", split)
		}
		return nil, fmt.Errorf("split %q: no row has it; the set's splits are %s", split, strings.Join(names, ", "))
	}
	return out, nil
}

// ReadFolder reads every document under dir (as `leadlex score` would) as
// an example with the given label. Files that cannot be read are errors.
func ReadFolder(ctx context.Context, dir, label string) ([]Example, error) {
	var out []Example
	for d := range corpus.Walk(ctx, []string{dir}, corpus.Options{StreamAbove: -1}) {
		if d.Status == corpus.Skipped {
			continue
		}
		if d.Status != corpus.OK {
			return nil, fmt.Errorf("read %s: %s", d.Path, d.Reason)
		}
		out = append(out, Example{Label: label, Text: d.Text, Source: d.Path})
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no readable documents", dir)
	}
	return out, nil
}
