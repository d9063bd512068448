package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/parquet-go/parquet-go"
)

// SchemaVersion is the version of the results and sentences file layouts.
// It changes when a column is added, removed, renamed or retyped.
const SchemaVersion = "1"

// Metadata is the key/value metadata written into every output file.
type Metadata map[string]string

// Metadata keys.
const (
	MetaToolVersion    = "leadlex.version"
	MetaSchemaVersion  = "leadlex.schema_version"
	MetaLexiconName    = "leadlex.lexicon.name"
	MetaLexiconVersion = "leadlex.lexicon.version"
	MetaLexiconHash    = "leadlex.lexicon.sha256"
	MetaCommand        = "leadlex.command"
	MetaCreatedAt      = "leadlex.created_at"
	MetaLabels         = "leadlex.labels"
)

// NewMetadata fills the metadata that describes a run with this analyzer.
func NewMetadata(an *Analyzer, toolVersion, command, createdAt string) Metadata {
	lex := an.Lexicon()
	return Metadata{
		MetaToolVersion:    toolVersion,
		MetaSchemaVersion:  SchemaVersion,
		MetaLexiconName:    lex.Name,
		MetaLexiconVersion: lex.Version,
		MetaLexiconHash:    lex.Hash,
		MetaCommand:        command,
		MetaCreatedAt:      createdAt,
		MetaLabels: fmt.Sprintf("min_hits=%g margin=%g top_terms=%d negation_window=%d",
			an.Labels.MinHits, an.Labels.Margin, an.Labels.TopTerms, lex.Negation.Window),
	}
}

// AtomicFile is written under a temporary name in the destination's folder
// and renamed into place by Commit; Abort removes it. A crash or an
// interrupt therefore never leaves a partial file at the destination.
//
// A destination that exists and is not a regular file — /dev/null, a named
// pipe, a terminal — cannot be replaced by a rename; it is written directly,
// and Commit and Abort only close it.
type AtomicFile struct {
	path   string
	tmp    *os.File
	buf    *bufio.Writer
	err    error // first write error; later writes fail fast
	direct bool  // tmp is the destination itself
}

// CreateAtomic starts writing path. Temporary files of earlier runs
// writing path that were killed before they could remove them are removed
// first (see removeStaleTemps).
func CreateAtomic(path string) (*AtomicFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if info, err := os.Stat(path); err == nil {
		switch {
		case info.IsDir():
			return nil, fmt.Errorf("output %s is a folder", path)
		case !info.Mode().IsRegular():
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return nil, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
			}
			return &AtomicFile{path: path, tmp: f, buf: bufio.NewWriterSize(f, 1<<20), direct: true}, nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create output folder: %w", err)
	}
	removeStaleTemps(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	lockTemp(tmp)
	temps.Store(tmp.Name(), struct{}{})
	return &AtomicFile{path: path, tmp: tmp, buf: bufio.NewWriterSize(tmp, 1<<20)}, nil
}

// temps holds the names of the temporary files not yet committed or
// aborted, for RemoveTemps.
var temps sync.Map

// RemoveTemps removes every temporary file of an AtomicFile not yet
// committed or aborted. A process that must exit at once (a second Ctrl-C)
// calls it so that it leaves nothing behind.
func RemoveTemps() {
	temps.Range(func(name, _ any) bool {
		os.Remove(name.(string))
		temps.Delete(name)
		return true
	})
}

// Write buffers p for the temporary file.
func (f *AtomicFile) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.buf.Write(p)
	if err != nil {
		f.err = fmt.Errorf("write %s: %w", f.path, unwrapPath(err))
	}
	return n, f.err
}

// Commit flushes, syncs and renames the file into place.
func (f *AtomicFile) Commit() error {
	if f.tmp == nil {
		return errors.New("output already closed")
	}
	err := f.err
	if err == nil {
		err = f.buf.Flush()
	}
	if err == nil && !f.direct {
		err = f.tmp.Sync()
	}
	if err == nil && !f.direct {
		err = f.tmp.Chmod(0o644)
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && !f.direct {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	temps.Delete(f.tmp.Name())
	if err != nil {
		if !f.direct {
			os.Remove(f.tmp.Name())
		}
		f.tmp = nil
		if err == f.err {
			return err // already says which file
		}
		return fmt.Errorf("write %s: %w", f.path, unwrapPath(err))
	}
	f.tmp = nil
	return nil
}

// Abort removes the temporary file; it is safe to call after Commit.
func (f *AtomicFile) Abort() {
	if f.tmp == nil {
		return
	}
	f.tmp.Close()
	if !f.direct {
		os.Remove(f.tmp.Name())
		temps.Delete(f.tmp.Name())
	}
	f.tmp = nil
}

// rowsPerGroup bounds the rows buffered before a row group is written.
const rowsPerGroup = 4096

// rowsPerBatch is how many rows are handed to the Parquet writer at once:
// one call per row costs a pass over every column's buffer.
const rowsPerBatch = 256

// ParquetWriter streams rows of type T into a Parquet file with zstd
// compression and the given metadata, one row group per rowsPerGroup rows.
type ParquetWriter[T any] struct {
	w     *parquet.GenericWriter[T]
	out   io.Writer
	rows  int
	batch []T // rows not yet handed to w
}

// NewParquetWriter writes rows of T to out.
func NewParquetWriter[T any](out io.Writer, meta Metadata) *ParquetWriter[T] {
	opts := []parquet.WriterOption{
		parquet.Compression(zstdPages),
		parquet.CreatedBy("leadlex", meta[MetaToolVersion], "parquet-go"),
		parquet.MaxRowsPerRowGroup(rowsPerGroup),
	}
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

// NewParquetSink writes results (or any row type) as Parquet to path.
func NewParquetSink[T any](path string, meta Metadata) (*FileSink[T], error) {
	f, err := CreateAtomic(path)
	if err != nil {
		return nil, err
	}
	pw := NewParquetWriter[T](f, meta)
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

// unwrapPath drops the temporary file's name from an OS error.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
