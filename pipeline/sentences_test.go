package pipeline

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/results"
)

// sentenceSink collects sentence rows.
type sentenceSink struct{ rows []results.SentenceRow }

func (s *sentenceSink) WriteBatch(rows []results.SentenceRow) error {
	s.rows = append(s.rows, rows...)
	return nil
}

// sentencesOf scores text (from memory, or streamed when stream is set) and
// returns the result and its sentence rows, with the sizes of the batches.
func sentencesOf(t *testing.T, an *Analyzer, text string, stream bool) (*results.Result, []results.SentenceRow, []int) {
	t.Helper()
	d := corpus.Doc{ID: "doc", Status: corpus.OK, Text: text}
	if stream {
		d.Text, d.Body = "", nopCloser{strings.NewReader(text)}
	}
	var rows []results.SentenceRow
	var batches []int
	r := NewScorer(an).ScoreSentences(context.Background(), d, func(b []results.SentenceRow) error {
		rows = append(rows, b...)
		batches = append(batches, len(b))
		return nil
	})
	if r.Status != results.StatusOK {
		t.Fatalf("status %s: %v", r.Status, *r.Error)
	}
	return r, rows, batches
}

// checkSentencesAddUp checks the invariants between a document's result and
// its sentence rows: one row per sentence, indexes in order, offsets that
// point at the text, and hit counts that sum to the document's.
func checkSentencesAddUp(t *testing.T, text string, r *results.Result, rows []results.SentenceRow) {
	t.Helper()
	if len(rows) != int(r.Sentences) {
		t.Fatalf("%s: %d sentence rows, result says %d sentences", r.DocID, len(rows), r.Sentences)
	}
	var lead, mgmt, neg float64
	var words int32
	dims := make([]results.DimensionScore, len(r.Dimensions))
	end := int64(0)
	for i, s := range rows {
		if s.DocID != r.DocID || s.SentenceIndex != int32(i) {
			t.Fatalf("row %d: doc %s index %d", i, s.DocID, s.SentenceIndex)
		}
		if s.ByteStart < end || s.ByteEnd <= s.ByteStart {
			t.Fatalf("row %d: bytes %d:%d after %d", i, s.ByteStart, s.ByteEnd, end)
		}
		end = s.ByteEnd
		if text != "" {
			want := text[s.ByteStart:s.ByteEnd]
			if len(want) > MaxSentenceText {
				if !strings.HasPrefix(want, s.Text) || len(s.Text) < MaxSentenceText-3 {
					t.Fatalf("row %d: long sentence text of %d bytes is not its start", i, len(s.Text))
				}
			} else if s.Text != want {
				t.Fatalf("row %d: text %q, want %q", i, s.Text, want)
			}
		}
		lead += s.LeadershipHits
		mgmt += s.ManagementHits
		neg += s.NegatedHits
		words += s.Words
		for k, d := range s.Dimensions {
			dims[k].Leadership += d.Leadership
			dims[k].Management += d.Management
		}
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(lead, r.LeadershipHits) || !near(mgmt, r.ManagementHits) || !near(neg, r.NegatedHits) || words != r.Words {
		t.Errorf("%s: sentences sum to L %v M %v negated %v words %d; document has %v %v %v %d",
			r.DocID, lead, mgmt, neg, words, r.LeadershipHits, r.ManagementHits, r.NegatedHits, r.Words)
	}
	for k, d := range r.Dimensions {
		if !near(dims[k].Leadership, d.Leadership) || !near(dims[k].Management, d.Management) {
			t.Errorf("%s: dimension %s sums to %+v, document has %+v", r.DocID, d.Name, dims[k], d)
		}
	}
}

func TestSentenceRows(t *testing.T) {
	an := testAnalyzer(t)
	text := "We inspire people and innovate. The budget is due.\n\nNothing here. We do not inspire anyone with a deadline."
	r, rows, _ := sentencesOf(t, an, text, false)
	checkSentencesAddUp(t, text, r, rows)
	type row struct {
		text       string
		lead, mgmt float64
		neg        float64
		label      string
		terms      string
	}
	want := []row{
		{"We inspire people and innovate.", 3, 0, 0, results.LabelLeadership, "innovat*/leadership/vision×1 inspire/leadership/vision×1"},
		{"The budget is due.", 0, 1, 0, results.LabelManagement, "budget/management/vision×1"},
		{"Nothing here.", 0, 0, 0, results.LabelNone, ""},
		{"We do not inspire anyone with a deadline.", 0, 0.5, 1, results.LabelManagement, "deadline/management/vision×1"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows: %+v", len(rows), rows)
	}
	for i, w := range want {
		s := rows[i]
		var terms []string
		for _, tc := range s.Terms {
			terms = append(terms, fmt.Sprintf("%s/%s/%s×%d", tc.Term, tc.Pole, tc.Dimension, tc.Count))
		}
		got := row{s.Text, s.LeadershipHits, s.ManagementHits, s.NegatedHits, s.Label, strings.Join(terms, " ")}
		if got != w {
			t.Errorf("sentence %d:\n got %+v\nwant %+v", i, got, w)
		}
		if len(s.Dimensions) != 2 || s.Dimensions[0].Name != "vision" || s.Dimensions[1].Name != "risk" {
			t.Errorf("sentence %d: dimensions %+v", i, s.Dimensions)
		}
	}
	if rows[0].Dimensions[0] != (results.DimensionScore{Name: "vision", Leadership: 3, Management: 0}) {
		t.Errorf("sentence 0 dimensions %+v", rows[0].Dimensions)
	}
	// The same label rules as documents: the weighted hits must reach --min-hits.
	_, two, _ := sentencesOf(t, an, "Budget and budget again.", false)
	if two[0].Label != results.LabelManagement {
		t.Errorf("two budget hits: label %s", two[0].Label)
	}
}

// longText builds a text of about n bytes whose paragraphs are longer
// than chunkMax, so it is cut mid-sentence, and whose sentences carry hits.
func longText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Sentence %d sets a vision and a budget, then", i)
		if i%3 == 0 {
			b.WriteString(" stops. ")
		} else {
			b.WriteString(" goes on and we never innovate ")
		}
		if i%30000 == 29999 {
			b.WriteString("end.\n\n")
		}
	}
	return b.String()
}

