package scorejob_test

import (
	"cmp"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/parquet-go/parquet-go"

	"github.com/leadlex/leadlex/beam/scorejob"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

const (
	repoRoot  = "../.."
	corpusDir = "../../testdata/corpus"
	epoch     = "1700000000"
)

func TestMain(m *testing.M) {
	os.Setenv("SOURCE_DATE_EPOCH", epoch)
	ptest.Main(m)
}

// leadlexScore runs the real `leadlex score` binary, built from the root
// module, with args (flags and roots) and returns its rows and metadata.
func leadlexScore(t *testing.T, args ...string) ([]results.Result, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "leadlex")
	build := exec.Command("go", "build", "-o", bin, "./cmd/leadlex")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build leadlex: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "score.parquet")
	score := exec.Command(bin, append([]string{"score", "-q", "-o", out}, args...)...)
	if msg, err := score.CombinedOutput(); err != nil {
		t.Fatalf("leadlex score: %v\n%s", err, msg)
	}
	return readShard(t, out)
}

// runBeam runs the job on Prism and returns the rows of all shards, in
// shard order, and the metadata of each shard.
func runBeam(t *testing.T, cfg scorejob.Config) ([]results.Result, []map[string]string) {
	t.Helper()
	if cfg.Output == "" {
		cfg.Output = filepath.Join(t.TempDir(), "out", "results")
	}
	cfg.Labels = pipeline.DefaultLabels
	cfg.ToolVersion, cfg.Command, cfg.CreatedAt = "test", "leadlex-beam test", "2023-11-14T22:13:20Z"
	job, err := scorejob.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	job.Build(s)
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	var rows []results.Result
	var metas []map[string]string
	for i, name := range job.Shards() {
		shard, meta := readShard(t, name)
		for _, r := range shard {
			if got := scorejob.ShardOf(r.DocID, cfg.Shards); got != i {
				t.Errorf("%s is in shard %d, ShardOf says %d", r.DocID, i, got)
			}
		}
		if !slices.IsSortedFunc(shard, byDocID) {
			t.Errorf("shard %s is not sorted by doc_id", name)
		}
		rows = append(rows, shard...)
		metas = append(metas, meta)
	}
	// Only the shards and nothing else (no temporary files) are left in
	// the output's folder, local or on the Beam filesystem.
	left, err := listOutputs(cfg.Output)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(left, job.Shards()) {
		t.Errorf("files left: %v, want %v", left, job.Shards())
	}
	return rows, metas
}

// listOutputs lists every file in the folder of the output prefix, sorted:
// on disk, or on memfs for a memfs:// prefix.
func listOutputs(prefix string) ([]string, error) {
	if strings.HasPrefix(prefix, "memfs://") {
		return memfs.New(context.Background()).List(context.Background(), prefix[:strings.LastIndex(prefix, "/")+1]+"*")
	}
	return filepath.Glob(filepath.Join(filepath.Dir(prefix), "*"))
}

func byDocID(a, b results.Result) int { return cmp.Compare(a.DocID, b.DocID) }

func readShard(t *testing.T, name string) ([]results.Result, map[string]string) {
	t.Helper()
	data, err := readAll(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	meta := map[string]string{}
	for _, kv := range f.Metadata().KeyValueMetadata {
		meta[kv.Key] = kv.Value
	}
	rows := make([]results.Result, f.NumRows())
	r := parquet.NewGenericReader[results.Result](f)
	defer r.Close()
	if n, _ := r.Read(rows); n != len(rows) {
		t.Fatalf("%s: read %d of %d rows", name, n, len(rows))
	}
	return rows, meta
}

func readAll(name string) ([]byte, error) {
	if strings.HasPrefix(name, "memfs://") {
		fs := memfs.New(context.Background())
		r, err := fs.OpenRead(context.Background(), name)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		var b strings.Builder
		buf := make([]byte, 32<<10)
		for {
			n, err := r.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				return []byte(b.String()), nil
			}
		}
	}
	return os.ReadFile(name)
}

// sameRows compares full rows, order aside, and reports the differences
// as JSON so a failure shows which column differs.
func sameRows(t *testing.T, got, want []results.Result) {
	t.Helper()
	slices.SortFunc(got, byDocID)
	slices.SortFunc(want, byDocID)
	if len(want) == 0 {
		t.Fatal("the reference run has no rows")
	}
	if len(got) != len(want) {
		t.Errorf("%d rows, want %d", len(got), len(want))
	}
	gj, wj := rowsJSON(got), rowsJSON(want)
	for i := range max(len(gj), len(wj)) {
		if i >= len(got) || i >= len(want) || !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("row %d:\n got %s\nwant %s", i, at(gj, i), at(wj, i))
		}
	}
}

