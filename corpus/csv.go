package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// delimited reads CSV (comma ',') or TSV (comma '\t') records.
func delimited(comma rune) recordsFunc {
	return func(s *source, r io.Reader, dec decoding, yield func(Doc) bool) bool {
		return s.csvRecords(r, comma, dec, yield)
	}
}

// csvRecords yields one Doc per data row of a CSV (comma ',') or TSV
// (comma '\t') stream with a header row. The text is in the column named
// by --text-column. The Doc's ID is "path#N" with N the data row's number
// (the header is not counted), or "path#ID" when --id-column names a
// column. A malformed row is a Doc with status error and the rows after it
// are still read. CSV is read strictly (RFC 4180); TSV has no quoting: a
// row is a line (see tsvReader).
func (s *source) csvRecords(r io.Reader, comma rune, dec decoding, yield func(Doc) bool) bool {
	limit := s.cfg.maxWhole()
	guard := &recordGuard{r: r, limit: limit + 1<<20}
	cr := newRowReader(guard, comma)
	cols, fail := s.csvHeader(cr, dec)
	if fail != nil {
		return yield(*fail)
	}
	prev := cr.InputOffset()
	for n := 1; ; n++ {
		guard.reset()
		rec, err := cr.Read()
		off := cr.InputOffset()
		size := off - prev
		prev = off
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			d, more := s.csvRowError(n, err, len(rec), cols.count, size, guard.n)
			if !more {
				return yield(d)
			}
			if !yield(d) {
				return false
			}
			continue
		}
		id := ""
		if cols.id >= 0 {
			if v, err := dec.decode([]byte(rec[cols.id])); err == nil {
				id = strings.TrimSpace(v)
			}
		}
		d := s.record(n, id, size)
		if size > limit {
			d = s.tooLarge(d)
		} else {
			d = s.recordText(d, []byte(rec[cols.text]), dec)
		}
		if !yield(d) {
			return false
		}
	}
}

// csvColumns are where a CSV file's text and ID are, and how many columns
// its header names.
type csvColumns struct {
	text, id int // id is -1 without --id-column
	count    int
}

// csvHeader reads the header row and finds the text and ID columns. When
// it cannot, it returns the file's one Doc saying why.
func (s *source) csvHeader(cr rowReader, dec decoding) (csvColumns, *Doc) {
	fail := func(status Status, reason string) (csvColumns, *Doc) {
		d := s.fail(status, reason)
		return csvColumns{}, &d
	}
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fail(Skipped, "no header row (the file holds only blank lines)")
		}
		return fail(Failed, "cannot read the header row: "+csvError(err))
	}
	columns := make([]string, len(header))
	for i, h := range header {
		name, err := dec.decode([]byte(h))
		if err != nil {
			return fail(Failed, "header row: "+err.Error())
		}
		columns[i] = strings.TrimSpace(name)
	}
	cols := csvColumns{text: findColumn(columns, s.cfg.TextColumn), id: -1, count: len(columns)}
	if cols.text < 0 {
		return fail(Failed, fmt.Sprintf("no column %q in the header (columns: %s); choose one with --text-column", s.cfg.TextColumn, columnList(columns)))
	}
	if s.cfg.IDColumn != "" {
		if cols.id = findColumn(columns, s.cfg.IDColumn); cols.id < 0 {
			return fail(Failed, fmt.Sprintf("no column %q in the header (columns: %s) for --id-column", s.cfg.IDColumn, columnList(columns)))
		}
	}
	return cols, nil
}

// csvRowError is the Doc of data row n when reading it failed with err,
// and whether the rows after it can still be read: after a malformed row
// they can; after a row over the size limit, or a read error, they cannot.
// fields is how many fields the row had and columns how many the header
// names; size is the row's length and read the bytes read since it began.
func (s *source) csvRowError(n int, err error, fields, columns int, size, read int64) (Doc, bool) {
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		d := s.record(n, "", size)
		d.Status = Failed
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			d.Reason = fmt.Sprintf("line %d: %d fields, the header has %d", pe.StartLine, fields, columns)
		} else {
			d.Reason = csvError(err)
		}
		return d, true
	case errors.Is(err, errRecordTooLarge):
		d := s.record(n, "", read)
		d.Status, d.Reason = Skipped, fmt.Sprintf("record runs over the --max-bytes limit of %s; the rest of the file was not read", humanBytes(s.cfg.maxBytes()))
		return d, false
	}
	d := s.record(n, "", size)
	d.Status, d.Reason = Failed, fmt.Sprintf("cannot read row %d: %s; the rest of the file was not read", n, describe(err))
	return d, false
}

func findColumn(columns []string, name string) int {
	for i, c := range columns {
		if c == name {
			return i
		}
	}
	for i, c := range columns {
		if strings.EqualFold(c, name) {
			return i
		}
	}
	return -1
}

func columnList(columns []string) string {
	quoted := make([]string, 0, len(columns))
	for _, c := range columns[:min(len(columns), 12)] {
		quoted = append(quoted, strconv.Quote(c))
	}
	if len(columns) > 12 {
		quoted = append(quoted, "…")
	}
	return strings.Join(quoted, ", ")
}

// csvError words a CSV parse error with its line and column.
func csvError(err error) string {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return describe(err)
	}
	if pe.StartLine != pe.Line {
		return fmt.Sprintf("line %d (record from line %d), column %d: %v", pe.Line, pe.StartLine, pe.Column, pe.Err)
	}
	return fmt.Sprintf("line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
}

var errRecordTooLarge = errors.New("record too large")

// recordGuard stops a CSV or TSV reader that has read more than limit
// bytes since the last reset, so that one huge quoted field or line cannot
// fill memory.
type recordGuard struct {
	r     io.Reader
	n     int64 // bytes read since the last reset
	limit int64
}

func (g *recordGuard) reset() { g.n = 0 }

func (g *recordGuard) Read(p []byte) (int, error) {
	if g.n > g.limit {
		return 0, errRecordTooLarge
	}
	n, err := g.r.Read(p)
	g.n += int64(n)
	return n, err
}
