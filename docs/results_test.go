package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// column is one top-level column of a Parquet schema golden file.
type column struct {
	name, typ string
	nullable  bool
}

// schemaGolden reads the schema golden file name (results or sentences),
// wherever the package owning the results schema keeps it, and returns its
// top-level columns and metadata keys.
func schemaGolden(t *testing.T, name string) ([]column, []string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "*", "testdata", "schema", name+".golden"))
	if err != nil || len(paths) != 1 {
		t.Fatalf("want one %s.golden under */testdata/schema, found %v (%v)", name, paths, err)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	var cols []column
	var keys []string
	for _, line := range strings.Split(string(data), "\n") {
		if k, ok := strings.CutPrefix(line, "# metadata keys: "); ok {
			keys = strings.Fields(k)
		}
		f := strings.Fields(line)
		if !strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "\t\t") || len(f) < 3 {
			continue
		}
		c := column{nullable: f[0] == "optional", name: strings.TrimSuffix(f[2], ";"), typ: f[1]}
		switch {
		case f[1] == "binary":
			c.typ = "string"
		case f[1] == "group":
			c.typ = "list"
		}
		cols = append(cols, c)
	}
	if len(cols) == 0 || len(keys) == 0 {
		t.Fatalf("%s: no columns or metadata keys found", paths[0])
	}
	return cols, keys
}

var backticked = regexp.MustCompile("`([^`]+)`")

// columnTable returns the rows of the first table whose header starts with
// "| column" after the line heading, as the backticked names of the first
// cell and the rest of the row.
func columnTable(t *testing.T, text, heading string) [][2]string {
	t.Helper()
	_, rest, ok := strings.Cut("\n"+text, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("no heading %q", heading)
	}
	var rows [][2]string
	in := false
	for _, line := range strings.Split(rest, "\n") {
		switch {
		case strings.HasPrefix(line, "| column"):
			in = true
		case in && strings.HasPrefix(line, "|---"):
		case in && strings.HasPrefix(line, "|"):
			cells := strings.SplitN(strings.Trim(line, "|"), "|", 2)
			for _, m := range backticked.FindAllStringSubmatch(cells[0], -1) {
				rows = append(rows, [2]string{m[1], strings.TrimSpace(cells[1])})
			}
		case in:
			return rows
		}
	}
	return rows
}

// TestResultsColumnsDocumented keeps the column tables of docs/RESULTS.md
// (and the short one in the README) in step with the schema golden files:
// every column, in order, with its type and whether it can be null, and
// every metadata key.
func TestResultsColumnsDocumented(t *testing.T) {
	data, err := os.ReadFile("RESULTS.md")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ golden, heading string }{
		{"results", "# The results file"},
		{"sentences", "## The sentences file"},
	} {
		cols, keys := schemaGolden(t, tc.golden)
		rows := columnTable(t, string(data), tc.heading)
		var want, got []string
		for _, c := range cols {
			want = append(want, c.name)
		}
		for _, r := range rows {
			got = append(got, r[0])
		}
		if !slices.Equal(got, want) {
			t.Errorf("RESULTS.md %q lists columns\n%v\nthe %s schema has\n%v", tc.heading, got, tc.golden, want)
			continue
		}
		for i, c := range cols {
			typ := rows[i][1]
			if !strings.HasPrefix(typ, c.typ) {
				t.Errorf("RESULTS.md: column %s has type %q, the schema %s", c.name, typ, c.typ)
			}
			if nullable := strings.HasPrefix(typ, c.typ+", nullable"); nullable != c.nullable {
				t.Errorf("RESULTS.md: column %s nullable %v, in the schema %v", c.name, nullable, c.nullable)
			}
		}
		for _, k := range keys {
			if !strings.Contains(string(data), "`"+k+"`") {
				t.Errorf("RESULTS.md does not name the metadata key %s", k)
			}
		}
		if tc.golden == "results" {
			var short []string
			for _, r := range columnTable(t, string(readme), "## The output columns") {
				short = append(short, r[0])
			}
			if !slices.Equal(short, want) {
				t.Errorf("README.md's output columns\n%v\nthe results schema has\n%v", short, want)
			}
		}
	}
}
