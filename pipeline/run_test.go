package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"testing"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/results"
)

// docs yields n generated documents, a few of them skipped or failed.
func docs(n int) iter.Seq[corpus.Doc] {
	return func(yield func(corpus.Doc) bool) {
		for i := range n {
			d := corpus.Doc{ID: fmt.Sprintf("d%05d", i), Status: corpus.OK, Bytes: int64(i)}
			switch {
			case i%17 == 5:
				d.Status, d.Reason = corpus.Skipped, "empty file"
			case i%23 == 7:
				d.Status, d.Reason = corpus.Failed, "permission denied"
			default:
				d.Text = fmt.Sprintf("Doc %d. We inspire people %d times and take risks. ", i, i%7) +
					map[bool]string{true: "The budget and every deadline matter.", false: "Innovative ideas."}[i%3 == 0]
			}
			if !yield(d) {
				return
			}
		}
	}
}

type sliceSink struct {
	rows   []results.Result
	failAt int // fail on this row (1-based); 0 never
}

func (s *sliceSink) Write(r *results.Result) error {
	if s.failAt > 0 && len(s.rows)+1 == s.failAt {
		return errors.New("disk full")
	}
	s.rows = append(s.rows, *r)
	return nil
}

func TestRunOrderAndWorkers(t *testing.T) {
	an := testAnalyzer(t)
	var want []results.Result
	for _, workers := range []int{1, 2, 4, 8} {
		sink := &sliceSink{}
		sum, err := Run(context.Background(), docs(300), an, sink, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if len(sink.rows) != 300 || sum.Documents != 300 {
			t.Fatalf("workers %d: %d rows, summary %d", workers, len(sink.rows), sum.Documents)
		}
		for i, r := range sink.rows {
			if r.DocID != fmt.Sprintf("d%05d", i) {
				t.Fatalf("workers %d: row %d is %s", workers, i, r.DocID)
			}
		}
		if want == nil {
			want = sink.rows
			if sum.ByStatus[results.StatusSkipped] != 18 || sum.ByStatus[results.StatusError] != 12 || sum.ByStatus[results.StatusOK] != 270 {
				t.Errorf("status counts %v", sum.ByStatus)
			}
			continue
		}
		if !reflect.DeepEqual(sink.rows, want) {
			t.Errorf("workers %d: rows differ from workers 1", workers)
		}
	}
	if want[5].Status != results.StatusSkipped || *want[5].Error != "empty file" || want[7].Status != results.StatusError {
		t.Errorf("rows 5 and 7: %+v %+v", want[5], want[7])
	}
}

func TestRunSummaryTerms(t *testing.T) {
	an := testAnalyzer(t)
	sum, err := Run(context.Background(), docs(30), an, &sliceSink{}, Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	var inspire int64
	for i, e := range an.Lexicon().Entries {
		if e.Term == "inspire" {
			inspire = sum.Terms[i]
		}
	}
	// Documents 5 and 22 are skipped, 7 failed: 27 scored, each with one "inspire".
	if inspire != 27 {
		t.Errorf("inspire counted %d times over the run, want 27", inspire)
	}
}

func TestRunSinkError(t *testing.T) {
	an := testAnalyzer(t)
	sink := &sliceSink{failAt: 50}
	_, err := Run(context.Background(), docs(10000), an, sink, Options{Workers: 2})
	if err == nil || err.Error() != "write results: disk full" || len(sink.rows) != 49 {
		t.Fatalf("err %v, %d rows", err, len(sink.rows))
	}
}

func TestRunCancel(t *testing.T) {
	an := testAnalyzer(t)
	ctx, cancel := context.WithCancel(context.Background())
	sink := &sliceSink{}
	n := 0
	_, err := Run(ctx, docs(100000), an, sink, Options{Workers: 2, OnResult: func(*results.Result) {
		if n++; n == 100 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if len(sink.rows) != 100 {
		t.Errorf("%d rows written after cancel at 100", len(sink.rows))
	}
}
