package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/corpusgen"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/results"
)

// benchDocs is the size of the generated benchmark corpus: about 24 MB in
// documents of 200 bytes to 20 KB; large enough that a worker's start
// (its memory of runs of text is empty) weighs little, as in real runs.
const benchDocs = 5000

var (
	benchOnce   sync.Once
	benchDir    string
	benchTexts  []string
	benchBytes  int64
	benchDirErr error
)

// benchCorpus generates the benchmark corpus once, in memory and on disk.
func benchCorpus(b *testing.B) (dir string, texts []string, bytes int64) {
	benchOnce.Do(func() {
		benchDir, benchDirErr = os.MkdirTemp("", "leadlex-bench-")
		g := corpusgen.New(corpusgen.Options{Seed: 7})
		for range benchDocs {
			d := g.Next()
			benchTexts = append(benchTexts, d.Text)
			benchBytes += int64(len(d.Text))
			p := filepath.Join(benchDir, filepath.FromSlash(d.Name))
			if benchDirErr == nil {
				benchDirErr = os.MkdirAll(filepath.Dir(p), 0o755)
			}
			if benchDirErr == nil {
				benchDirErr = os.WriteFile(p, []byte(d.Text), 0o644)
			}
		}
	})
	if benchDirErr != nil {
		b.Fatal(benchDirErr)
	}
	return benchDir, benchTexts, benchBytes
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	if postingsDir != "" {
		os.RemoveAll(postingsDir)
	}
	os.Exit(code)
}

// counters are what a benchmark reads before and after its loop.
type counters struct {
	mallocs, bytes uint64
	cpu            time.Duration // user + system CPU time of the whole process
	proseRuns      int64         // runs of text tokenized by prose (proseRuns)
}

func readCounters() counters {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return counters{ms.Mallocs, ms.TotalAlloc, time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), proseRuns.Load()}
}

// report adds docs/s, allocations and bytes allocated per document and process CPU time per
// document (all goroutines, the garbage collector included; less sensitive
// than wall time to other load on the machine) to a benchmark whose every
// iteration processes the whole corpus.
func report(b *testing.B, docs int, start counters) {
	end := readCounters()
	n := float64(docs * b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(end.mallocs-start.mallocs)/n, "allocs/doc")
	b.ReportMetric(float64(end.bytes-start.bytes)/n, "B/doc")
	b.ReportMetric(float64((end.cpu-start.cpu).Microseconds())/n, "cpu-µs/doc")
	b.ReportMetric(float64(end.proseRuns-start.proseRuns)/n, "prose-runs/doc")
}

// BenchmarkTokenizer is prose's tokenizer alone, with tagging,
// segmentation and extraction off: the floor the pipeline cannot beat.
func BenchmarkTokenizer(b *testing.B) {
	_, texts, size := benchCorpus(b)
	b.SetBytes(size)
	start := readCounters()
	b.ResetTimer()
	for range b.N {
		for _, text := range texts {
			doc, err := prose.NewDocument(text, proseOptions...)
			if err != nil {
				b.Fatal(err)
			}
			_ = doc.Tokens()
		}
	}
	report(b, len(texts), start)
}

// BenchmarkPipeline is the whole of `leadlex score`: walk and read the
// files, tokenize, split sentences, stem, match, score and write Parquet.
// With one worker, the walking and reading goroutine, the ordered writer
// and the garbage collector still run beside it on the other cores; the
// "cores=1" case limits the whole process to one core (GOMAXPROCS=1), the
// honest base for how the pool scales with cores. The "sentences" case also
// writes the sentences file (--sentences).
func BenchmarkPipeline(b *testing.B) {
	dir, texts, size := benchCorpus(b)
	benchPipeline(b, dir, len(texts), size, true)
}

