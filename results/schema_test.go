package results

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/leadlex/leadlex/lexicon"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// writtenSchema writes one row of T as Parquet and returns the schema read
// back from the file, as a reader sees it.
func writtenSchema[T any](t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	pw := NewParquetWriter[T](&buf, Metadata{})
	var row T
	if err := pw.Write(&row); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return pf.Schema().String()
}

// TestSchemaGolden fails when the Parquet layout of the results or the
// sentences file changes. A deliberate change bumps SchemaVersion, updates
// the column tables of docs/RESULTS.md and rewrites the golden files with
// `go test ./results -run SchemaGolden -update`.
func TestSchemaGolden(t *testing.T) {
	keys := slices.Sorted(maps.Keys(NewMetadata(&lexicon.Lexicon{}, "l", "v", "c", "t")))
	for name, schema := range map[string]string{
		"results":   writtenSchema[Result](t),
		"sentences": writtenSchema[SentenceRow](t),
	} {
		t.Run(name, func(t *testing.T) {
			got := fmt.Sprintf("# leadlex.schema_version %s\n# metadata keys: %s\n%s\n", SchemaVersion, strings.Join(keys, " "), schema)
			path := filepath.Join("testdata", "schema", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("the %s file's schema changed; if that is meant, bump SchemaVersion (now %s), "+
					"update docs/RESULTS.md and run go test ./results -run SchemaGolden -update\n got:\n%s\nwant:\n%s",
					name, SchemaVersion, got, want)
			}
		})
	}
}
