// Package scorejob builds the Apache Beam pipeline that does what
// `leadlex score` does, on as many machines as a runner gives it: list the
// input files, read and score each one with the core packages (corpus,
// lexicon, pipeline), and write the result rows as Parquet shards with the
// core writer and metadata.
//
//	Impulse ─▶ list inputs ─▶ Reshuffle ─▶ read + score ─▶ KV<shard, Result>
//	                                                          │
//	Impulse ─▶ shard numbers ─────────────────────────────▶ CoGroupByKey ─▶ write shard
//
// Listing happens in one place (it is one call per input); reading and
// scoring are spread over the workers; each shard is written by one worker.
package scorejob

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*File)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*results.Result)(nil)).Elem())
	register.DoFn3x1[context.Context, []byte, func(File), error](&listFn{})
	register.DoFn3x0[context.Context, File, func(int, results.Result)](&scoreFn{})
	register.DoFn2x0[[]byte, func(int, bool)](&shardKeysFn{})
	register.DoFn4x1[context.Context, int, func(*bool) bool, func(*results.Result) bool, error](&writeFn{})
	register.Emitter1[File]()
	register.Emitter2[int, results.Result]()
	register.Emitter2[int, bool]()
	register.Iter1[bool]()
	register.Iter1[results.Result]()
}

// Config is what one run scores and where it writes.
type Config struct {
	Inputs   []string              // files, folders or globs (--input)
	Root     string                // doc_id is the path relative to this; "" means CommonRoot of the inputs
	Output   string                // shard prefix (--output)
	Shards   int                   // number of output files
	Lexicons []string              // --lexicon files in order; "default" is the built-in one
	Labels   pipeline.LabelOptions // --min-hits, --margin, --top-terms
	Corpus   corpus.Options        // --max-bytes, --follow-symlinks
	// ToolVersion, Command and CreatedAt go into every shard's metadata.
	ToolVersion, Command, CreatedAt string
}

// Job is a checked Config, ready to be added to a pipeline.
type Job struct {
	cfg      Config
	inputs   []Input
	root     string
	lexicons []LexiconFile
	an       *pipeline.Analyzer
}

// ErrUsage marks configuration errors (exit code 2 in the CLI).
var ErrUsage = errors.New("usage")

// New checks cfg, parses the inputs and loads the lexicon the way `leadlex
// score` does, so that a bad flag or lexicon fails before any runner starts.
func New(cfg Config) (*Job, error) {
	usage := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrUsage, fmt.Sprintf(format, args...))
	}
	switch {
	case len(cfg.Inputs) == 0:
		return nil, usage("--input is required")
	case cfg.Output == "":
		return nil, usage("--output is required")
	case cfg.Shards < 1:
		return nil, usage("--shards must be 1 or more, got %d", cfg.Shards)
	}
	if err := cfg.Labels.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUsage, err) // a *fielderr.Error naming the field
	}
	j := &Job{cfg: cfg}
	for _, g := range cfg.Inputs {
		in, err := ParseInput(g)
		if err != nil {
			return nil, usage("%v", err)
		}
		j.inputs = append(j.inputs, in)
	}
	j.root = cfg.Root
	if j.root == "" {
		j.root = CommonRoot(j.inputs)
	}
	j.root = trimDir(j.root)
	lex, err := lexicon.Load(cfg.Lexicons...)
	if err != nil {
		return nil, usage("lexicon: %v", err)
	}
	for _, name := range cfg.Lexicons {
		f := LexiconFile{Name: name}
		if name != lexicon.DefaultName {
			if f.Data, err = os.ReadFile(name); err != nil {
				return nil, usage("lexicon: %v", err)
			}
		}
		j.lexicons = append(j.lexicons, f)
	}
	j.an = pipeline.NewAnalyzer(lex, cfg.Labels)
	return j, nil
}

// Root is the folder (or URL prefix) that doc_id is relative to.
func (j *Job) Root() string { return j.root }

// Metadata is the key/value metadata written into every shard: the same
// keys, from the same function, as `leadlex score`.
func (j *Job) Metadata() results.Metadata {
	return results.NewMetadata(j.an.Lexicon(), j.an.LabelSettings(), j.cfg.ToolVersion, j.cfg.Command, j.cfg.CreatedAt)
}

// Shards lists the files the job writes.
func (j *Job) Shards() []string {
	names := make([]string, j.cfg.Shards)
	for i := range names {
		names[i] = ShardName(j.cfg.Output, i, j.cfg.Shards)
	}
	return names
}

// Build adds the job's transforms to the pipeline's root scope.
func (j *Job) Build(s beam.Scope) {
	s = s.Scope("leadlex")
	imp := beam.Impulse(s)
	files := beam.ParDo(s, &listFn{Inputs: j.inputs, Root: j.root, Corpus: j.cfg.Corpus}, imp)
	files = beam.Reshuffle(s, files)
	rows := beam.ParDo(s, &scoreFn{
		Lexicons: j.lexicons, LexiconHash: j.an.Lexicon().Hash, Labels: j.cfg.Labels,
		Corpus: j.cfg.Corpus, Shards: j.cfg.Shards,
	}, files)
	keys := beam.ParDo(s, &shardKeysFn{Shards: j.cfg.Shards}, imp)
	grouped := beam.CoGroupByKey(s, keys, rows)
	beam.ParDo0(s, &writeFn{Output: j.cfg.Output, Shards: j.cfg.Shards, Meta: j.Metadata()}, grouped)
}

// listFn lists every input once, dropping files matched by more than one.
type listFn struct {
	Inputs []Input
	Root   string
	Corpus corpus.Options
}

// ProcessElement lists the inputs. When nothing at all matches, the job
// fails, as a mistyped path should; a file that cannot be read does not.
func (fn *listFn) ProcessElement(ctx context.Context, _ []byte, emit func(File)) error {
	seen := map[string]bool{}
	for _, in := range fn.Inputs {
		err := in.list(ctx, fn.Root, fn.Corpus, func(f File) {
			if !seen[f.Path] {
				seen[f.Path] = true
				emit(f)
			}
		})
		if err != nil {
			return err
		}
	}
	if len(seen) == 0 {
		globs := make([]string, len(fn.Inputs))
		for i, in := range fn.Inputs {
			globs[i] = in.Glob
		}
		return fmt.Errorf("no files match --input %s", strings.Join(globs, ", "))
	}
	return nil
}
