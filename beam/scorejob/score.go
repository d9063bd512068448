package scorejob

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// LexiconFile is one --lexicon as shipped to the workers: its name as given
// and its bytes, so that workers need no access to the submitter's disk.
// The built-in lexicon travels by name only.
type LexiconFile struct {
	Name string
	Data []byte
}

// Metric names: one counter per row status, in the "leadlex" namespace.
const (
	MetricNamespace = "leadlex"
	MetricPrefix    = "documents_" // + ok, skipped, error
)

var statusCounters = map[string]beam.Counter{}

func init() {
	for _, s := range []string{results.StatusOK, results.StatusSkipped, results.StatusError} {
		statusCounters[s] = beam.NewCounter(MetricNamespace, MetricPrefix+s)
	}
}

// scoreFn reads one listed file (local, or fetched through its Beam
// filesystem), scores its documents with the core scorer and emits each
// row keyed by its shard.
type scoreFn struct {
	Lexicons    []LexiconFile
	LexiconHash string // of the lexicon the submitter loaded; workers check it
	Labels      pipeline.LabelOptions
	Corpus      corpus.Options
	Shards      int

	sc *pipeline.Scorer
}

// Setup builds (or reuses, once per worker process) the analyzer and gives
// this DoFn instance its own scorer: scorers are not shared between
// goroutines, and Beam runs one bundle at a time per instance.
func (fn *scoreFn) Setup() error {
	an, err := analyzerFor(fn.Lexicons, fn.LexiconHash, fn.Labels)
	if err != nil {
		return err
	}
	fn.sc = pipeline.NewScorer(an)
	return nil
}

// ProcessElement scores one file: one row per document, never an error for
// a bad file.
func (fn *scoreFn) ProcessElement(ctx context.Context, f File, emit func(int, results.Result)) {
	for _, d := range fn.read(ctx, f) {
		r := fn.sc.Score(ctx, d)
		statusCounters[r.Status].Inc(ctx, 1)
		emit(ShardOf(r.DocID, fn.Shards), *r)
	}
}

// read turns a listed file into its documents, with the listed ID.
func (fn *scoreFn) read(ctx context.Context, f File) []corpus.Doc {
	if f.Status != "" {
		return []corpus.Doc{{ID: f.ID, Path: f.Path, Format: f.Format, Bytes: f.Bytes, Status: corpus.Status(f.Status), Reason: f.Reason}}
	}
	if !f.Remote {
		return withID(corpus.ReadFile(f.Path, fn.Corpus), f.Path, f)
	}
	return fn.readRemote(ctx, f)
}

// readRemote copies a remote file to a temporary local file of the same
// name and reads that with the core reader, so that formats, limits and
// decoding are exactly those of `leadlex score`. A file over the size limit
// is not fetched: a sparse stand-in of its size makes the reader skip it
// with its usual reason.
func (fn *scoreFn) readRemote(ctx context.Context, f File) []corpus.Doc {
	dir, err := os.MkdirTemp("", "leadlex-beam-")
	if err != nil {
		return failed(f, fmt.Errorf("temporary folder: %w", err))
	}
	defer os.RemoveAll(dir)
	local := filepath.Join(dir, base(f.Path))
	if err := fetch(ctx, f.Path, local, fn.Corpus); err != nil {
		os.Remove(local)
		return failed(f, err)
	}
	return withID(corpus.ReadFile(local, fn.Corpus), local, f)
}

// fetch copies the remote file p to local, or makes local a sparse file of
// p's size when p is over the size limit.
func fetch(ctx context.Context, p, local string, opt corpus.Options) error {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return err
	}
	defer fs.Close()
	size, err := fs.Size(ctx, p)
	if err != nil {
		return err
	}
	out, err := os.Create(local)
	if err != nil {
		return err
	}
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = corpus.DefaultMaxBytes
	}
	if size > limit {
		return closeAfter(out, out.Truncate(size))
	}
	in, err := fs.OpenRead(ctx, p)
	if err != nil {
		return closeAfter(out, err)
	}
	_, err = io.Copy(out, in)
	in.Close()
	return closeAfter(out, err)
}

func closeAfter(f *os.File, err error) error {
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// failed is the error row of a remote file that could not be fetched. The
// core reader names the format: asked for a file that is not there, it
// returns an error Doc of the right format, whose reason is replaced.
func failed(f File, err error) []corpus.Doc {
	docs := withID(corpus.ReadFile(filepath.Join(os.TempDir(), "leadlex-beam-missing", base(f.Path)), corpus.Options{}), "", f)
	docs[0].Status, docs[0].Reason = corpus.Failed, "cannot read: "+err.Error()
	return docs
}

// withID gives docs read from file read (ReadFile names them by that path,
// "path#N" for records) the listed file's ID and path.
func withID(docs []corpus.Doc, read string, f File) []corpus.Doc {
	prefix := filepath.ToSlash(read)
	for i := range docs {
		suffix := ""
		if read != "" {
			suffix = strings.TrimPrefix(docs[i].ID, prefix)
		}
		docs[i].ID, docs[i].Path = f.ID+suffix, f.Path
	}
	return docs
}

// ShardOf assigns a document to one of n shards by a hash of its ID, so the
// same corpus always lands in the same shards.
func ShardOf(docID string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(docID))
	return int(h.Sum64() % uint64(n))
}

// analyzers caches one analyzer per lexicon and label options per worker
// process: compiling the lexicon is the expensive part of a scorer.
var analyzers struct {
	sync.Mutex
	m map[string]*pipeline.Analyzer
}

// analyzerFor rebuilds the submitter's lexicon from the shipped files, the
// way lexicon.Load merges them, and checks it has the same content hash.
func analyzerFor(files []LexiconFile, hash string, labels pipeline.LabelOptions) (*pipeline.Analyzer, error) {
	key := fmt.Sprintf("%s %+v", hash, labels)
	analyzers.Lock()
	defer analyzers.Unlock()
	if an, ok := analyzers.m[key]; ok {
		return an, nil
	}
	lex, err := buildLexicon(files)
	if err != nil {
		return nil, err
	}
	if lex.Hash != hash {
		return nil, fmt.Errorf("lexicon on the worker has sha256 %s, the submitter's %s", lex.Hash, hash)
	}
	an := pipeline.NewAnalyzer(lex, labels)
	if analyzers.m == nil {
		analyzers.m = map[string]*pipeline.Analyzer{}
	}
	analyzers.m[key] = an
	return an, nil
}

// buildLexicon parses and merges the shipped lexicon files in order.
func buildLexicon(files []LexiconFile) (*lexicon.Lexicon, error) {
	var out *lexicon.Lexicon
	for _, f := range files {
		l := lexicon.Default()
		if f.Name != lexicon.DefaultName {
			var err error
			if l, err = lexicon.Parse(f.Name, f.Data); err != nil {
				return nil, fmt.Errorf("lexicon: %w", err)
			}
		}
		if out == nil {
			out = l
			continue
		}
		merged, err := lexicon.Merge(out, l)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		out = merged
	}
	if out == nil {
		return lexicon.Default(), nil
	}
	return out, nil
}
