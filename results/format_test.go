package results

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// formatRows are two results: a scored one and a skipped one with nulls
// and empty lists.
func formatRows() []Result {
	b := 0.5
	return []Result{
		{DocID: "jobs/a.md", Path: "c/jobs/a.md", Format: "md", Bytes: 120, Words: 20, Sentences: 2,
			Hits: Hits{LeadershipHits: 3, ManagementHits: 1}, LeadershipPer1k: 150, ManagementPer1k: 50, Balance: &b,
			Label: LabelLeadership, Confidence: 0.25,
			Dimensions: []DimensionScore{{"vision", 3, 1}, {"risk", 0, 0}},
			TopTerms:   []TermCount{{"inspire", "leadership", "vision", 3}, {"budget", "management", "vision", 1}},
			Status:     StatusOK},
		{DocID: `odd "name", <b>.txt`, Path: "p", Format: "txt", Status: StatusSkipped, Error: ptr("empty file")},
	}
}

// writeText writes formatRows with a text writer and returns the output.
func writeText(t *testing.T, open func(io.Writer) (*TextWriter[Result], error)) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	w, err := open(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range formatRows() {
		if err := w.Write(&r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf
}

func TestJSONLWriter(t *testing.T) {
	buf := writeText(t, NewJSONLWriter[Result])
	want := `{"doc_id":"jobs/a.md","path":"c/jobs/a.md","format":"md","bytes":120,"words":20,"sentences":2,"leadership_hits":3,"management_hits":1,"negated_hits":0,"leadership_per_1k":150,"management_per_1k":50,"balance":0.5,"label":"leadership","confidence":0.25,"dimensions":[{"name":"vision","leadership":3,"management":1},{"name":"risk","leadership":0,"management":0}],"top_terms":[{"term":"inspire","pole":"leadership","dimension":"vision","count":3},{"term":"budget","pole":"management","dimension":"vision","count":1}],"status":"ok","error":null,"scored_words":0,"excluded":[],"leadership_percentile":null,"balance_percentile":null}
{"doc_id":"odd \"name\", <b>.txt","path":"p","format":"txt","bytes":0,"words":0,"sentences":0,"leadership_hits":0,"management_hits":0,"negated_hits":0,"leadership_per_1k":0,"management_per_1k":0,"balance":null,"label":"","confidence":0,"dimensions":[],"top_terms":[],"status":"skipped","error":"empty file","scored_words":0,"excluded":[],"leadership_percentile":null,"balance_percentile":null}
`
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
	// Each line decodes back into the same result (empty lists aside).
	rows := formatRows()
	rows[1].Dimensions, rows[1].TopTerms = []DimensionScore{}, []TermCount{}
	for i, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var r Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Excluded) == 0 {
			r.Excluded = nil
		}
		if !reflect.DeepEqual(r, rows[i]) {
			t.Errorf("line %d decodes to %+v", i, r)
		}
	}
}

func TestCSVWriter(t *testing.T) {
	recs, err := csv.NewReader(writeText(t, NewCSVWriter[Result])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"doc_id", "path", "format", "bytes", "words", "sentences", "leadership_hits", "management_hits", "negated_hits",
			"leadership_per_1k", "management_per_1k", "balance", "label", "confidence", "dimensions", "top_terms", "status", "error", "scored_words", "excluded", "leadership_percentile", "balance_percentile"},
		{"jobs/a.md", "c/jobs/a.md", "md", "120", "20", "2", "3", "1", "0", "150", "50", "0.5", "leadership", "0.25",
			`[{"name":"vision","leadership":3,"management":1},{"name":"risk","leadership":0,"management":0}]`,
			`[{"term":"inspire","pole":"leadership","dimension":"vision","count":3},{"term":"budget","pole":"management","dimension":"vision","count":1}]`,
			"ok", "", "0", "[]", "", ""},
		{`odd "name", <b>.txt`, "p", "txt", "0", "0", "0", "0", "0", "0", "0", "0", "", "", "0", "[]", "[]", "skipped", "empty file", "0", "[]", "", ""},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("got:\n%q\nwant:\n%q", recs, want)
	}
}

// TestTextColumnsMatchParquet checks the text formats name their columns
// (and nested fields, by JSON tag) as the Parquet files do.
func TestTextColumnsMatchParquet(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[Result](), reflect.TypeFor[SentenceRow](),
		reflect.TypeFor[DimensionScore](), reflect.TypeFor[TermCount](), reflect.TypeFor[ExcludedWords]()} {
		for _, f := range reflect.VisibleFields(typ) {
			if f.Anonymous { // embedded: its fields are columns of their own
				continue
			}
			p, _, _ := strings.Cut(f.Tag.Get("parquet"), ",")
			if j := f.Tag.Get("json"); p == "" || j != p {
				t.Errorf("%s.%s: parquet name %q, json name %q", typ.Name(), f.Name, p, j)
			}
		}
	}
}

func TestNewSink(t *testing.T) {
	dir := t.TempDir()
	rows := formatRows()
	for _, f := range []Format{FormatJSONL, FormatCSV, FormatParquet} {
		path := filepath.Join(dir, "out."+string(f))
		if FormatOf(path) != f {
			t.Errorf("FormatOf(%s) = %s", path, FormatOf(path))
		}
		sink, err := NewSink[Result](path, f, Metadata{MetaSchemaVersion: "1"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		sink.Write(&rows[0])
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%s: output exists before Close", f)
		}
		if err := sink.Close(); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		if f != FormatParquet && !strings.Contains(string(data), "jobs/a.md") {
			t.Errorf("%s: %q", f, data)
		}
		if f == FormatParquet {
			if got, _ := readResults(t, path); len(got) != 1 || got[0].DocID != "jobs/a.md" {
				t.Errorf("parquet rows %+v", got)
			}
		}
	}

	var stdout bytes.Buffer
	sink, err := NewSink[SentenceRow](Stdout, FormatJSONL, nil, &stdout)
	if err != nil {
		t.Fatal(err)
	}
	sink.Write(&SentenceRow{DocID: "d", Text: "Hi."})
	if stdout.Len() != 0 {
		t.Error("stdout written before Close: want it buffered")
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout.String(), `{"doc_id":"d","sentence_index":0,`) || !strings.HasSuffix(stdout.String(), `"terms":[],"label":""}`+"\n") {
		t.Errorf("stdout %q", stdout.String())
	}
	if _, err := NewSink[Result](Stdout, FormatParquet, nil, &stdout); err == nil || !strings.Contains(err.Error(), "cannot be written to stdout") {
		t.Errorf("parquet to stdout: err %v", err)
	}

	for in, want := range map[string]Format{"CSV": FormatCSV, "jsonl": FormatJSONL, "parquet": FormatParquet} {
		if f, err := ParseFormat(in); err != nil || f != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, f, err)
		}
	}
	if _, err := ParseFormat("xlsx"); err == nil || !strings.Contains(err.Error(), `unknown format "xlsx"`) {
		t.Errorf("ParseFormat(xlsx): %v", err)
	}
}
