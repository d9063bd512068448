// Package pool runs work over a sequence on a bounded pool of goroutines
// and hands the outputs back in the order of the sequence. score and check
// both run on it, so output never depends on the number of workers.
package pool

import (
	"context"
	"iter"
	"runtime"
	"sync"
)

// Ordered is one run's plan: T is an item of input, S a worker's own state
// (its scorers) and P an item's output slot, through which a worker hands
// what it made to Emit.
type Ordered[T, S, P any] struct {
	Workers int // goroutines doing Work; 0 means GOMAXPROCS

	// Slot makes an item's output slot as the item is read, in input order.
	Slot func(item T) P
	// Worker makes the state of one worker; nil: the zero S.
	Worker func() S
	// Work does an item's work on a worker and fills its slot. It is
	// called for every item read, also once the run is cancelled (ctx is
	// then done), so that it can release the item; it must not block on
	// its slot once ctx is done.
	Work func(ctx context.Context, state S, item T, slot P)
	// Emit takes the slots, in input order, on the goroutine that called
	// Run, waiting on each for what it needs. Its first error cancels the
	// run; it is not called after an error or a cancellation.
	Emit func(slot P) error
	// Done, if set, is called by each worker with its state after its last
	// item, possibly at the same time as other workers.
	Done func(state S)

	// Weight, if set, is what an item weighs (the bytes of a document's
	// text): items are read only while the weight of those read and not
	// yet worked on stays within Budget, so that a few large items do not
	// all sit in memory at once. An item heavier than Budget waits until it
	// is alone.
	Weight func(item T) int64
	Budget int64
}

// inFlight is how many items per worker may be read, being worked on or
// waiting to be emitted: what bounds the memory of a run.
const inFlight = 4

// Run works through items and returns the first error of Emit, or the
// error of ctx when it was cancelled. It returns after every goroutine it
// started has stopped; no more items are read after an error.
func (o Ordered[T, S, P]) Run(ctx context.Context, items iter.Seq[T]) error {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	run, cancel := context.WithCancel(ctx)
	defer cancel()
	order := make(chan P, inFlight*workers)
	jobs := make(chan job[T, P], workers)
	var budget *weightBudget
	if o.Weight != nil && o.Budget > 0 {
		budget = newBudget(o.Budget)
	}
	var wg sync.WaitGroup
	wg.Go(func() { o.produce(run, items, order, jobs, budget) })
	for range workers {
		wg.Go(func() { o.work(run, jobs, budget) })
	}
	var failed error
	for slot := range order { // after an error, only drained: workers see run done
		if failed != nil || run.Err() != nil {
			continue
		}
		if err := o.Emit(slot); err != nil {
			failed = err
			cancel()
		}
	}
	wg.Wait()
	if failed != nil {
		return failed
	}
	return ctx.Err()
}

// job is an item on its way to a worker, with its slot.
type job[T, P any] struct {
	item   T
	slot   P
	weight int64 // taken from the budget, given back once worked on
}

// produce reads items in order, queues their slots for Emit and hands
// them to the workers. The item read when the run is cancelled still goes
// to a worker, which releases it.
func (o Ordered[T, S, P]) produce(ctx context.Context, items iter.Seq[T], order chan<- P, jobs chan<- job[T, P], budget *weightBudget) {
	defer close(jobs)
	defer close(order)
	for item := range items {
		var weight int64
		if budget != nil {
			weight = min(o.Weight(item), o.Budget)
			if weight > 0 && budget.acquire(ctx, weight) != nil {
				jobs <- job[T, P]{item, o.Slot(item), 0} // cancelled: to a worker, to be released
				return
			}
		}
		slot := o.Slot(item)
		select {
		case order <- slot:
		case <-ctx.Done():
			jobs <- job[T, P]{item, slot, weight}
			return
		}
		jobs <- job[T, P]{item, slot, weight}
	}
}

// work is one worker: it works on jobs until there are no more.
func (o Ordered[T, S, P]) work(ctx context.Context, jobs <-chan job[T, P], budget *weightBudget) {
	var state S
	if o.Worker != nil {
		state = o.Worker()
	}
	for j := range jobs {
		// Hand the item over and keep no copy: Work's copy alone holds it,
		// so what Work replaces (a document's marked-up text) can be freed.
		item, slot, weight := j.item, j.slot, j.weight
		j = job[T, P]{}
		o.Work(ctx, state, item, slot)
		if weight > 0 {
			budget.release(weight)
		}
	}
	if o.Done != nil {
		o.Done(state)
	}
}
