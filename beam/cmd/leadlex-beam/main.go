// Command leadlex-beam scores a corpus like `leadlex score`, as an Apache
// Beam pipeline: on the in-process Prism runner by default, or on Flink,
// Spark or Dataflow with --runner and that runner's flags.
//
//	leadlex-beam --input 'testdata/corpus' --output out/results --shards 4
//	leadlex-beam --input 'gs://bucket/jobs/**' --output gs://bucket/out/results \
//	    --runner dataflow --project P --region R --temp_location gs://bucket/tmp
//
// It writes PREFIX-00000-of-0000N.parquet … with the rows and metadata of
// `leadlex score`. Exit status: 0 done, 1 with --fail-on-error when a row
// has status error, 2 for usage errors or a failed job, 130 interrupted.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/options/jobopts"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/leadlex/leadlex/beam/scorejob"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/buildinfo"
	"github.com/leadlex/leadlex/internal/exitcode"
	"github.com/leadlex/leadlex/internal/fielderr"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// version is set at build time with -ldflags "-X main.version=…".
var version string

// Exit codes, shared with leadlex.
const (
	exitOK        = exitcode.OK
	exitViolation = exitcode.Violation
	exitUsage     = exitcode.Usage
	exitInterrupt = exitcode.Interrupt
)

// ours are the flags of leadlex-beam itself; every other flag belongs to
// Beam and its runners and is left out of the metadata's command line.
var ours = map[string]bool{}

// options are leadlex-beam's own flags.
type options struct {
	inputs, lexicons stringList
	root, output     string
	shards           int
	labels           pipeline.LabelOptions
	followSymlinks   bool
	failOnError      bool
	flags            *flag.FlagSet // for the command line recorded in metadata
}

func (o *options) register(fs *flag.FlagSet) {
	o.labels = pipeline.DefaultLabels
	def := func(name string) string { ours[name] = true; return name }
	fs.Var(&o.inputs, def("input"), "file, folder or glob to score (local, gs://, s3://); '**' crosses folders; repeatable")
	fs.StringVar(&o.output, def("output"), "", "prefix of the Parquet shards: PREFIX-00000-of-0000N.parquet (local, gs://, s3://)")
	fs.Var(&o.lexicons, def("lexicon"), "lexicon file (YAML); repeat to extend; 'default' is the built-in lexicon")
	fs.IntVar(&o.shards, def("shards"), 4, "number of output files; rows go to a shard by a hash of doc_id")
	fs.StringVar(&o.root, def("root"), "", "doc_id is the path relative to this (default: the folder part of --input before any wildcard)")
	fs.Float64Var(&o.labels.MinHits, def("min-hits"), o.labels.MinHits, "weighted hits below which a document is labelled none")
	fs.Float64Var(&o.labels.Margin, def("margin"), o.labels.Margin, "balance needed for a one-sided label")
	fs.IntVar(&o.labels.TopTerms, def("top-terms"), o.labels.TopTerms, "how many terms to keep in top_terms")
	fs.BoolVar(&o.followSymlinks, def("follow-symlinks"), false, "follow symbolic links in local folders")
	fs.BoolVar(&o.failOnError, "fail-on-error", false, "exit 1 when any document has status error")
}

func main() {
	var o options
	o.register(flag.CommandLine)
	o.flags = flag.CommandLine
	logLevel := flag.String("log_level", "warn", "Beam and runner log level: debug, info, warn or error")
	flag.Usage = usage
	flag.Parse()
	beamlog.LogLevel = *logLevel
	// On a worker, Init runs the SDK harness and never returns.
	beam.Init()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, &o, flag.Args(), os.Stderr))
}

func usage() {
	w := flag.CommandLine.Output()
	fmt.Fprintf(w, `Usage: leadlex-beam --input GLOB --output PREFIX [--lexicon FILE]... [--shards N] [--runner prism|flink|spark|dataflow] [runner flags]

Scores every document like 'leadlex score' and writes PREFIX-00000-of-0000N.parquet.
The default runner is Prism, in this process. See docs/SCALING.md in the leadlex
repository for the flags of Flink, Spark and Dataflow.

leadlex flags:
`)
	printFlags(w, func(name string) bool { return ours[name] || name == "fail-on-error" })
	fmt.Fprint(w, "\nBeam and runner flags:\n")
	printFlags(w, func(name string) bool { return !ours[name] && name != "fail-on-error" })
}

