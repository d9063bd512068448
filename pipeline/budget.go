package pipeline

import "github.com/leadlex/leadlex/corpus"

// inFlightText bounds the text of the documents read and not yet scored:
// the window of documents in flight (four per worker) is bounded in
// number, and this bounds it in bytes, so that many workers with large
// documents (records of up to --max-bytes) do not hold them all at once.
const inFlightText = 48 << 20

// textWeight is what a document counts against inFlightText: its text, or
// nothing for a stream (read in chunks of bounded size).
func textWeight(d corpus.Doc) int64 { return int64(len(d.Text)) }
