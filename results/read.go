package results

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/parquet-go/parquet-go"
)

// File is a results file open for reading.
type File struct {
	// Meta is the file's key/value metadata (see the Meta* keys).
	Meta Metadata
	path string
	f    *os.File
}

// Open opens the results Parquet file at path. It fails unless the file is
// a leadlex results file of this SchemaVersion (a sentences file is not
// one).
func Open(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	rf, err := open(f, path)
	if err != nil {
		f.Close()
		return nil, err
	}
	return rf, nil
}

func open(f *os.File, path string) (*File, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("read %s: not a Parquet file: %w", path, err)
	}
	meta := Metadata{}
	for _, kv := range pf.Metadata().KeyValueMetadata {
		meta[kv.Key] = kv.Value
	}
	switch v, ok := meta[MetaSchemaVersion]; {
	case !ok:
		return nil, fmt.Errorf("read %s: not a leadlex results file (no %s in its metadata)", path, MetaSchemaVersion)
	case v != SchemaVersion:
		return nil, fmt.Errorf("read %s: schema version %s, this leadlex reads version %s", path, v, SchemaVersion)
	}
	if _, ok := pf.Schema().Lookup("balance"); !ok {
		return nil, fmt.Errorf("read %s: not a results file (no balance column; a sentences file?)", path)
	}
	return &File{Meta: meta, path: path, f: f}, nil
}

// Rows yields the file's rows in order, read in batches. A row is valid
// only until the next one is yielded; copy what you keep. A read error is
// yielded once, last.
func (f *File) Rows() iter.Seq2[*Result, error] {
	return func(yield func(*Result, error) bool) {
		rd := parquet.NewGenericReader[Result](f.f)
		defer rd.Close()
		batch := make([]Result, 256)
		for {
			n, err := rd.Read(batch)
			for i := range n {
				if !yield(&batch[i], nil) {
					return
				}
			}
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				yield(nil, fmt.Errorf("read %s: %w", f.path, err))
				return
			}
			clear(batch[:n]) // drop references to the rows' strings and lists
		}
	}
}

// Close closes the file.
func (f *File) Close() error { return f.f.Close() }
