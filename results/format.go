package results

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
)

// Format is the file format of an output file.
type Format string

// Output formats. Parquet carries the metadata; JSONL and CSV are for
// readers without Parquet and carry none.
const (
	FormatParquet Format = "parquet"
	FormatJSONL   Format = "jsonl"
	FormatCSV     Format = "csv"
)

// Formats lists the output formats, for flag help and messages.
var Formats = []Format{FormatParquet, FormatJSONL, FormatCSV}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q: want parquet, jsonl or csv", s)
}

// FormatOf picks the format a path's extension names: .jsonl or .ndjson
// is JSONL, .csv is CSV, anything else Parquet.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".csv":
		return FormatCSV
	}
	return FormatParquet
}

// Stdout is the output path that means standard output.
const Stdout = "-"

// NewSink opens a sink for rows of T in the given format. Path "-" writes
// to stdout (JSONL and CSV only); any other path is written atomically, as
// NewParquetSink does (with the first of opt).
func NewSink[T any](path string, format Format, meta Metadata, stdout io.Writer, opt ...ParquetOptions) (*FileSink[T], error) {
	if format == FormatParquet && path != Stdout {
		return NewParquetSink[T](path, meta, opt...)
	}
	var (
		out  io.Writer
		file *AtomicFile
		buf  *bufio.Writer
	)
	switch {
	case path == Stdout && format == FormatParquet:
		return nil, fmt.Errorf("parquet cannot be written to stdout: use --format jsonl or csv with -o -")
	case path == Stdout:
		buf = bufio.NewWriterSize(stdout, 64<<10)
		out = buf
	default:
		f, err := CreateAtomic(path)
		if err != nil {
			return nil, err
		}
		out, file = f, f
	}
	var tw *TextWriter[T]
	var err error
	if format == FormatCSV {
		tw, err = NewCSVWriter[T](out)
	} else {
		tw, err = NewJSONLWriter[T](out)
	}
	if err != nil {
		if file != nil {
			file.Abort()
		}
		return nil, err
	}
	closer := tw.Close
	if buf != nil {
		closer = func() error {
			if err := tw.Close(); err != nil {
				return err
			}
			return buf.Flush()
		}
	}
	name := path
	if path == Stdout {
		name = "stdout"
	}
	return &FileSink[T]{file: file, name: name, write: tw.Write, close: closer}, nil
}

// TextWriter writes rows of a struct type T as JSON Lines or CSV, one
// column per field in field order (an embedded struct's fields in its
// place), named as in Parquet. Nullable fields (pointers) are null in JSON
// and empty in CSV; nested lists are JSON arrays, in CSV as JSON text; an
// empty list is [] in both.
type TextWriter[T any] struct {
	cols []textColumn
	csv  *csv.Writer // nil for JSONL
	out  io.Writer
	line bytes.Buffer
	enc  *json.Encoder // encodes one value into line
	rec  []string      // CSV record
}

// textColumn is one field of the row type.
type textColumn struct {
	name  string
	index []int // reflect.Value.FieldByIndex
}

// NewJSONLWriter writes one JSON object per line to out.
func NewJSONLWriter[T any](out io.Writer) (*TextWriter[T], error) {
	return newTextWriter[T](out, false)
}

// NewCSVWriter writes a header line and one CSV record per row to out.
func NewCSVWriter[T any](out io.Writer) (*TextWriter[T], error) {
	return newTextWriter[T](out, true)
}

func newTextWriter[T any](out io.Writer, asCSV bool) (*TextWriter[T], error) {
	typ := reflect.TypeFor[T]()
	if typ.Kind() != reflect.Struct {
		return nil, fmt.Errorf("text output of %v: not a struct", typ)
	}
	w := &TextWriter[T]{out: out}
	for _, c := range Columns(typ) {
		w.cols = append(w.cols, textColumn{name: c.Name, index: c.Field.Index})
	}
	w.enc = json.NewEncoder(&w.line)
	w.enc.SetEscapeHTML(false)
	if asCSV {
		w.csv = csv.NewWriter(out)
		w.rec = make([]string, len(w.cols))
		for i, c := range w.cols {
			w.rec[i] = c.name
		}
		if err := w.csv.Write(w.rec); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// Write writes one row.
func (w *TextWriter[T]) Write(row *T) error {
	v := reflect.ValueOf(row).Elem()
	if w.csv != nil {
		for i, c := range w.cols {
			s, err := w.csvField(v.FieldByIndex(c.index))
			if err != nil {
				return fmt.Errorf("column %s: %w", c.name, err)
			}
			w.rec[i] = s
		}
		return w.csv.Write(w.rec)
	}
	w.line.Reset()
	w.line.WriteByte('{')
	for i, c := range w.cols {
		if i > 0 {
			w.line.WriteByte(',')
		}
		w.encode(c.name)
		w.line.Truncate(w.line.Len() - 1) // the encoder's newline
		w.line.WriteByte(':')
		if err := w.jsonValue(v.FieldByIndex(c.index)); err != nil {
			return fmt.Errorf("column %s: %w", c.name, err)
		}
	}
	w.line.WriteString("}\n")
	_, err := w.out.Write(w.line.Bytes())
	return err
}

// jsonValue appends v as JSON to w.line: nil lists as [].
func (w *TextWriter[T]) jsonValue(v reflect.Value) error {
	if v.Kind() == reflect.Slice && v.IsNil() {
		w.line.WriteString("[]")
		return nil
	}
	if err := w.encode(v.Interface()); err != nil {
		return err
	}
	w.line.Truncate(w.line.Len() - 1)
	return nil
}

// csvField renders v for CSV: text as is, nil as empty, numbers and lists
// as in JSON.
func (w *TextWriter[T]) csvField(v reflect.Value) (string, error) {
	switch {
	case v.Kind() == reflect.String:
		return v.String(), nil
	case v.Kind() == reflect.Pointer && v.IsNil():
		return "", nil
	case v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.String:
		return v.Elem().String(), nil
	}
	w.line.Reset()
	if err := w.jsonValue(v); err != nil {
		return "", err
	}
	return w.line.String(), nil
}

func (w *TextWriter[T]) encode(v any) error { return w.enc.Encode(v) }

// Close flushes buffered CSV.
func (w *TextWriter[T]) Close() error {
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	return nil
}
