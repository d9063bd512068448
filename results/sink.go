package results

import (
	"fmt"
	"io"
	"sort"

	"github.com/parquet-go/parquet-go"
)

// rowsPerGroup bounds the rows buffered before a row group is written.
const rowsPerGroup = 4096

// rowsPerBatch is how many rows are handed to the Parquet writer at once:
// one call per row costs a pass over every column's buffer.
const rowsPerBatch = 256

// ParquetWriter streams rows of type T into a Parquet file with the given
// metadata, one row group per rowsPerGroup rows, written as ParquetOptions
// say (zstd, data page version 1 by default).
type ParquetWriter[T any] struct {
	w     *parquet.GenericWriter[T]
	out   io.Writer
	rows  int
	batch []T // rows not yet handed to w
}

// NewParquetWriter writes rows of T to out, with the first of opt, or the
// defaults; the options must be valid (ParquetOptions.Validate).
func NewParquetWriter[T any](out io.Writer, meta Metadata, opt ...ParquetOptions) *ParquetWriter[T] {
	opts := append(firstOptions(opt).writerOptions(),
		parquet.CreatedBy("leadlex", meta[MetaToolVersion], "parquet-go"),
		parquet.MaxRowsPerRowGroup(rowsPerGroup),
	)
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		opts = append(opts, parquet.KeyValueMetadata(k, meta[k]))
	}
	return &ParquetWriter[T]{w: parquet.NewGenericWriter[T](out, opts...), out: out}
}

// Write appends one row (a copy of *row).
func (p *ParquetWriter[T]) Write(row *T) error {
	if p.batch == nil {
		p.batch = make([]T, 0, rowsPerBatch)
	}
	p.batch = append(p.batch, *row)
	p.rows++
	if len(p.batch) < rowsPerBatch && p.rows%rowsPerGroup != 0 {
		return nil
	}
	if err := p.flushBatch(); err != nil {
		return err
	}
	if p.rows%rowsPerGroup == 0 {
		return p.w.Flush()
	}
	return nil
}

// WriteBatch appends rows (copies), cutting row groups at the same rows as
// Write.
func (p *ParquetWriter[T]) WriteBatch(rows []T) error {
	for i := range rows {
		if err := p.Write(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}

func (p *ParquetWriter[T]) flushBatch() error {
	_, err := p.w.Write(p.batch)
	clear(p.batch) // let the rows' strings and lists go
	p.batch = p.batch[:0]
	return err
}

// Close writes the rows still buffered and the footer.
func (p *ParquetWriter[T]) Close() error {
	if err := p.flushBatch(); err != nil {
		return err
	}
	return p.w.Close()
}

// FileSink writes rows of T to a file atomically: Close commits it, Abort
// leaves nothing behind. A sink on stdout (see NewSink) has no file; Close
// flushes it.
type FileSink[T any] struct {
	file  *AtomicFile // nil on stdout
	name  string
	write func(*T) error
	batch func([]T) error // nil: row by row
	close func() error
}

// NewParquetSink writes results (or any row type) as Parquet to path, with
// the first of opt, or the defaults.
func NewParquetSink[T any](path string, meta Metadata, opt ...ParquetOptions) (*FileSink[T], error) {
	if err := firstOptions(opt).Validate(); err != nil {
		return nil, err
	}
	f, err := CreateAtomic(path)
	if err != nil {
		return nil, err
	}
	pw := NewParquetWriter[T](f, meta, opt...)
	return &FileSink[T]{file: f, name: path, write: pw.Write, batch: pw.WriteBatch, close: pw.Close}, nil
}

// Write appends one row.
func (s *FileSink[T]) Write(row *T) error { return s.write(row) }

// WriteBatch appends rows.
func (s *FileSink[T]) WriteBatch(rows []T) error {
	if s.batch != nil {
		return s.batch(rows)
	}
	for i := range rows {
		if err := s.write(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}

// Close finishes the file and renames it into place.
func (s *FileSink[T]) Close() error {
	if err := s.close(); err != nil {
		s.Abort()
		if s.file != nil && s.file.err != nil {
			return s.file.err // the file's own error, which says which file
		}
		return fmt.Errorf("write %s: %w", s.name, unwrapPath(err))
	}
	if s.file == nil {
		return nil
	}
	return s.file.Commit()
}

// Abort drops the file.
func (s *FileSink[T]) Abort() {
	if s.file != nil {
		s.file.Abort()
	}
}
