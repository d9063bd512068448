package pipeline

import (
	"context"

	"golang.org/x/sync/semaphore"

	"github.com/leadlex/leadlex/corpus"
)

// inFlightText bounds the text of the documents read and not yet scored:
// the window of documents in flight (four per worker) is bounded in number,
// and this bounds it in bytes, so that many workers with large documents
// (records of up to --max-bytes) do not hold them all at once. A document
// larger than the whole budget waits until it is alone.
const inFlightText = 48 << 20

// textWeight is what a document counts against the budget: its text, or
// nothing for a stream (read in chunks of bounded size).
func textWeight(d *corpus.Doc) int64 {
	return min(int64(len(d.Text)), inFlightText)
}

// newTextBudget returns the semaphore of the in-flight text budget.
func newTextBudget() *semaphore.Weighted { return semaphore.NewWeighted(inFlightText) }

// acquireText waits until the document's text fits in the budget, or the
// context ends.
func acquireText(ctx context.Context, b *semaphore.Weighted, d *corpus.Doc) error {
	if w := textWeight(d); w > 0 {
		return b.Acquire(ctx, w)
	}
	return nil
}