// benchPipeline runs leadlex score's pipeline over the files of dir (docs
// documents, size bytes) with one worker, with a worker per core, with one
// worker on one core and, with sentences, writing the sentences file too.
func benchPipeline(b *testing.B, dir string, docs int, size int64, sentences bool) {
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	all := runtime.GOMAXPROCS(0)
	cases := []struct {
		name           string
		workers, cores int
		sentences      bool
	}{
		{"workers=1", 1, all, false},
		{"workers=" + strconv.Itoa(all), all, all, false},
		{"workers=1,cores=1", 1, 1, false},
	}
	if sentences {
		cases = append(cases, struct {
			name           string
			workers, cores int
			sentences      bool
		}{"workers=" + strconv.Itoa(all) + "/sentences", all, all, true})
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(c.cores))
			out := filepath.Join(b.TempDir(), "results.parquet")
			b.SetBytes(size)
			start := readCounters()
			b.ResetTimer()
			for range b.N {
				sink := openSink[results.Result](b, out)
				opt := Options{Workers: c.workers}
				var ssink *results.FileSink[results.SentenceRow]
				if c.sentences {
					ssink = openSink[results.SentenceRow](b, out+".sentences")
					opt.Sentences = ssink
				}
				walked := corpus.Walk(context.Background(), []string{dir}, corpus.Options{DeferExtract: true}) // as leadlex score
				sum, err := Run(context.Background(), walked, an, sink, opt)
				if err != nil || sum.ByStatus[results.StatusOK] != docs {
					b.Fatalf("run: %v, %v", err, sum.ByStatus)
				}
				if err := sink.Close(); err != nil {
					b.Fatal(err)
				}
				if ssink != nil {
					if err := ssink.Close(); err != nil {
						b.Fatal(err)
					}
				}
			}
			report(b, docs, start)
		})
	}
}

// BenchmarkStartup is what every run does before the first document: load
// and compile the default lexicon, set up a worker and score a sentence
// (prose's first call included).
func BenchmarkStartup(b *testing.B) {
	for range b.N {
		lex, err := lexicon.Load()
		if err != nil {
			b.Fatal(err)
		}
		sc := NewScorer(NewAnalyzer(lex, DefaultLabels))
		if r := sc.Score(context.Background(), corpus.Doc{Status: corpus.OK, Text: "We set a bold vision."}); r.Words != 5 {
			b.Fatalf("%d words", r.Words)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/start")
}

// BenchmarkScore is one worker's scoring of in-memory texts, without
// reading or writing: where the pipeline's own time goes. Each pass starts
// with a new Scorer, as each run does, so the figures include warming up
// its memory of runs of text.
func BenchmarkScore(b *testing.B) {
	_, texts, size := benchCorpus(b)
	benchScore(b, texts, size)
}

// benchScore scores texts in memory with a new Scorer per pass.
func benchScore(b *testing.B, texts []string, size int64) {
	an := NewAnalyzer(lexicon.Default(), DefaultLabels)
	b.SetBytes(size)
	start := readCounters()
	b.ResetTimer()
	for range b.N {
		sc := NewScorer(an)
		for _, text := range texts {
			sc.Score(context.Background(), corpus.Doc{Status: corpus.OK, Text: text})
		}
	}
	report(b, len(texts), start)
}

// BenchmarkParquetSink is the writer alone: the rows of the benchmark
// corpus written to a Parquet file, as the ordered writer of Run does.
func BenchmarkParquetSink(b *testing.B) {
	_, texts, _ := benchCorpus(b)
	sc := NewScorer(NewAnalyzer(lexicon.Default(), DefaultLabels))
	rows := make([]*results.Result, len(texts))
	for i, text := range texts {
		rows[i] = sc.Score(context.Background(), corpus.Doc{ID: strconv.Itoa(i), Path: strconv.Itoa(i), Format: "txt", Status: corpus.OK, Text: text})
	}
	out := filepath.Join(b.TempDir(), "results.parquet")
	start := readCounters()
	b.ResetTimer()
	for range b.N {
		sink := openSink[results.Result](b, out)
		for _, r := range rows {
			if err := sink.Write(r); err != nil {
				b.Fatal(err)
			}
		}
		if err := sink.Close(); err != nil {
			b.Fatal(err)
		}
	}
	report(b, len(rows), start)
}

// openSink starts a results file for a benchmark.
func openSink[T any](b *testing.B, path string) *results.FileSink[T] {
	sink, err := results.NewParquetSink[T](path, results.Metadata{})
	if err != nil {
		b.Fatal(err)
	}
	return sink
}
