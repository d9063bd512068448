package check

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/pipeline"
)

// TestPositionsPointAtMatches reads every file under testdata/check as
// `leadlex check` does and asserts that each finding's line:col, and the
// place of each hit of the default lexicon, is where the matched words
// stand in the file: the file's letters and digits from there read as the
// match's.
func TestPositionsPointAtMatches(t *testing.T) {
	c := newChecker(t, sampleDir, flagPolicy)
	sc := pipeline.NewScorer(defaultAnalyzer)
	files, hits, findings := 0, 0, 0
	err := filepath.WalkDir(sampleDir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		for _, d := range corpus.ReadFile(path, corpus.Options{Positions: true}) {
			if d.Status != corpus.OK || d.Positions == nil {
				continue
			}
			files++
			src := d.Positions.Source()
			for _, h := range sc.Analyze(d.Text).Hits {
				hits++
				p := d.Positions.At(h.Start)
				assertAt(t, path, src, p, d.Text[h.Start:h.End])
			}
			for _, f := range c.Check(d).Findings {
				if f.Match != "" {
					findings++
					assertAt(t, path, src, Position{Line: f.Line, Column: f.Column}, f.Match)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files, %d hits, %d findings", files, hits, findings)
	if files < 5 || hits < 50 || findings < 3 {
		t.Errorf("checked %d files, %d hits, %d findings: want the sample's", files, hits, findings)
	}
}

// assertAt asserts that the letters and digits of src from line:col p on
// begin with those of match, in any case.
func assertAt(t *testing.T, path, src string, p Position, match string) {
	t.Helper()
	off, ok := offsetOf(src, p)
	if !ok {
		t.Errorf("%s:%d:%d: no such place for %q", path, p.Line, p.Column, match)
		return
	}
	want := lettersOf(match)
	if got := lettersOf(src[off:min(len(src), off+4*len(match)+64)]); !strings.HasPrefix(strings.ToLower(got), strings.ToLower(want)) {
		t.Errorf("%s:%d:%d: %q, want %q", path, p.Line, p.Column, src[off:min(len(src), off+len(match))], match)
	}
}

// offsetOf turns a 1-based line and column (in characters) back into a
// byte offset of src, counting lines as editors do.
func offsetOf(src string, p Position) (int, bool) {
	off := 0
	for line := 1; line < p.Line; line++ {
		i := strings.IndexAny(src[off:], "\r\n")
		if i < 0 {
			return 0, false
		}
		off += i + 1
		if src[off-1] == '\r' && off < len(src) && src[off] == '\n' {
			off++
		}
	}
	for col := 1; col < p.Column; col++ {
		if off >= len(src) {
			return 0, false
		}
		_, n := utf8.DecodeRuneInString(src[off:])
		off += n
	}
	return off, true
}

func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
