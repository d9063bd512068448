package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/leadlex/leadlex/corpus"
)

// Sink receives results in input order.
type Sink interface {
	Write(r *Result) error
}

// Options control a run.
type Options struct {
	// Workers is how many documents are scored at once; 0 means GOMAXPROCS.
	Workers int
	// OnResult, if set, is called after each result is written, in order.
	OnResult func(r *Result)
}

// Summary counts what a run did.
type Summary struct {
	Documents int            // results written
	ByStatus  map[string]int // ok / skipped / error
	ByLabel   map[string]int // labels of ok documents
	Bytes     int64          // input bytes of all documents
	Terms     []int64        // per lexicon entry: hits (not negated) over all documents scored
}

// Score scores one document. A document that was skipped or failed while
// reading becomes a row saying why; a stream that fails part-way becomes an
// error row. Docs with a Body are closed.
func (s *Scorer) Score(ctx context.Context, d corpus.Doc) *Result {
	defer d.Close()
	r := &Result{DocID: d.ID, Path: d.Path, Format: d.Format, Bytes: d.Bytes, Status: string(d.Status)}
	if d.Status != corpus.OK {
		r.Error = ptr(d.Reason)
		return r
	}
	if s.tally == nil {
		s.tally = NewTally(len(s.an.Lexicon().Entries))
	}
	t := s.tally
	t.Reset()
	chunk := &s.chunk // reused: its slices keep their capacity from document to document
	each := func(text string, base int, continued bool) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		chunk.Words, chunk.Sentences, chunk.Hits = 0, chunk.Sentences[:0], chunk.Hits[:0]
		s.analyzeChunk(text, base, false, chunk)
		t.Add(chunk)
		if continued && len(chunk.Sentences) > 0 {
			t.Sentences-- // the first sentence continues one already counted
		}
		return nil
	}
	var err error
	if d.Body != nil {
		err = forEachReaderChunk(d.Body, each)
	} else {
		forEachChunk(d.Text, func(text string, base int, continued bool) { err = errors.Join(err, each(text, base, continued)) })
	}
	if err != nil {
		r.Status, r.Error = StatusError, ptr(err.Error())
		return r
	}
	s.an.Fill(r, t)
	if s.totals == nil {
		s.totals = make([]int64, len(t.Counts))
	}
	for i, c := range t.Counts {
		s.totals[i] += int64(c)
	}
	return r
}

func ptr[T any](v T) *T { return &v }

// Run scores docs with a pool of workers and writes the results to sink in
// the order of docs. At most a few documents per worker are in flight, so
// memory does not grow with the corpus. A per-document problem is a row,
// not an error; Run returns an error only when the sink fails or ctx is
// cancelled, after all its goroutines have stopped.
func Run(ctx context.Context, docs iter.Seq[corpus.Doc], an *Analyzer, sink Sink, opt Options) (Summary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		doc corpus.Doc
	}
	type done struct {
		seq int
		res *Result
	}
	window := 4 * workers // documents in flight, read or being scored or waiting to be written
	slots := make(chan struct{}, window)
	jobs := make(chan job, workers)
	results := make(chan done, window)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // producer: reads documents in order
		defer wg.Done()
		defer close(jobs)
		seq := 0
		for d := range docs {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				d.Close()
				return
			}
			jobs <- job{seq, d}
			seq++
		}
	}()
	sum := Summary{ByStatus: map[string]int{}, ByLabel: map[string]int{}, Terms: make([]int64, len(an.Lexicon().Entries))}
	var mu sync.Mutex
	var workersWG sync.WaitGroup
	for range workers {
		workersWG.Add(1)
		go func() {
			defer workersWG.Done()
			sc := NewScorer(an)
			for j := range jobs {
				if ctx.Err() != nil {
					j.doc.Close()
					results <- done{j.seq, nil}
					continue
				}
				results <- done{j.seq, sc.Score(ctx, j.doc)}
			}
			mu.Lock()
			for i, c := range sc.totals {
				sum.Terms[i] += c
			}
			mu.Unlock()
		}()
	}
	go func() {
		workersWG.Wait()
		close(results)
	}()

	pending := map[int]*Result{}
	next := 0
	var failed error
	for d := range results {
		pending[d.seq] = d.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if r == nil || failed != nil || ctx.Err() != nil {
				continue
			}
			if err := sink.Write(r); err != nil {
				failed = fmt.Errorf("write results: %w", err)
				cancel()
				continue
			}
			sum.add(r)
			if opt.OnResult != nil {
				opt.OnResult(r)
			}
		}
	}
	wg.Wait()
	if failed != nil {
		return sum, failed
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	return sum, nil
}

func (s *Summary) add(r *Result) {
	s.Documents++
	s.Bytes += r.Bytes
	s.ByStatus[r.Status]++
	if r.Status == StatusOK {
		s.ByLabel[r.Label]++
	}
}