func printFlags(w io.Writer, keep func(name string) bool) {
	flag.VisitAll(func(f *flag.Flag) {
		if !keep(f.Name) {
			return
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  --%s\n    \t%s%s\n", f.Name, f.Usage, def)
	})
}

func run(ctx context.Context, o *options, args []string, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "leadlex-beam: unexpected arguments %q (inputs go in --input)\n", args)
		return exitUsage
	}
	stamp, err := buildinfo.CreatedAt()
	if err != nil {
		fmt.Fprintln(stderr, "leadlex-beam:", err)
		return exitUsage
	}
	job, err := scorejob.New(scorejob.Config{
		Inputs: o.inputs, Root: o.root, Output: o.output, Shards: o.shards,
		Lexicons: o.lexicons, Labels: o.labels,
		Corpus:      corpus.Options{FollowSymlinks: o.followSymlinks},
		ToolVersion: toolVersion(), Command: commandLine(o.flags), CreatedAt: stamp,
	})
	if err != nil {
		err = fielderr.Rename(err, labelFlags)
		fmt.Fprintln(stderr, "leadlex-beam:", strings.TrimPrefix(err.Error(), scorejob.ErrUsage.Error()+": "))
		return exitUsage
	}
	p, s := beam.NewPipelineWithRoot()
	job.Build(s)
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, p)
	elapsed := time.Since(start)
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(stderr, "leadlex-beam: interrupted; shards already written stay, the others were not written")
		return exitInterrupt
	case err != nil:
		fmt.Fprintln(stderr, "leadlex-beam: job failed:", cause(err))
		return exitUsage
	}
	shards := job.Shards()
	if *jobopts.Async {
		fmt.Fprintf(stderr, "job submitted (--async); it writes %d shards: %s … %s\n", len(shards), shards[0], shards[len(shards)-1])
		return exitOK
	}
	byStatus, counted := statusCounts(res)
	if counted {
		fmt.Fprintf(stderr, "%s in %.1f s; ", results.StatusLine(byStatus), elapsed.Seconds())
	}
	fmt.Fprintf(stderr, "wrote %d shards: %s … %s\n", len(shards), shards[0], shards[len(shards)-1])
	if o.failOnError && byStatus[results.StatusError] > 0 {
		fmt.Fprintf(stderr, "leadlex-beam: %d documents have status error (--fail-on-error)\n", byStatus[results.StatusError])
		return exitViolation
	}
	return exitOK
}

// cause is the last line of a Beam job error, which names what went wrong
// under the runner's stage and bundle context (logged in full above it).
func cause(err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// statusCounts reads the per-status document counters; counted is false
// when the runner reports no metrics.
func statusCounts(res beam.PipelineResult) (byStatus map[string]int, counted bool) {
	byStatus = map[string]int{}
	if res == nil {
		return byStatus, false
	}
	q := res.Metrics().Query(func(r metrics.SingleResult) bool {
		return r.Namespace() == scorejob.MetricNamespace
	})
	for _, c := range q.Counters() {
		if status, ok := strings.CutPrefix(c.Name(), scorejob.MetricPrefix); ok {
			byStatus[status] += int(c.Result())
			counted = true
		}
	}
	return byStatus, counted
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// commandLine is the command and leadlex's own flags as set, for metadata;
// runner flags (project, endpoint, …) do not change the rows.
func commandLine(fs *flag.FlagSet) string {
	parts := []string{"leadlex-beam"}
	fs.Visit(func(f *flag.Flag) {
		if !ours[f.Name] {
			return
		}
		if l, ok := f.Value.(*stringList); ok {
			for _, v := range *l {
				parts = append(parts, fmt.Sprintf("--%s=%s", f.Name, v))
			}
			return
		}
		parts = append(parts, fmt.Sprintf("--%s=%s", f.Name, f.Value))
	})
	return strings.Join(parts, " ")
}

func toolVersion() string { return buildinfo.Version(version) }

// labelFlags names the flag of each pipeline.LabelOptions field.
var labelFlags = map[string]string{"MinHits": "--min-hits", "Margin": "--margin", "TopTerms": "--top-terms"}
