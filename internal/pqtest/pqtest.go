// Package pqtest reads Parquet files back in tests.
package pqtest

import (
	"os"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// ReadRows reads every row of the Parquet file at path as T, and returns
// the open file for its schema and metadata. It fails the test when the
// file cannot be read whole.
func ReadRows[T any](t testing.TB, path string) ([]T, *parquet.File) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	rows := make([]T, pf.NumRows())
	r := parquet.NewGenericReader[T](f)
	defer r.Close()
	if n, err := r.Read(rows); n != len(rows) {
		t.Fatalf("read %d of %d rows: %v", n, len(rows), err)
	}
	return rows, pf
}
