package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/postings"
	"github.com/leadlex/leadlex/lexicon"
)

var (
	postingsOnce  sync.Once
	postingsDir   string
	postingsTexts []string
	postingsBytes int64
	postingsErr   error
	postingsTSV   string
	postingsHere  bool
)

// postingsCorpus writes the real job postings of ../shared/data/jobs-dev.tsv
// (or $LEADLEX_JOBS_TSV) out as one file per posting, once, in a temporary
// folder; the benchmark is skipped when the file is absent.
func postingsCorpus(b *testing.B) (dir string, texts []string, bytes int64) {
	postingsOnce.Do(func() {
		postingsTSV, postingsHere = postings.TSV("..")
		if !postingsHere {
			return
		}
		var tmp string
		if tmp, postingsErr = os.MkdirTemp("", "leadlex-postings-"); postingsErr != nil {
			return
		}
		postingsDir = filepath.Join(tmp, "jobs")
		if _, _, postingsErr = postings.WriteFiles(postingsTSV, postingsDir); postingsErr != nil {
			return
		}
		postingsErr = filepath.WalkDir(postingsDir, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if strings.TrimSpace(string(b)) != "" {
				postingsTexts = append(postingsTexts, string(b))
				postingsBytes += int64(len(b))
			}
			return err
		})
		postingsDir = tmp // removed whole by TestMain
	})
	if !postingsHere {
		b.Skipf("%s is absent: no real-postings benchmark (set %s to its path)", postingsTSV, postings.EnvTSV)
	}
	if postingsErr != nil {
		b.Fatal(postingsErr)
	}
	return filepath.Join(postingsDir, "jobs"), postingsTexts, postingsBytes
}

// BenchmarkPostings is BenchmarkPipeline on real job postings, one file
// per posting (about 2.5 KB each): the per-file costs (walk, open, read,
// one result row, the ordered hand-off) weigh more than on the generated
// corpus.
func BenchmarkPostings(b *testing.B) {
	dir, texts, size := postingsCorpus(b)
	benchPipeline(b, dir, len(texts), size, false)
}

// BenchmarkPostingsScore is BenchmarkScore on the real postings: one
// worker's scoring of in-memory texts.
func BenchmarkPostingsScore(b *testing.B) {
	_, texts, size := postingsCorpus(b)
	benchScore(b, texts, size)
}

// BenchmarkPostingsScorers splits what a second worker costs on the real
// postings, without reading or writing: one scorer over the texts
// ("scorers=1"), two sharing them out as Run's workers do ("scorers=2":
// each warms its own memory of runs, so prose is asked about more runs per
// document, prose-runs/doc), and two that each score all of them
// ("scorers=2,each=all": as many prose runs per document as one scorer,
// with two threads busy at once). See docs/PERFORMANCE.md for what the
// three say.
func BenchmarkPostingsScorers(b *testing.B) {
	_, texts, size := postingsCorpus(b)
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	cases := []struct {
		name    string
		scorers int
		eachAll bool
	}{
		{"scorers=1", 1, false},
		{"scorers=2", 2, false},
		{"scorers=2,each=all", 2, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			docs, bytes := len(texts), size
			if c.eachAll {
				docs, bytes = docs*c.scorers, bytes*int64(c.scorers)
			}
			b.SetBytes(bytes)
			start := readCounters()
			b.ResetTimer()
			for range b.N {
				scoreConcurrently(an, texts, c.scorers, c.eachAll)
			}
			report(b, docs, start)
		})
	}
}

// scoreConcurrently scores texts with scorers goroutines, each with a new
// Scorer: sharing the texts out, or with eachAll each scoring all of them.
func scoreConcurrently(an *Analyzer, texts []string, scorers int, eachAll bool) {
	var shared atomic.Int64
	var wg sync.WaitGroup
	for range scorers {
		wg.Go(func() {
			sc := NewScorer(an)
			var own int64
			next := func() int64 {
				if eachAll {
					own++
					return own - 1
				}
				return shared.Add(1) - 1
			}
			for i := next(); i < int64(len(texts)); i = next() {
				sc.Score(context.Background(), corpus.Doc{Status: corpus.OK, Text: texts[i]})
			}
		})
	}
	wg.Wait()
}
