package pool

import (
	"context"
	"sync"
)

// weightBudget is a weighted semaphore: acquire waits until n more units fit
// under the total, or the context ends. One waiter is served at a time, in
// the order they came (the pool has one producer).
type weightBudget struct {
	mu    sync.Mutex
	total int64
	used  int64
	freed chan struct{} // closed and replaced when units are released
}

func newBudget(total int64) *weightBudget {
	return &weightBudget{total: total, freed: make(chan struct{})}
}

// acquire takes n units (at most the total), waiting for them.
func (b *weightBudget) acquire(ctx context.Context, n int64) error {
	n = min(n, b.total)
	for {
		b.mu.Lock()
		if b.used+n <= b.total {
			b.used += n
			b.mu.Unlock()
			return nil
		}
		freed := b.freed
		b.mu.Unlock()
		select {
		case <-freed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// release gives n units back.
func (b *weightBudget) release(n int64) {
	b.mu.Lock()
	b.used -= min(n, b.total)
	close(b.freed)
	b.freed = make(chan struct{})
	b.mu.Unlock()
}