// TestSentenceRowsAcrossChunks checks that a long document gives the same
// sentence rows from memory and streamed, that a sentence cut by a forced
// chunk split is still one row, and that the rows add up to the result.
func TestSentenceRowsAcrossChunks(t *testing.T) {
	an := testAnalyzer(t)
	text := longText(3 * chunkMax)
	whole, rows, batches := sentencesOf(t, an, text, false)
	checkSentencesAddUp(t, text, whole, rows)
	streamed, srows, _ := sentencesOf(t, an, text, true)
	checkSentencesAddUp(t, text, streamed, srows)
	if !reflect.DeepEqual(rows, srows) {
		t.Error("sentence rows differ between a text in memory and the same text streamed")
	}
	// Forced cuts fall after a space inside a paragraph; find the row that
	// spans each one and check it is a whole sentence.
	spanned := 0
	base, continued := 0, false
	for base < len(text) {
		n, forced := nextChunk(text[base:], true)
		base += n
		continued = forced
		if !continued {
			continue
		}
		for _, s := range rows {
			if s.ByteStart < int64(base) && s.ByteEnd > int64(base) {
				spanned++
				last := s.ByteEnd == int64(len(strings.TrimSpace(text)))
				if !strings.HasPrefix(s.Text, "Sentence ") || !strings.HasSuffix(s.Text, "stops.") && !last {
					t.Errorf("row across the cut at %d: %q…%q", base, s.Text[:20], s.Text[len(s.Text)-20:])
				}
			}
		}
	}
	if spanned == 0 {
		t.Fatal("no sentence spans a forced chunk cut; the test text is too tame")
	}
	if len(batches) < 2 {
		t.Errorf("%d batches for %d rows", len(batches), len(rows))
	}
	for _, n := range batches {
		if n > sentenceBatchRows {
			t.Errorf("batch of %d rows, over %d", n, sentenceBatchRows)
		}
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r *strings.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func (c *countingReader) Close() error { return nil }

// TestSentenceRowsStream checks that a streamed document hands over its
// first sentence rows before it has been read to the end, so its rows are
// never all held at once.
func TestSentenceRowsStream(t *testing.T) {
	an := testAnalyzer(t)
	text := longText(4 * chunkMax)
	body := &countingReader{r: strings.NewReader(text)}
	readAtFirst := -1
	NewScorer(an).ScoreSentences(context.Background(), corpus.Doc{ID: "big", Status: corpus.OK, Body: body}, func(b []results.SentenceRow) error {
		if readAtFirst < 0 {
			readAtFirst = body.n
		}
		return nil
	})
	if readAtFirst < 0 || readAtFirst > 2*chunkMax+chunkTarget {
		t.Errorf("first rows handed over after reading %d of %d bytes", readAtFirst, len(text))
	}
}

func TestSentenceTextCapped(t *testing.T) {
	an := testAnalyzer(t)
	text := "Intro.\n\n" + strings.Repeat("é budget ", MaxSentenceText/5) + "done.\n\nAfter."
	r, rows, _ := sentencesOf(t, an, text, false)
	checkSentencesAddUp(t, text, r, rows)
	long := rows[1]
	if n := long.ByteEnd - long.ByteStart; n <= MaxSentenceText || len(long.Text) > MaxSentenceText || !utf8.ValidString(long.Text) {
		t.Errorf("long sentence spans %d bytes, text %d bytes, valid UTF-8 %v", n, len(long.Text), utf8.ValidString(long.Text))
	}
	if rows[2].Text != "After." {
		t.Errorf("sentence after the long one: %q", rows[2].Text)
	}
}

func TestSentenceRowsSkippedDocs(t *testing.T) {
	an := testAnalyzer(t)
	called := false
	r := NewScorer(an).ScoreSentences(context.Background(), corpus.Doc{ID: "e", Status: corpus.Skipped, Reason: "empty file"},
		func([]results.SentenceRow) error { called = true; return nil })
	if called || r.Status != results.StatusSkipped {
		t.Errorf("skipped document: emit called %v, status %s", called, r.Status)
	}
}

// TestRunSentences checks the order guarantee (documents in input order,
// sentences in document order) for any number of workers, that every
// document's hits equal the sum of its sentence rows', and that a failing
// sentence sink stops the run.
func TestRunSentences(t *testing.T) {
	an := testAnalyzer(t)
	texts := map[string]string{}
	for d := range docs(200) {
		texts[d.ID] = d.Text
	}
	var want []results.SentenceRow
	for _, workers := range []int{1, 3, 8} {
		res, sents := &sliceSink{}, &sentenceSink{}
		sum, err := Run(context.Background(), docs(200), an, res, Options{Workers: workers, Sentences: sents})
		if err != nil {
			t.Fatal(err)
		}
		if sum.SentenceRows != len(sents.rows) {
			t.Errorf("summary counts %d sentence rows, sink got %d", sum.SentenceRows, len(sents.rows))
		}
		byDoc := map[string][]results.SentenceRow{}
		var docOrder []string
		for _, s := range sents.rows {
			if len(byDoc[s.DocID]) == 0 {
				docOrder = append(docOrder, s.DocID)
			}
			byDoc[s.DocID] = append(byDoc[s.DocID], s)
		}
		var scored []string
		for i := range res.rows {
			r := &res.rows[i]
			if r.Status != results.StatusOK {
				if len(byDoc[r.DocID]) != 0 {
					t.Errorf("%s has status %s and sentence rows", r.DocID, r.Status)
				}
				continue
			}
			scored = append(scored, r.DocID)
			checkSentencesAddUp(t, texts[r.DocID], r, byDoc[r.DocID])
		}
		if !reflect.DeepEqual(docOrder, scored) {
			t.Errorf("workers %d: sentence rows are not in document order", workers)
		}
		if want == nil {
			want = sents.rows
		} else if !reflect.DeepEqual(sents.rows, want) {
			t.Errorf("workers %d: sentence rows differ from workers 1", workers)
		}
	}

	_, err := Run(context.Background(), docs(10000), an, &sliceSink{}, Options{Workers: 2, Sentences: failingSentences{}})
	if err == nil || err.Error() != "write sentences: disk full" {
		t.Errorf("failing sentence sink: err %v", err)
	}
}

type failingSentences struct{}

func (failingSentences) WriteBatch([]results.SentenceRow) error { return fmt.Errorf("disk full") }

// TestRunSentencesLongDocument runs a document far longer than a chunk
// among short ones through the pool.
func TestRunSentencesLongDocument(t *testing.T) {
	an := testAnalyzer(t)
	long := longText(2 * chunkMax)
	seq := func(yield func(corpus.Doc) bool) {
		for i, text := range []string{"Inspire them.", long, "A budget.", long, "Innovate."} {
			d := corpus.Doc{ID: fmt.Sprint(i), Status: corpus.OK, Text: text}
			if i == 3 {
				d.Text, d.Body = "", nopCloser{strings.NewReader(text)}
			}
			if !yield(d) {
				return
			}
		}
	}
	res, sents := &sliceSink{}, &sentenceSink{}
	if _, err := Run(context.Background(), seq, an, res, Options{Workers: 3, Sentences: sents}); err != nil {
		t.Fatal(err)
	}
	at := 0
	for i, r := range res.rows {
		n := int(r.Sentences)
		text := []string{"Inspire them.", long, "A budget.", long, "Innovate."}[i]
		checkSentencesAddUp(t, text, &r, sents.rows[at:at+n])
		at += n
	}
	if at != len(sents.rows) {
		t.Errorf("%d sentence rows, results count %d", len(sents.rows), at)
	}
}
