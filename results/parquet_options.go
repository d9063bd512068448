package results

import (
	"fmt"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/compress/gzip"
	"github.com/parquet-go/parquet-go/compress/snappy"
	"github.com/parquet-go/parquet-go/compress/uncompressed"
)

// Compressions lists the Parquet page codecs leadlex writes, the default
// first. zstd makes the smallest files; snappy and gzip are for readers
// without zstd (some JavaScript readers); none for readers without any.
var Compressions = []string{"zstd", "snappy", "gzip", "none"}

// ParquetOptions choose how Parquet files are written. The zero value is
// the default: zstd pages, data page version 1, plain encoding for
// free-text strings and dictionaries for the low-cardinality ones (the
// struct tags of the row types say which), which every Parquet reader
// tried opens (docs/PARQUET.md).
type ParquetOptions struct {
	Compression     string // one of Compressions; empty: zstd
	DataPageVersion int    // 1 or 2; 0: 1
}

// Validate reports an unknown codec or page version.
func (o ParquetOptions) Validate() error {
	if _, err := o.codec(); err != nil {
		return err
	}
	if o.DataPageVersion != 0 && o.DataPageVersion != 1 && o.DataPageVersion != 2 {
		return fmt.Errorf("data page version %d: want 1 or 2", o.DataPageVersion)
	}
	return nil
}

func (o ParquetOptions) codec() (compress.Codec, error) {
	switch strings.ToLower(o.Compression) {
	case "", "zstd":
		return zstdPages, nil
	case "snappy":
		return &snappy.Codec{}, nil
	case "gzip":
		return &gzip.Codec{}, nil
	case "none", "uncompressed":
		return &uncompressed.Codec{}, nil
	}
	return nil, fmt.Errorf("compression %q: want %s", o.Compression, strings.Join(Compressions, ", "))
}

// writerOptions are the parquet-go options for o; o must be valid.
func (o ParquetOptions) writerOptions() []parquet.WriterOption {
	codec, err := o.codec()
	if err != nil {
		panic(err) // callers validate first
	}
	version := o.DataPageVersion
	if version == 0 {
		version = 1
	}
	return []parquet.WriterOption{
		parquet.Compression(codec),
		parquet.DataPageVersion(version),
		// parquet-go's default for strings is DELTA_LENGTH_BYTE_ARRAY, which
		// Spark's vectorized reader refused before 3.4; PLAIN reads everywhere.
		parquet.DefaultEncodingFor(parquet.ByteArray, &parquet.Plain),
	}
}

// firstOptions picks the options of a variadic argument: the first, or
// the defaults.
func firstOptions(opts []ParquetOptions) ParquetOptions {
	if len(opts) == 0 {
		return ParquetOptions{}
	}
	return opts[0]
}
