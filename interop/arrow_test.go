package interop

// This file reads leadlex's Parquet output with an independent Parquet
// implementation, Apache Arrow's (arrow-go pqarrow), the library behind
// many readers. arrow-go lives in this module's go.mod only, so the root
// module's dependency graph does not carry it (nor grpc and protobuf).

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/leadlex/leadlex/internal/pqtest"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/results"
)

// corpusDir is the bundled sample corpus, relative to this package.
const corpusDir = "../testdata/corpus"

// binVersion is the version stamped into the binary the test builds.
const binVersion = "interop-test"

// buildLeadlex builds the leadlex command, in the root module, into a
// temporary folder and returns its path: the test reads what the real
// binary writes.
func buildLeadlex(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "leadlex")
	cmd := exec.Command("go", "build", "-ldflags", "-X main.version="+binVersion, "-o", bin, "./cmd/leadlex")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runLeadlex runs the binary with args and fails the test on a non-zero exit.
func runLeadlex(t *testing.T, bin string, args ...string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = os.Environ()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("leadlex %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// arrowTable reads a whole Parquet file into an Arrow table and returns its
// key/value metadata and created_by.
func arrowTable(t *testing.T, path string) (arrow.Table, map[string]string, string) {
	t.Helper()
	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatalf("arrow-go cannot open %s: %v", path, err)
	}
	t.Cleanup(func() { rdr.Close() })
	meta := map[string]string{}
	for _, kv := range rdr.MetaData().KeyValueMetadata() {
		meta[kv.GetKey()] = kv.GetValue()
	}
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 1024}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatalf("arrow-go cannot read %s: %v", path, err)
	}
	t.Cleanup(tbl.Release)
	return tbl, meta, rdr.MetaData().GetCreatedBy()
}

// field is an expected Arrow column.
type field struct {
	name     string
	typ      arrow.DataType
	nullable bool
}

// checkArrowSchema compares a table's columns, in order, with want.
func checkArrowSchema(t *testing.T, tbl arrow.Table, want []field) {
	t.Helper()
	got := tbl.Schema().Fields()
	if len(got) != len(want) {
		t.Errorf("%d columns, want %d: %v", len(got), len(want), tbl.Schema())
	}
	for i, w := range want {
		if i >= len(got) {
			break
		}
		g := got[i]
		if g.Name != w.name || !arrow.TypeEqual(g.Type, w.typ) || g.Nullable != w.nullable {
			t.Errorf("column %d: %s %s nullable=%v; want %s %s nullable=%v", i, g.Name, g.Type, g.Nullable, w.name, w.typ, w.nullable)
		}
	}
}

// listOf is a Parquet LIST of required structs as Arrow reads it.
func listOf(fields ...arrow.Field) arrow.DataType {
	return arrow.ListOfNonNullable(arrow.StructOf(fields...))
}

var (
	utf8T    = arrow.BinaryTypes.String
	int32T   = arrow.PrimitiveTypes.Int32
	int64T   = arrow.PrimitiveTypes.Int64
	float64T = arrow.PrimitiveTypes.Float64

	dimensionsT = listOf(
		arrow.Field{Name: "name", Type: utf8T},
		arrow.Field{Name: "leadership", Type: float64T},
		arrow.Field{Name: "management", Type: float64T},
	)
	termsT = listOf(
		arrow.Field{Name: "term", Type: utf8T},
		arrow.Field{Name: "pole", Type: utf8T},
		arrow.Field{Name: "dimension", Type: utf8T},
		arrow.Field{Name: "count", Type: int32T},
	)
	excludedT = listOf(
		arrow.Field{Name: "kind", Type: utf8T},
		arrow.Field{Name: "words", Type: int32T},
	)
)

