package pool

import (
	"context"
	"errors"
	"iter"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// squares is a run that squares ints, each worker counting its items.
func squares(workers int, emit func(int) error, worked *atomic.Int64) Ordered[int, *int, chan int] {
	return Ordered[int, *int, chan int]{
		Workers: workers,
		Slot:    func(int) chan int { return make(chan int, 1) },
		Worker:  func() *int { return new(int) },
		Work: func(ctx context.Context, n *int, item int, slot chan int) {
			worked.Add(1)
			*n++
			if item%7 == 0 {
				time.Sleep(time.Millisecond) // finish out of order
			}
			slot <- item * item
		},
		Emit: func(slot chan int) error { return emit(<-slot) },
	}
}

func TestOrderedKeepsInputOrder(t *testing.T) {
	want := make([]int, 200)
	for i := range want {
		want[i] = i * i
	}
	for _, workers := range []int{0, 1, 2, 7} {
		var got []int
		var worked atomic.Int64
		err := squares(workers, func(v int) error { got = append(got, v); return nil }, &worked).
			Run(context.Background(), count(200))
		if err != nil || !slices.Equal(got, want) || worked.Load() != 200 {
			t.Errorf("workers=%d: err %v, %d worked, got %v", workers, err, worked.Load(), got)
		}
	}
}

func TestOrderedStopsAtFirstError(t *testing.T) {
	before := runtime.NumGoroutine()
	boom := errors.New("disk full")
	var emitted int
	var worked atomic.Int64
	read := 0
	items := func(yield func(int) bool) {
		for i := range 1_000_000 {
			read++
			if !yield(i) {
				return
			}
		}
	}
	err := squares(3, func(int) error {
		emitted++
		if emitted == 5 {
			return boom
		}
		return nil
	}, &worked).Run(context.Background(), items)
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want %v", err, boom)
	}
	if emitted != 5 || read > 5+inFlight*3+3+2 {
		t.Errorf("emitted %d, read %d: want 5 emitted and reading stopped soon after", emitted, read)
	}
	if int(worked.Load()) != read {
		t.Errorf("worked %d of %d items read: every item read must reach Work", worked.Load(), read)
	}
	waitGoroutines(t, before)
}

func TestOrderedCancelled(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	var worked atomic.Int64
	emitted := 0
	err := squares(2, func(int) error {
		if emitted++; emitted == 3 {
			cancel()
		}
		return nil
	}, &worked).Run(ctx, count(1000))
	if !errors.Is(err, context.Canceled) || emitted != 3 {
		t.Errorf("err %v after %d emitted, want context.Canceled after 3", err, emitted)
	}
	waitGoroutines(t, before)
}

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

// waitGoroutines fails when goroutines started after before are still
// running a moment after Run returned.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	for range 100 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Errorf("%d goroutines left running (had %d)", runtime.NumGoroutine(), before)
}

// TestWeightBudget checks that items are read only while the weight of
// those in flight stays within the budget, and that an item heavier than
// the whole budget still goes through, alone.
func TestWeightBudget(t *testing.T) {
	var inFlight, most atomic.Int64
	weights := []int64{30, 30, 30, 5, 5, 100, 30, 1, 1, 1, 60}
	var got []int
	run := Ordered[int, struct{}, chan int]{
		Workers: 4,
		Slot: func(i int) chan int {
			n := inFlight.Add(min(weights[i], 50))
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			return make(chan int, 1)
		},
		Work: func(ctx context.Context, _ struct{}, i int, slot chan int) {
			time.Sleep(2 * time.Millisecond)
			inFlight.Add(-min(weights[i], 50))
			slot <- i
		},
		Emit:   func(slot chan int) error { got = append(got, <-slot); return nil },
		Weight: func(i int) int64 { return weights[i] },
		Budget: 50,
	}
	items := func(yield func(int) bool) {
		for i := range weights {
			if !yield(i) {
				return
			}
		}
	}
	if err := run.Run(context.Background(), items); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(weights) || !slices.IsSorted(got) {
		t.Errorf("emitted %v", got)
	}
	if most.Load() > 50 {
		t.Errorf("%d in flight, over the budget of 50", most.Load())
	}
}
