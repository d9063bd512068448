package pipeline

import (
	"context"
	"fmt"
	"iter"
	"sync"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/pool"
	"github.com/leadlex/leadlex/results"
)

// Sink receives results in input order.
type Sink interface {
	Write(r *results.Result) error
}

// SentenceSink receives sentence rows in batches: documents in input
// order, sentences in document order. A FileSink[results.SentenceRow] is one.
type SentenceSink interface {
	WriteBatch(rows []results.SentenceRow) error
}

// Options control a run.
type Options struct {
	// Workers is how many documents are scored at once; 0 means GOMAXPROCS.
	Workers int
	// OnResult, if set, is called after each result is written, in order.
	OnResult func(r *results.Result)
	// Sentences, if set, receives one row per sentence of every scored
	// document, written before that document's result.
	Sentences SentenceSink
}

// Summary counts what a run did.
type Summary struct {
	Documents    int            // results written
	ByStatus     map[string]int // ok / skipped / error
	ByLabel      map[string]int // labels of ok documents
	Bytes        int64          // input bytes of all documents
	SentenceRows int            // rows written to Options.Sentences
	Terms        []int64        // per lexicon entry: hits (not negated) over all documents scored
}

// Score scores one document. A document that was skipped or failed while
// reading becomes a row saying why; a stream that fails part-way becomes an
// error row. Docs with a Body are closed.
func (s *Scorer) Score(ctx context.Context, d corpus.Doc) *results.Result {
	return s.score(ctx, d, nil)
}

// ScoreSentences scores d as Score does and also passes its sentence rows to
// emit, in document order, in batches of a few hundred rows as the
// document's chunks are analysed, so a long document never holds all its
// rows at once. emit owns each batch it is given. An error from emit ends
// scoring with an error row. A document whose stream fails part-way has
// already emitted the rows of the part before the failure.
func (s *Scorer) ScoreSentences(ctx context.Context, d corpus.Doc, emit func([]results.SentenceRow) error) *results.Result {
	return s.score(ctx, d, emit)
}

func (s *Scorer) score(ctx context.Context, d corpus.Doc, emit func([]results.SentenceRow) error) *results.Result {
	defer d.Close()
	d.Extract() // read with corpus.Options.DeferExtract: markup is removed here, in the worker
	r := newRow(d)
	if r.Status != results.StatusOK {
		return r
	}
	if s.tally == nil {
		s.tally = newTally(len(s.an.Lexicon().Entries))
	}
	t := s.tally
	t.Reset()
	s.kinds.Reset()
	var rows *sentenceRows
	if emit != nil {
		rows = &s.rows
		rows.an = s.an
		rows.reset(d.ID, emit)
	}
	chunk := &s.chunk // reused: its slices keep their capacity from document to document
	each := func(text string, base int, continued bool) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		chunk.Words, chunk.Sentences, chunk.Hits = 0, chunk.Sentences[:0], chunk.Hits[:0]
		chunk.Boilerplate, chunk.Neutral = chunk.Boilerplate[:0], chunk.Neutral[:0]
		s.analyzeChunk(text, base, false, chunk)
		t.Add(chunk)
		if continued && len(chunk.Sentences) > 0 && t.Sentences > len(chunk.Sentences) {
			t.Sentences-- // the first sentence continues one already counted
		}
		if rows != nil {
			if err := rows.addChunk(text, base, continued, chunk); err != nil {
				return err
			}
		}
		return nil
	}
	var err error
	if d.Body != nil {
		err = forEachReaderChunk(d.Body, each)
	} else {
		forEachChunk(d.Text, func(text string, base int, continued bool) {
			if err == nil {
				err = each(text, base, continued)
			}
		})
	}
	if err == nil && rows != nil {
		err = rows.finish()
	}
	if err != nil {
		r.Status, r.Error = results.StatusError, ptr(err.Error())
		return r
	}
	s.an.fill(r, t)
	if s.totals == nil {
		s.totals = make([]int64, len(t.Counts))
	}
	for _, i := range t.Touched() {
		s.totals[i] += int64(t.Counts[i])
	}
	return r
}

