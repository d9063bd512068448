package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// rowReader reads the rows of a delimited file: *csv.Reader for CSV and
// tsvReader for TSV.
type rowReader interface {
	// Read returns the next row's fields, or io.EOF after the last row.
	Read() ([]string, error)
	// InputOffset is the byte offset of the end of the row last read.
	InputOffset() int64
}

// newRowReader reads CSV (comma ',') strictly as RFC 4180, and TSV (comma
// '\t') as text/tab-separated-values: without quoting, a row per line.
func newRowReader(r io.Reader, comma rune) rowReader {
	if comma == '\t' {
		return &tsvReader{br: bufio.NewReader(r), fields: -1}
	}
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.ReuseRecord = true
	return cr
}

// tsvReader reads tab-separated values as IANA registers them
// (text/tab-separated-values): a record is one line, ended by "\n" or
// "\r\n", its fields split at tabs; quotes are text like any other. As
// encoding/csv does, it skips blank lines, takes the number of fields from
// the first record and reports a record with another number as a
// *csv.ParseError wrapping csv.ErrFieldCount, returned with the record.
type tsvReader struct {
	br     *bufio.Reader
	line   []byte
	rec    []string
	offset int64 // bytes consumed
	lines  int   // lines consumed
	fields int   // fields per record; -1 until the first record
}

// Read returns the next non-blank line's fields. The slice is reused by
// the next call.
func (t *tsvReader) Read() ([]string, error) {
	for {
		line, err := t.readLine()
		if len(line) == 0 && err != nil {
			return nil, err
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if len(line) == 0 { // a blank line
			continue
		}
		return t.split(line)
	}
}

// InputOffset is the byte offset of the end of the record last read.
func (t *tsvReader) InputOffset() int64 { return t.offset }

// readLine reads one line without its line break. At the end of the input
// it returns the last line, if it had no line break, with io.EOF.
func (t *tsvReader) readLine() ([]byte, error) {
	t.line = t.line[:0]
	for {
		chunk, err := t.br.ReadSlice('\n')
		t.offset += int64(len(chunk))
		t.line = append(t.line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if len(t.line) > 0 {
			t.lines++
		}
		// As encoding/csv does, a "\r" before the end of the input is dropped too.
		line := bytes.TrimSuffix(bytes.TrimSuffix(t.line, []byte{'\n'}), []byte{'\r'})
		return line, err
	}
}

// split cuts a line into its fields at tabs and checks their number.
func (t *tsvReader) split(line []byte) ([]string, error) {
	s := string(line)
	t.rec = t.rec[:0]
	for {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			t.rec = append(t.rec, s)
			break
		}
		t.rec = append(t.rec, s[:i])
		s = s[i+1:]
	}
	if t.fields < 0 {
		t.fields = len(t.rec)
	}
	if len(t.rec) != t.fields {
		return t.rec, &csv.ParseError{StartLine: t.lines, Line: t.lines, Column: 1, Err: csv.ErrFieldCount}
	}
	return t.rec, nil
}