// column returns the single chunk of a column (the files are small enough
// for one batch per row group; chunks are concatenated otherwise).
func column(t *testing.T, tbl arrow.Table, name string) arrow.Array {
	t.Helper()
	idx := tbl.Schema().FieldIndices(name)
	if len(idx) != 1 {
		t.Fatalf("no column %s", name)
	}
	chunks := tbl.Column(idx[0]).Data().Chunks()
	if len(chunks) == 1 {
		return chunks[0]
	}
	arr, err := array.Concatenate(chunks, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(arr.Release)
	return arr
}

// dimensionsAt renders the dimensions (or any list<struct<name, leadership,
// management>>) of row i as leadlex's type, read through Arrow.
func dimensionsAt(l *array.List, i int) []results.DimensionScore {
	start, end := l.ValueOffsets(i)
	st := l.ListValues().(*array.Struct)
	names := st.Field(0).(*array.String)
	lead, mgmt := st.Field(1).(*array.Float64), st.Field(2).(*array.Float64)
	var out []results.DimensionScore
	for k := int(start); k < int(end); k++ {
		out = append(out, results.DimensionScore{Name: names.Value(k), Leadership: lead.Value(k), Management: mgmt.Value(k)})
	}
	return out
}

// termsAt renders the list<struct<term, pole, dimension, count>> of row i.
func termsAt(l *array.List, i int) []results.TermCount {
	start, end := l.ValueOffsets(i)
	st := l.ListValues().(*array.Struct)
	var out []results.TermCount
	for k := int(start); k < int(end); k++ {
		out = append(out, results.TermCount{
			Term: st.Field(0).(*array.String).Value(k), Pole: st.Field(1).(*array.String).Value(k),
			Dimension: st.Field(2).(*array.String).Value(k), Count: st.Field(3).(*array.Int32).Value(k),
		})
	}
	return out
}

// TestArrowReadsResultsAndSentences writes both files with the CLI and
// reads them back with arrow-go: every column's Arrow type and
// nullability, the values of the nullable and the list-of-struct columns
// row by row against parquet-go's reading, and the key/value metadata.
func TestArrowReadsResultsAndSentences(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	dir := t.TempDir()
	out, sout := filepath.Join(dir, "results.parquet"), filepath.Join(dir, "sentences.parquet")
	runLeadlex(t, buildLeadlex(t), "score", corpusDir, "-o", out, "--sentences", sout, "-q")
	rows, _ := pqtest.ReadRows[results.Result](t, out)
	sentences, _ := pqtest.ReadRows[results.SentenceRow](t, sout)
	lex := lexicon.Default()

	tbl, meta, createdBy := arrowTable(t, out)
	checkArrowSchema(t, tbl, []field{
		{"doc_id", utf8T, false}, {"path", utf8T, false}, {"format", utf8T, false},
		{"bytes", int64T, false}, {"words", int32T, false}, {"sentences", int32T, false},
		{"leadership_hits", float64T, false}, {"management_hits", float64T, false}, {"negated_hits", float64T, false},
		{"leadership_per_1k", float64T, false}, {"management_per_1k", float64T, false},
		{"balance", float64T, true}, {"label", utf8T, false}, {"confidence", float64T, false},
		{"dimensions", dimensionsT, false}, {"top_terms", termsT, false},
		{"status", utf8T, false}, {"error", utf8T, true},
		{"scored_words", int32T, false}, {"excluded", excludedT, false},
		{"leadership_percentile", float64T, true}, {"balance_percentile", float64T, true},
	})
	if int(tbl.NumRows()) != len(rows) {
		t.Fatalf("arrow reads %d rows, parquet-go %d", tbl.NumRows(), len(rows))
	}
	ids := column(t, tbl, "doc_id").(*array.String)
	words := column(t, tbl, "words").(*array.Int32)
	balance := column(t, tbl, "balance").(*array.Float64)
	errs := column(t, tbl, "error").(*array.String)
	dims := column(t, tbl, "dimensions").(*array.List)
	terms := column(t, tbl, "top_terms").(*array.List)
	nullBalance, nullError := 0, 0
	for i, r := range rows {
		if ids.Value(i) != r.DocID || words.Value(i) != r.Words {
			t.Errorf("row %d: arrow %s/%d, parquet-go %s/%d", i, ids.Value(i), words.Value(i), r.DocID, r.Words)
		}
		if balance.IsNull(i) != (r.Balance == nil) || r.Balance != nil && balance.Value(i) != *r.Balance {
			t.Errorf("%s: balance null=%v %v, want %v", r.DocID, balance.IsNull(i), balance.Value(i), r.Balance)
		}
		if errs.IsNull(i) != (r.Error == nil) || r.Error != nil && errs.Value(i) != *r.Error {
			t.Errorf("%s: error null=%v %q, want %v", r.DocID, errs.IsNull(i), errs.Value(i), deref(r.Error))
		}
		if balance.IsNull(i) {
			nullBalance++
		}
		if errs.IsNull(i) {
			nullError++
		}
		if got := dimensionsAt(dims, i); !reflect.DeepEqual(got, nilIfEmpty(r.Dimensions)) {
			t.Errorf("%s: dimensions %+v, want %+v", r.DocID, got, r.Dimensions)
		}
		if got := termsAt(terms, i); !reflect.DeepEqual(got, nilIfEmpty(r.TopTerms)) {
			t.Errorf("%s: top_terms %+v, want %+v", r.DocID, got, r.TopTerms)
		}
		if dims.IsNull(i) || terms.IsNull(i) {
			t.Errorf("%s: a list column is null; want empty lists for rows without scores", r.DocID)
		}
	}
	// Five rows were skipped or failed (no balance, an error) and some
	// scored rows have no hits (no balance, no error).
	if balance.NullN() != nullBalance || nullBalance < 6 || errs.NullN() != len(rows)-5 {
		t.Errorf("nulls: balance %d (counted %d), error %d of %d rows", balance.NullN(), nullBalance, errs.NullN(), len(rows))
	}
	if len(dimensionsAt(dims, 0)) != len(lex.Dimensions) {
		t.Errorf("first row has %d dimensions, lexicon %d", len(dimensionsAt(dims, 0)), len(lex.Dimensions))
	}
	wantMeta := map[string]string{
		results.MetaSchemaVersion:  results.SchemaVersion,
		results.MetaToolVersion:    binVersion,
		results.MetaLexiconName:    lex.Name,
		results.MetaLexiconVersion: lex.Version,
		results.MetaLexiconHash:    lex.Hash,
		results.MetaCommand:        fmt.Sprintf("leadlex score --output=%s --sentences=%s %s", out, sout, corpusDir),
		results.MetaCreatedAt:      "2026-01-01T00:00:00Z",
		results.MetaLabels:         "min_hits=0.5 margin=0.2 top_terms=10 negation_window=3",
	}
	checkMeta(t, "results", meta, wantMeta)
	if !strings.HasPrefix(createdBy, "leadlex") {
		t.Errorf("created_by %q", createdBy)
	}

	stbl, smeta, _ := arrowTable(t, sout)
	checkArrowSchema(t, stbl, []field{
		{"doc_id", utf8T, false}, {"sentence_index", int32T, false},
		{"byte_start", int64T, false}, {"byte_end", int64T, false}, {"text", utf8T, false},
		{"words", int32T, false}, {"leadership_hits", float64T, false}, {"management_hits", float64T, false},
		{"negated_hits", float64T, false}, {"dimensions", dimensionsT, false}, {"terms", termsT, false},
		{"label", utf8T, false},
	})
	if int(stbl.NumRows()) != len(sentences) {
		t.Fatalf("arrow reads %d sentence rows, parquet-go %d", stbl.NumRows(), len(sentences))
	}
	sids := column(t, stbl, "doc_id").(*array.String)
	text := column(t, stbl, "text").(*array.String)
	start := column(t, stbl, "byte_start").(*array.Int64)
	sdims := column(t, stbl, "dimensions").(*array.List)
	sterms := column(t, stbl, "terms").(*array.List)
	withTerms := 0
	for i, s := range sentences {
		if sids.Value(i) != s.DocID || text.Value(i) != s.Text || start.Value(i) != s.ByteStart {
			t.Errorf("sentence %d: arrow %s %d %q, parquet-go %s %d %q", i, sids.Value(i), start.Value(i), text.Value(i), s.DocID, s.ByteStart, s.Text)
		}
		if got := dimensionsAt(sdims, i); !reflect.DeepEqual(got, s.Dimensions) {
			t.Errorf("sentence %d: dimensions %+v, want %+v", i, got, s.Dimensions)
		}
		if got := termsAt(sterms, i); !reflect.DeepEqual(got, nilIfEmpty(s.Terms)) {
			t.Errorf("sentence %d: terms %+v, want %+v", i, got, s.Terms)
		}
		if len(s.Terms) > 0 {
			withTerms++
		}
	}
	for _, name := range []string{"doc_id", "text", "dimensions", "terms", "label"} {
		if n := column(t, stbl, name).NullN(); n != 0 {
			t.Errorf("sentences column %s has %d nulls", name, n)
		}
	}
	if withTerms < 50 {
		t.Errorf("only %d sentences with terms", withTerms)
	}
	checkMeta(t, "sentences", smeta, wantMeta)
}

func checkMeta(t *testing.T, file string, got, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s metadata %s = %q, want %q", file, k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s metadata has %d keys, want %d: %v", file, len(got), len(want), got)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
