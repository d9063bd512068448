package lexicon_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// scoreAll scores every readable document of the bundled corpus.
func scoreAll(t *testing.T, lex *lexicon.Lexicon) []*results.Result {
	t.Helper()
	sc := pipeline.NewScorer(pipeline.NewAnalyzer(lex, pipeline.DefaultLabels))
	var out []*results.Result
	for d := range corpus.Walk(context.Background(), []string{"../testdata/corpus"}, corpus.Options{}) {
		out = append(out, sc.Score(context.Background(), d))
	}
	if len(out) < 20 {
		t.Fatalf("only %d documents", len(out))
	}
	return out
}

// TestExportReimportScoresTheSame writes lexicons as .dic (with the mapping
// beside it) and as YAML, loads them back the way --lexicon does, and
// checks every document of the corpus gets the same row.
func TestExportReimportScoresTheSame(t *testing.T) {
	sample, err := lexicon.Load("../testdata/lexicons/sample.dic")
	if err != nil {
		t.Fatal(err)
	}
	merged, err := lexicon.Load("default", "../testdata/lexicons/sample.dic")
	if err != nil {
		t.Fatal(err)
	}
	for name, lex := range map[string]*lexicon.Lexicon{"default": lexicon.Default(), "sample": sample, "default+sample": merged} {
		t.Run(name, func(t *testing.T) {
			want := scoreAll(t, lex)
			hits := 0.0
			for _, r := range want {
				hits += r.LeadershipHits + r.ManagementHits
			}
			if hits == 0 {
				t.Fatal("the lexicon hits nothing in the corpus; the comparison would prove nothing")
			}
			dir := t.TempDir()
			write := func(path string, fn func(*os.File) error) {
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := fn(f); err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
			dic := filepath.Join(dir, "out.dic")
			write(dic, func(f *os.File) error { return lexicon.WriteDic(f, lex) })
			write(lexicon.MapPath(dic), func(f *os.File) error { return lexicon.WriteDicMap(f, lex) })
			yml := filepath.Join(dir, "out.yaml")
			write(yml, func(f *os.File) error { return lexicon.WriteYAML(f, lex) })
			// A .dic cannot carry neutral entries (WriteDic leaves them out):
			// it scores as the lexicon without them.
			noNeutral := *lex
			noNeutral.Neutral = nil
			wantDic := scoreAll(t, &noNeutral)
			for _, path := range []string{dic, yml} {
				back, err := lexicon.Load(path)
				if err != nil {
					t.Fatal(err)
				}
				got := scoreAll(t, back)
				want := want
				if path == dic {
					want = wantDic
				}
				for i := range want {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("%s: %s scores differently:\n got %+v\nwant %+v", filepath.Base(path), want[i].DocID, got[i], want[i])
					}
				}
			}
		})
	}
}
