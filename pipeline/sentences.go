package pipeline

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/results"
)

// MaxSentenceText is the most bytes of a sentence kept in the text column;
// a longer sentence (a run-on paragraph without punctuation) is cut at a
// character boundary. Its byte_start and byte_end still span all of it.
const MaxSentenceText = 64 << 10

// MaxSentenceBytes bounds a sentence row: a sentence that runs on for
// longer (a document without a sentence end) is split at the first chunk
// boundary (a blank line, or a space) after this many bytes, so that the
// hits held for one row do not grow with the document.
const MaxSentenceBytes = 1 << 20

// Sentence rows travel from a worker to the writer in batches of at most
// sentenceBatchRows rows or sentenceBatchBytes bytes of text, whichever
// comes first; with a few batches queued per document in flight, memory
// does not depend on how long a document is.
const (
	sentenceBatchRows  = 512
	sentenceBatchBytes = 256 << 10
)

// sentenceRows turns the sentences of a document's chunks into rows and
// hands them on in batches. The last sentence of a chunk is held back
// until the next chunk shows whether it continues it.
type sentenceRows struct {
	an      *Analyzer
	docID   string
	emit    func([]results.SentenceRow) error
	next    int32 // index of the next sentence
	batch   []results.SentenceRow
	bytes   int                  // text bytes in batch
	held    *results.SentenceRow // last sentence of the previous chunk, not yet in batch
	heldHit []Hit                // its hits so far
	heldCut bool                 // its text reached MaxSentenceText
	hits    []Hit                // scratch: hits of the sentence being built
}

// reset starts a new document.
func (b *sentenceRows) reset(docID string, emit func([]results.SentenceRow) error) {
	b.docID, b.emit, b.next = docID, emit, 0
	b.batch, b.bytes, b.held, b.heldHit = nil, 0, nil, b.heldHit[:0]
}

// addChunk adds the sentences of one analysed chunk. chunk is the chunk's
// text, starting at byte base of the document; a holds its sentences and
// hits with document offsets, hit sentences indexing a.Sentences. When
// continued is true the chunk's first sentence continues the held one.
func (b *sentenceRows) addChunk(chunk string, base int, continued bool, a *Analysis) error {
	h := 0
	for k, s := range a.Sentences {
		b.hits = b.hits[:0]
		for ; h < len(a.Hits) && a.Hits[h].Sentence == k; h++ {
			b.hits = append(b.hits, a.Hits[h])
		}
		if k == 0 && continued && b.held != nil && b.held.Len() < MaxSentenceBytes {
			row := b.held
			row.ByteEnd = int64(s.End)
			row.Words += int32(s.Words)
			if !b.heldCut {
				row.Text, b.heldCut = appendCapped(row.Text, chunk[:s.End-base])
			}
			b.heldHit = append(b.heldHit, b.hits...)
		} else {
			if err := b.release(); err != nil {
				return err
			}
			b.held = &results.SentenceRow{
				DocID: b.docID, SentenceIndex: b.next, Words: int32(s.Words),
				ByteRange: results.ByteRange{ByteStart: int64(s.Start), ByteEnd: int64(s.End)},
			}
			// Up to the chunk's end: the sentence may go on in the next chunk.
			b.held.Text, b.heldCut = appendCapped("", chunk[s.Start-base:])
			b.next++
			b.heldHit = append(b.heldHit[:0], b.hits...)
		}
	}
	return nil
}

// release finishes the held sentence and adds it to the batch.
func (b *sentenceRows) release() error {
	row := b.held
	if row == nil {
		return nil
	}
	b.held = nil
	if n := int(row.Len()); len(row.Text) > n {
		row.Text = row.Text[:n]
	}
	row.Text = strings.Clone(row.Text) // do not pin the chunk it was cut from
	b.an.fillSentence(row, b.heldHit)
	b.batch = append(b.batch, *row)
	b.bytes += len(row.Text)
	if len(b.batch) >= sentenceBatchRows || b.bytes >= sentenceBatchBytes {
		return b.flush()
	}
	return nil
}

// flush hands the batch on; the receiver owns it.
func (b *sentenceRows) flush() error {
	if len(b.batch) == 0 {
		return nil
	}
	batch := b.batch
	b.batch, b.bytes = nil, 0
	return b.emit(batch)
}

// finish releases the held sentence and the last batch.
func (b *sentenceRows) finish() error {
	if err := b.release(); err != nil {
		return err
	}
	return b.flush()
}

// appendCapped appends add to s, keeping at most MaxSentenceText bytes and
// never cutting a character in two. It reports whether add was cut.
func appendCapped(s, add string) (string, bool) {
	room := MaxSentenceText - len(s)
	if len(add) <= room {
		return s + add, false
	}
	for room > 0 && !utf8.RuneStart(add[room]) {
		room--
	}
	return s + add[:max(room, 0)], true
}

// fillSentence computes a sentence row's hit columns from its hits.
func (an *Analyzer) fillSentence(row *results.SentenceRow, hits []Hit) {
	lex := an.Lexicon()
	row.Dimensions = make([]results.DimensionScore, len(lex.Dimensions))
	for i, d := range lex.Dimensions {
		row.Dimensions[i].Name = d.Name
	}
	row.Terms = nil
	var lead, mgmt, neg float64
	for _, h := range hits {
		if !h.Counts {
			continue
		}
		e := &lex.Entries[h.Entry]
		if h.Negated {
			neg += e.Weight
			continue
		}
		d := &row.Dimensions[an.matcher.dimensionIndex(h.Entry)]
		if e.Pole == lexicon.Leadership {
			lead += e.Weight
			d.Leadership += e.Weight
		} else {
			mgmt += e.Weight
			d.Management += e.Weight
		}
		if i := slices.IndexFunc(row.Terms, func(t results.TermCount) bool {
			return t.Term == e.Term && t.Pole == e.Pole.String() && t.Dimension == e.Dimension
		}); i >= 0 {
			row.Terms[i].Count++
		} else {
			row.Terms = append(row.Terms, results.TermCount{Term: e.Term, Pole: e.Pole.String(), Dimension: e.Dimension, Count: 1})
		}
	}
	slices.SortStableFunc(row.Terms, func(a, b results.TermCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Term, b.Term)
	})
	row.LeadershipHits, row.ManagementHits, row.NegatedHits = lead, mgmt, neg
	row.Label, _ = an.Labels.Label(lead, mgmt)
}
