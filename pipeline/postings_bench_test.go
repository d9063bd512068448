package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/leadlex/leadlex/internal/postings"
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
