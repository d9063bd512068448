package scorejob

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/leadlex/leadlex/results"
)

// ShardName is the file of shard i of n: PREFIX-00003-of-00008.parquet.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.parquet", prefix, i, n)
}

// shardKeysFn emits every shard number once, so that a shard that gets no
// rows is still written (as an empty file with the schema and metadata).
type shardKeysFn struct {
	Shards int
}

// ProcessElement emits 0 .. Shards-1.
func (fn *shardKeysFn) ProcessElement(_ []byte, emit func(int, bool)) {
	for i := range fn.Shards {
		emit(i, true)
	}
}

// writeFn writes one shard: its rows sorted by doc_id, as Parquet with the
// core writer and metadata, into a file that appears only when complete.
type writeFn struct {
	Output string // prefix
	Shards int
	Meta   map[string]string
}

// ProcessElement collects the shard's rows, sorts them and writes the file.
func (fn *writeFn) ProcessElement(ctx context.Context, shard int, _ func(*bool) bool, rows func(*results.Result) bool) error {
	var all []results.Result
	var r results.Result
	for rows(&r) {
		all = append(all, r)
		r = results.Result{}
	}
	slices.SortFunc(all, func(a, b results.Result) int {
		return cmp.Or(cmp.Compare(a.DocID, b.DocID), cmp.Compare(a.Path, b.Path))
	})
	name := ShardName(fn.Output, shard, fn.Shards)
	if strings.Contains(name, "://") {
		return writeRemote(ctx, name, fn.Meta, all)
	}
	return writeLocal(name, fn.Meta, all)
}

// writeLocal writes with the core's Parquet sink: under a temporary name,
// renamed into place when complete.
func writeLocal(name string, meta map[string]string, rows []results.Result) error {
	sink, err := results.NewParquetSink[results.Result](name, meta)
	if err != nil {
		return err
	}
	for i := range rows {
		if err := sink.Write(&rows[i]); err != nil {
			sink.Abort()
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return sink.Close()
}

// writeRemote writes through the Beam filesystem of name's scheme. Object
// stores (gs://, s3://) make an object visible only when its upload
// completes, which is what the rename does for local files.
func writeRemote(ctx context.Context, name string, meta map[string]string, rows []results.Result) error {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := writeRows(w, meta, rows); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

func writeRows(w io.Writer, meta map[string]string, rows []results.Result) error {
	pw := results.NewParquetWriter[results.Result](w, meta)
	for i := range rows {
		if err := pw.Write(&rows[i]); err != nil {
			return err
		}
	}
	return pw.Close()
}
