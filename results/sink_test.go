package results

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/leadlex/leadlex/internal/pqtest"
	"github.com/parquet-go/parquet-go"
)

func readResults(t *testing.T, path string) ([]Result, *parquet.File) {
	t.Helper()
	return pqtest.ReadRows[Result](t, path)
}

// manyRows are n results with every kind of value: scores, nulls, lists
// of several lengths, skipped and error rows.
func manyRows(n int) []Result {
	rows := make([]Result, n)
	for i := range rows {
		r := &rows[i]
		r.DocID, r.Path, r.Format, r.Bytes = fmt.Sprintf("doc%05d.txt", i), fmt.Sprintf("corpus/doc%05d.txt", i), "txt", int64(100+i)
		switch i % 7 {
		case 5:
			r.Status, r.Error = StatusSkipped, ptr("empty file")
		case 6:
			r.Status, r.Error = StatusError, ptr(fmt.Sprintf("read failed at byte %d", i))
		default:
			b := float64(i%5-2) / 2
			r.Status, r.Label, r.Balance, r.Confidence = StatusOK, Labels[i%4], &b, float64(i%100)/100
			r.Words, r.Sentences, r.LeadershipHits, r.ManagementHits = int32(i%300), int32(i%20), float64(i%9), float64(i%4)
			r.Dimensions = []DimensionScore{{"vision", float64(i % 3), 0.5}, {"control", 0, float64(i % 2)}}
			r.TopTerms = make([]TermCount, i%3)
			for k := range r.TopTerms {
				r.TopTerms[k] = TermCount{Term: fmt.Sprint("term", k), Pole: "leadership", Dimension: "vision", Count: int32(k + 1)}
			}
		}
	}
	return rows
}

func ptr[T any](v T) *T { return &v }

func TestParquetRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "results.parquet")
	meta := Metadata{MetaToolVersion: "v9", MetaCommand: "leadlex score x", MetaCreatedAt: "2026-01-01T00:00:00Z", MetaSchemaVersion: SchemaVersion}
	sink, err := NewParquetSink[Result](path, meta)
	if err != nil {
		t.Fatal(err)
	}
	rows := manyRows(rowsPerGroup + 100)
	for i := range rows {
		if err := sink.Write(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("output exists before Close: %v", err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	got, pf := readResults(t, path)
	for i := range got { // Parquet has no nil lists: compare them as empty
		for _, r := range []*Result{&got[i], &rows[i]} {
			if len(r.Dimensions) == 0 {
				r.Dimensions = nil
			}
			if len(r.TopTerms) == 0 {
				r.TopTerms = nil
			}
			if len(r.Excluded) == 0 {
				r.Excluded = nil
			}
		}
	}
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("rows read back differ from rows written")
	}
	if len(pf.RowGroups()) != 2 {
		t.Errorf("%d row groups, want 2 (%d rows per group)", len(pf.RowGroups()), rowsPerGroup)
	}
	for k, v := range meta {
		if got, _ := pf.Lookup(k); got != v {
			t.Errorf("metadata %s = %q, want %q", k, got, v)
		}
	}
	for _, rg := range pf.Metadata().RowGroups {
		for _, c := range rg.Columns {
			if c.MetaData.Codec.String() != "ZSTD" {
				t.Fatalf("column %v codec %v", c.MetaData.PathInSchema, c.MetaData.Codec)
			}
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("folder holds %d files, want only the output", len(entries))
	}
}

func TestAtomicAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.parquet")
	if err := os.WriteFile(path, []byte("previous run"), 0o644); err != nil {
		t.Fatal(err)
	}
	sink, err := NewParquetSink[Result](path, Metadata{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.Write(&Result{DocID: "a"}); err != nil {
		t.Fatal(err)
	}
	sink.Abort()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files after Abort, want 1", len(entries))
	}
	if b, _ := os.ReadFile(path); string(b) != "previous run" {
		t.Errorf("Abort touched the existing output: %q", b)
	}
}

// TestAtomicFileBufferReuse checks the pooled write buffers: a file
// started after one was aborted with bytes still buffered, or after one
// was committed, holds only its own bytes, and a committed file takes no
// more writes.
func TestAtomicFileBufferReuse(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) *AtomicFile {
		t.Helper()
		f, err := CreateAtomic(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
		return f
	}
	for round := range 3 {
		write("aborted", "left in the buffer").Abort()
		name := fmt.Sprint("kept", round)
		f := write(name, "mine")
		if err := f.Commit(); err != nil {
			t.Fatal(err)
		}
		if n, err := f.Write([]byte(" and late")); err == nil || n != 0 {
			t.Errorf("Write after Commit: %d, %v; want an error", n, err)
		}
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != "mine" {
			t.Errorf("%s holds %q (%v), want \"mine\"", name, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "aborted")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the aborted file exists: %v", err)
	}
}

// TestAtomicFilesConcurrent writes files from several goroutines at once,
// as concurrent sinks do, each committing or aborting in turn with bytes
// still buffered: the pooled buffers must never carry one file's bytes
// into another (go test -race also checks that no buffer is shared).
func TestAtomicFilesConcurrent(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 8*20)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				name := filepath.Join(dir, fmt.Sprintf("g%d-%d", g, i))
				want := strings.Repeat(fmt.Sprintf("%d/%d;", g, i), 100+g*i)
				f, err := CreateAtomic(name)
				if err != nil {
					errs <- err
					return
				}
				if _, err := f.Write([]byte(want)); err != nil {
					errs <- err
					return
				}
				if i%3 == 0 {
					f.Abort()
					f.Abort() // twice: the buffer goes back once
					continue
				}
				if err := f.Commit(); err != nil {
					errs <- err
					return
				}
				f.Abort() // after Commit: a no-op
				if b, err := os.ReadFile(name); err != nil || string(b) != want {
					errs <- fmt.Errorf("%s: %d bytes (%v), want %d of its own", name, len(b), err, len(want))
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := 8 * 13; len(entries) != want { // i%3 != 0 for 13 of 20
		t.Errorf("%d files, want %d (no temporary file left, no aborted file kept)", len(entries), want)
	}
}

// failingWriter accepts n bytes, then fails as a full disk would.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("no space left on device")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestParquetWriterFailure(t *testing.T) {
	pw := NewParquetWriter[Result](&failingWriter{n: 100}, Metadata{})
	var err error
	for i := 0; i < 3*rowsPerGroup && err == nil; i++ {
		err = pw.Write(&Result{DocID: "a document id that takes some room", Status: StatusOK})
	}
	if err == nil {
		err = pw.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("err = %v, want the writer's error", err)
	}
}

func TestAtomicFileWriteError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.parquet")
	f, err := CreateAtomic(path)
	if err != nil {
		t.Fatal(err)
	}
	f.buf.Reset(&failingWriter{n: 10}) // stand in for a full disk
	f.Write(make([]byte, 2<<20))
	if err := f.Commit(); err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("Commit err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("folder holds %v after a failed commit", entries)
	}
}

func TestCreateAtomicErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := CreateAtomic(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("output is a folder: err = %v", err)
	}
	// A folder that is a file cannot be made, by root neither.
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := CreateAtomic(filepath.Join(file, "sub", "x.parquet")); err == nil || !strings.Contains(err.Error(), "create output folder") ||
		!strings.Contains(err.Error(), "not a directory") {
		t.Errorf("folder is a file: err = %v", err)
	}
}

