package interop

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"

	"github.com/leadlex/leadlex/internal/pqtest"
	"github.com/leadlex/leadlex/results"
)

// TestArrowReadsEveryCompression writes the sample corpus with each
// --compression and data page version and reads it back with arrow-go: the
// footer must name the codec and page version asked for, low-cardinality
// strings must be dictionary encoded and free text plain (never
// DELTA_LENGTH_BYTE_ARRAY, which older Spark refused), and the rows must
// be those parquet-go reads.
func TestArrowReadsEveryCompression(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	codecs := map[string]compress.Compression{
		"zstd": compress.Codecs.Zstd, "snappy": compress.Codecs.Snappy,
		"gzip": compress.Codecs.Gzip, "none": compress.Codecs.Uncompressed,
	}
	type variant struct {
		compression string
		pageVersion string
	}
	variants := []variant{{"zstd", ""}, {"snappy", ""}, {"gzip", ""}, {"none", ""}, {"zstd", "2"}}
	bin := buildLeadlex(t)
	for _, v := range variants {
		name := v.compression + "-v" + v.pageVersion
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "results.parquet")
			args := []string{"score", corpusDir, "-o", out, "-q", "--compression", v.compression}
			if v.pageVersion != "" {
				args = append(args, "--data-page-version", v.pageVersion)
			}
			runLeadlex(t, bin, args...)
			rows, _ := pqtest.ReadRows[results.Result](t, out)
			rdr, err := file.OpenParquetFile(out, false)
			if err != nil {
				t.Fatalf("arrow-go cannot open: %v", err)
			}
			defer rdr.Close()
			wantPage := file.PageTypeDataPage
			if v.pageVersion == "2" {
				wantPage = file.PageTypeDataPageV2
			}
			rg := rdr.MetaData().RowGroup(0)
			for c := 0; c < rg.NumColumns(); c++ {
				cc, err := rg.ColumnChunk(c)
				if err != nil {
					t.Fatal(err)
				}
				path := cc.PathInSchema().String()
				if cc.Compression() != codecs[v.compression] {
					t.Errorf("%s: codec %s, want %s", path, cc.Compression(), codecs[v.compression])
				}
				encodings := map[parquet.Encoding]bool{}
				for _, e := range cc.Encodings() {
					encodings[e] = true
				}
				if encodings[parquet.Encodings.DeltaLengthByteArray] {
					t.Errorf("%s: DELTA_LENGTH_BYTE_ARRAY", path)
				}
				dict := cc.HasDictionaryPage()
				switch path {
				case "format", "label", "status", "dimensions.list.element.name", "top_terms.list.element.term",
					"top_terms.list.element.pole", "top_terms.list.element.dimension":
					if !dict {
						t.Errorf("%s: no dictionary", path)
					}
				case "doc_id", "path", "error":
					if dict {
						t.Errorf("%s: dictionary on a free-text column", path)
					}
				}
			}
			pages, err := rdr.RowGroup(0).GetColumnPageReader(0)
			if err != nil {
				t.Fatal(err)
			}
			var sawData bool
			for pages.Next() {
				switch pages.Page().Type() {
				case file.PageTypeDataPage, file.PageTypeDataPageV2:
					sawData = true
					if got := pages.Page().Type(); got != wantPage {
						t.Errorf("doc_id page type %v, want %v", got, wantPage)
					}
				}
			}
			if err := pages.Err(); err != nil || !sawData {
				t.Fatalf("doc_id pages: %v (data pages seen: %v)", err, sawData)
			}

			tbl, _, _ := arrowTable(t, out)
			if int(tbl.NumRows()) != len(rows) {
				t.Fatalf("arrow reads %d rows, parquet-go %d", tbl.NumRows(), len(rows))
			}
			ids := column(t, tbl, "doc_id").(*array.String)
			label := column(t, tbl, "label").(*array.String)
			for i, r := range rows {
				if ids.Value(i) != r.DocID || label.Value(i) != r.Label {
					t.Errorf("row %d: arrow %s/%s, parquet-go %s/%s", i, ids.Value(i), label.Value(i), r.DocID, r.Label)
				}
			}
		})
	}
	bad := exec.Command(bin, "score", corpusDir, "-o", filepath.Join(t.TempDir(), "x.parquet"), "--compression", "lz5")
	if out, err := bad.CombinedOutput(); bad.ProcessState == nil || bad.ProcessState.ExitCode() != 2 {
		t.Errorf("--compression lz5: %v, want exit 2 (%s)", err, out)
	}
}
