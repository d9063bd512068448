package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// Load a lexicon, score a string: the one analysis gives the row `leadlex
// score` writes and every hit with its place in the text.
func Example() {
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	sc := pipeline.NewScorer(an) // one per goroutine
	a := sc.Analyze("You will coach the team and set a clear vision, not enforce compliance or track the budget.")
	fmt.Println(a.Result.Words, "words:", a.Result.Label)
	for _, h := range a.Hits {
		e := an.Lexicon().Entries[h.Entry]
		fmt.Printf("%q %s/%s negated=%v\n", a.Text[h.Start:h.End], e.Dimension, e.Pole, h.Negated)
	}
	// Output:
	// 17 words: balanced
	// "coach" people/leadership negated=false
	// "vision" vision/leadership negated=false
	// "enforce" culture/management negated=true
	// "compliance" risk/management negated=true
	// "track" people/management negated=false
	// "budget" alignment/management negated=false
}

// Score a folder into Parquet: read it with corpus, score it on a pool of
// workers and write one row per file, atomically.
func ExampleRun() {
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	out := filepath.Join(os.TempDir(), "leadlex-example.parquet")
	defer os.Remove(out)
	meta := results.NewMetadata(an.Lexicon(), an.LabelSettings(), "example", "example", "2026-01-01T00:00:00Z")
	sink, err := results.NewParquetSink[results.Result](out, meta)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	docs := corpus.Walk(ctx, []string{"../testdata/corpus"}, corpus.Options{DeferExtract: true})
	sum, err := pipeline.Run(ctx, docs, an, sink, pipeline.Options{Workers: 2})
	if err == nil {
		err = sink.Close() // commits the file; on an error, sink.Abort() leaves none
	} else {
		sink.Abort()
	}
	fmt.Println(sum.Documents, "documents,", sum.ByStatus["ok"], "scored, error:", err)
	// Output: 36 documents, 31 scored, error: <nil>
}