func rowsJSON(rows []results.Result) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		b, _ := json.Marshal(r)
		out[i] = string(b)
	}
	return out
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(none)"
}

// TestPrismEqualsScore is the acceptance test: the rows of all
// shards together are the rows of `leadlex score` on the same folder,
// including the skipped and failed files, with the same metadata keys.
func TestPrismEqualsScore(t *testing.T) {
	want, wantMeta := leadlexScore(t, corpusDir)
	got, metas := runBeam(t, scorejob.Config{Inputs: []string{corpusDir}, Shards: 3})
	sameRows(t, got, want)
	statuses := map[string]int{}
	for _, r := range got {
		statuses[r.Status]++
	}
	if statuses[results.StatusOK] == 0 || statuses[results.StatusSkipped] == 0 || statuses[results.StatusError] == 0 {
		t.Errorf("statuses %v: the corpus should give ok, skipped and error rows", statuses)
	}
	for i, meta := range metas {
		for k, v := range wantMeta {
			switch k {
			case results.MetaCommand, results.MetaToolVersion, results.MetaCreatedAt:
				if meta[k] == "" {
					t.Errorf("shard %d: metadata %s is empty", i, k)
				}
			default:
				if meta[k] != v {
					t.Errorf("shard %d: metadata %s = %q, leadlex score has %q", i, k, meta[k], v)
				}
			}
		}
		if len(meta) != len(wantMeta) {
			t.Errorf("shard %d: metadata keys %v, leadlex score has %v", i, keys(meta), keys(wantMeta))
		}
	}
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestPrismLexicon checks that a --lexicon file reaches the workers: the
// rows are those of `leadlex score --lexicon` with the same file, and the
// metadata names that lexicon.
func TestPrismLexicon(t *testing.T) {
	lex := repoRoot + "/testdata/lexicons/mini.yaml"
	want, wantMeta := leadlexScore(t, "--lexicon", lex, corpusDir+"/memos")
	got, metas := runBeam(t, scorejob.Config{Inputs: []string{corpusDir + "/memos"}, Lexicons: []string{lex}, Shards: 1})
	sameRows(t, got, want)
	if metas[0][results.MetaLexiconName] != "mini" || metas[0][results.MetaLexiconHash] != wantMeta[results.MetaLexiconHash] {
		t.Errorf("lexicon metadata %q %q, leadlex score has %q %q", metas[0][results.MetaLexiconName],
			metas[0][results.MetaLexiconHash], wantMeta[results.MetaLexiconName], wantMeta[results.MetaLexiconHash])
	}
}

// TestPrismGlob checks that doc_id is relative to the folder part of a glob
// and that "**" crosses folders: the .md files under jobs/ are the .md rows
// of `leadlex score jobs/`. An empty shard is still written.
func TestPrismGlob(t *testing.T) {
	all, _ := leadlexScore(t, corpusDir+"/jobs")
	var want []results.Result
	for _, r := range all {
		if strings.HasSuffix(r.DocID, ".md") {
			want = append(want, r)
		}
	}
	got, metas := runBeam(t, scorejob.Config{Inputs: []string{corpusDir + "/jobs/**/*.md"}, Shards: 8})
	sameRows(t, got, want)
	if len(metas) != 8 {
		t.Errorf("%d shards, want 8", len(metas))
	}
}

// TestPrismRemote reads the corpus through a Beam filesystem (memfs, as
// gs:// and s3:// would be) and writes the shards there: same rows as
// `leadlex score` but for the path column, hidden files left out.
func TestPrismRemote(t *testing.T) {
	ctx := context.Background()
	mem := memfs.New(ctx)
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := mem.OpenWrite(ctx, "memfs://corpus/"+filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		w.Write(data)
		return w.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	// A size limit that some files exceed: those are skipped without being
	// fetched, with the reason leadlex score gives.
	want, _ := leadlexScore(t, "--max-bytes", "1400", corpusDir)
	tooBig := 0
	for i := range want {
		want[i].Path = "memfs://corpus/" + want[i].DocID
		if want[i].Error != nil && strings.Contains(*want[i].Error, "--max-bytes") {
			tooBig++
		}
	}
	if tooBig == 0 {
		t.Fatal("no file is over the limit; lower it")
	}
	// memfs matches like filepath.Match: "*" stays in one folder.
	got, _ := runBeam(t, scorejob.Config{
		Inputs: []string{"memfs://corpus/*", "memfs://corpus/*/*", "memfs://corpus/*/*/*"},
		Output: "memfs://out/results", Shards: 2, Corpus: corpus.Options{MaxBytes: 1400},
	})
	sameRows(t, got, want)
}