// EntryCounts returns the words of the document the scorer scored last and
// its hits per lexicon entry (negated hits left out). The slice is reused
// by the next Score; callers copy what they keep.
func (s *Scorer) EntryCounts() (words int, counts []int32) {
	if s.tally == nil {
		return 0, nil
	}
	return s.tally.Words, s.tally.Counts
}

func ptr[T any](v T) *T { return &v }

// Run scores docs with a pool of workers and writes the results to sink in
// the order of docs; with opt.Sentences set, it writes each document's
// sentence rows there too, documents in input order and sentences in
// document order. At most a few documents per worker are in flight, and of
// each at most a few batches of sentence rows, so memory grows neither with
// the corpus nor with a document's length. A per-document problem is a row,
// not an error; Run returns an error only when a sink fails or ctx is
// cancelled, after all its goroutines have stopped.
func Run(ctx context.Context, docs iter.Seq[corpus.Doc], an *Analyzer, sink Sink, opt Options) (Summary, error) {
	sum := Summary{ByStatus: map[string]int{}, ByLabel: map[string]int{}, Terms: make([]int64, len(an.Lexicon().Entries))}
	var mu sync.Mutex
	free := make(chan *pending, 64) // slots written out, for reuse
	err := pool.Ordered[corpus.Doc, *Scorer, *pending]{
		Workers: opt.Workers,
		Slot: func(corpus.Doc) *pending {
			select {
			case p := <-free:
				return p
			default:
				return newPending(opt.Sentences != nil)
			}
		},
		Worker: func() *Scorer { return NewScorer(an) },
		Work:   scoreInto,
		Emit: func(p *pending) error {
			err := sum.write(ctx, p, sink, opt)
			if err == nil && p.rows == nil { // its result was taken: the slot is empty
				select {
				case free <- p:
				default:
				}
			}
			return err
		},
		Weight: textWeight,
		Budget: inFlightText,
		Done: func(sc *Scorer) {
			mu.Lock()
			defer mu.Unlock()
			for i, c := range sc.totals {
				sum.Terms[i] += c
			}
		},
	}.Run(ctx, docs)
	return sum, err
}

// pending is the output of one document, which the writer waits on in
// input order: a queue of sentence batches, then its result.
type pending struct {
	rows chan []results.SentenceRow // nil without Options.Sentences; closed when scored
	res  chan *results.Result       // one result, nil when cancelled
}

func newPending(sentences bool) *pending {
	p := &pending{res: make(chan *results.Result, 1)}
	if sentences {
		p.rows = make(chan []results.SentenceRow, 2)
	}
	return p
}

// scoreInto scores one document on a worker into its pending output.
func scoreInto(ctx context.Context, sc *Scorer, doc corpus.Doc, out *pending) {
	var r *results.Result
	switch {
	case ctx.Err() != nil:
		doc.Close()
	case out.rows != nil:
		r = sc.ScoreSentences(ctx, doc, func(b []results.SentenceRow) error {
			select {
			case out.rows <- b:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	default:
		r = sc.Score(ctx, doc)
	}
	if out.rows != nil {
		close(out.rows)
	}
	out.res <- r
}

// write writes one document's sentence rows and result, as they come; a
// result that comes after ctx is cancelled is not written.
func (s *Summary) write(ctx context.Context, p *pending, sink Sink, opt Options) error {
	if p.rows != nil {
		for batch := range p.rows {
			if err := opt.Sentences.WriteBatch(batch); err != nil {
				return fmt.Errorf("write sentences: %w", err)
			}
			s.SentenceRows += len(batch)
		}
	}
	r := <-p.res
	if r == nil || ctx.Err() != nil {
		return nil
	}
	if err := sink.Write(r); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	s.add(r)
	if opt.OnResult != nil {
		opt.OnResult(r)
	}
	return nil
}

func (s *Summary) add(r *results.Result) {
	s.Documents++
	s.Bytes += r.Bytes
	s.ByStatus[r.Status]++
	if r.Status == results.StatusOK {
		s.ByLabel[r.Label]++
	}
}