// TestCreateAtomicReadOnlyFolder cannot create the temporary file in a
// folder without write permission. Root writes anywhere, so as root it
// skips; TestAtomicFileFileSizeLimit makes the disk fail for root too.
func TestCreateAtomicReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, who can write into a read-only folder; TestAtomicFileFileSizeLimit and TestCreateAtomicErrors cover write failures as root")
	}
	ro := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	_, err := CreateAtomic(filepath.Join(ro, "x.parquet"))
	if err == nil || !strings.Contains(err.Error(), "cannot write "+filepath.Join(ro, "x.parquet")+": permission denied") {
		t.Errorf("read-only folder: err = %v", err)
	}
	if left, _ := os.ReadDir(ro); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestParquetWriteBatch checks batches cut row groups where single rows do.
func TestParquetWriteBatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.parquet")
	sink, err := NewParquetSink[SentenceRow](path, Metadata{})
	if err != nil {
		t.Fatal(err)
	}
	rows := make([]SentenceRow, rowsPerGroup+100)
	for i := range rows {
		rows[i] = SentenceRow{DocID: "d", SentenceIndex: int32(i)}
	}
	for b := 0; b < len(rows); b += 1000 {
		if err := sink.WriteBatch(rows[b:min(b+1000, len(rows))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int64
	for _, rg := range pf.RowGroups() {
		sizes = append(sizes, rg.NumRows())
	}
	if !reflect.DeepEqual(sizes, []int64{rowsPerGroup, 100}) {
		t.Errorf("row groups of %v rows, want [%d 100]", sizes, rowsPerGroup)
	}
	got := make([]SentenceRow, len(rows))
	r := parquet.NewGenericReader[SentenceRow](f)
	defer r.Close()
	if n, _ := r.Read(got); n != len(rows) || got[len(rows)-1].SentenceIndex != int32(len(rows)-1) {
		t.Errorf("read %d rows back", n)
	}
}

// TestRemoveTemps checks that an exit in a hurry (a second Ctrl-C) leaves
// neither the temporary files of unfinished outputs nor touches one that
// was committed.
func TestRemoveTemps(t *testing.T) {
	dir := t.TempDir()
	done, err := CreateAtomic(filepath.Join(dir, "done.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	done.Write([]byte("kept"))
	if err := done.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.parquet", "b.jsonl"} {
		f, err := CreateAtomic(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("partial"))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Fatalf("%d entries before RemoveTemps, want the committed file and two temporary ones", len(entries))
	}
	RemoveTemps()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "done.parquet" {
		t.Errorf("after RemoveTemps the folder holds %v, want only done.parquet", entries)
	}
}
