package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/humanize"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

type scoreOptions struct {
	documentFlags
	output      string
	sentences   string
	format      string
	workers     int
	quiet       bool
	failOnError bool
	parquet     results.ParquetOptions
}

// flags registers score's flags.
func (o *scoreOptions) flags(f *pflag.FlagSet) {
	registerOutput(f, &o.output, "results.parquet", "results file to write; - for stdout (JSONL or CSV)")
	f.StringVar(&o.sentences, "sentences", "", "also write one row per sentence to this file; - for stdout")
	f.StringVar(&o.format, "format", "", "output format: parquet, jsonl or csv (default: from each file's extension; parquet, or jsonl on stdout)")
	registerWorkers(f, &o.workers, "documents scored")
	o.read.registerFollowSymlinks(f)
	o.read.registerMaxBytes(f, 0, "skip files, and records of .jsonl/.csv files, larger than this (e.g. 64MB, 1GB; default 256MB for text and Markdown, which are streamed, and 16MB for a document held whole: a record, HTML, .docx text)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress bar and no summary table")
	f.BoolVar(&o.failOnError, "fail-on-error", false, "exit 1 when any document has status error")
	f.StringVar(&o.parquet.Compression, "compression", "zstd", "Parquet page compression: "+strings.Join(results.Compressions, ", "))
	f.IntVar(&o.parquet.DataPageVersion, "data-page-version", 1, "Parquet data page version: 1 (every reader) or 2")
	o.read.inputs.register(f)
}

// refuseOverwrite refuses -o or --sentences written over what the run
// reads: the documents and the lexicons.
func (o *scoreOptions) refuseOverwrite(args []string) error {
	copt, err := o.read.options()
	if err != nil {
		return nil // reported where the options are used
	}
	inputs := append(append([]string(nil), args...), lexiconFiles(o.analysis.lexicons)...)
	return refuseOverwrite(copt.Reads, inputs, outputPath{"-o", o.output}, outputPath{"--sentences", o.sentences})
}

// validate checks the flags that need no file.
func (o *scoreOptions) validate() error {
	if o.workers < 0 {
		return usageErr("--workers must be 0 (all CPUs) or more, got %d", o.workers)
	}
	if err := o.parquet.Validate(); err != nil {
		return usageErr("%v", err)
	}
	return nil
}

func (o *scoreOptions) run(cmd *cobra.Command, args []string) error {
	if err := o.validate(); err != nil {
		return err
	}
	roots, copt, err := o.inputs(cmd, args) // globs, - and --files-from: the paths read
	if err != nil {
		return err
	}
	if err := o.refuseOverwrite(roots); err != nil {
		return err
	}
	an, err := o.analysis.analyzer()
	if err != nil {
		return err
	}
	stamp, err := createdAt()
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	resultsFormat, sentencesFormat, err := o.formats()
	if err != nil {
		return err
	}
	meta := results.NewMetadata(an.Lexicon(), an.LabelSettings(), toolVersion(), commandLine(cmd, args), stamp)
	stdout := cmd.OutOrStdout()
	sink, err := results.NewSink[results.Result](o.output, resultsFormat, meta, stdout, o.parquet)
	if err != nil {
		return withCode(exitUsage, err)
	}
	defer sink.Abort() // a no-op once committed

	popt := pipeline.Options{Workers: o.workers}
	var sentences *results.FileSink[results.SentenceRow]
	if o.sentences != "" {
		sentences, err = results.NewSink[results.SentenceRow](o.sentences, sentencesFormat, meta, stdout, o.parquet)
		if err != nil {
			return withCode(exitUsage, err)
		}
		defer sentences.Abort()
		popt.Sentences = sentences
	}
	var bar *progressbar.ProgressBar
	if !o.quiet && isTerminal(stderr) {
		bar = newProgressBar(ctx, roots, copt, stderr)
		popt.OnResult = func(r *results.Result) { bar.Add64(r.Bytes) }
	}
	start := time.Now()
	sum, runErr := pipeline.Run(ctx, corpus.Walk(ctx, roots, copt), an, sink, popt)
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(stderr)
	}
	elapsed := time.Since(start)
	if runErr != nil {
		if errors.Is(runErr, context.Canceled) {
			fmt.Fprintf(stderr, "%s before the interrupt; nothing written to %s\n", summaryLine(sum, elapsed), o.outputs())
			return &exitError{code: exitInterrupt}
		}
		return withCode(exitUsage, fmt.Errorf("%w; nothing was written to %s", runErr, o.outputs()))
	}
	if err := sink.Close(); err != nil {
		return withCode(exitUsage, fmt.Errorf("%w; nothing was written", err))
	}
	wrote := o.output
	if sentences != nil {
		if err := sentences.Close(); err != nil {
			return withCode(exitUsage, err)
		}
		wrote = fmt.Sprintf("%s and %s sentences to %s", o.output, humanize.Thousands(sum.SentenceRows), o.sentences)
	}
	fmt.Fprintf(stderr, "%s; wrote %s\n", summaryLine(sum, elapsed), wrote)
	if !o.quiet && o.output != results.Stdout && o.sentences != results.Stdout {
		printSummaryTable(stdout, sum, an.Lexicon())
	}
	if o.failOnError && sum.ByStatus[results.StatusError] > 0 {
		return &exitError{code: exitViolation, err: fmt.Errorf("%d documents have status error (--fail-on-error)", sum.ByStatus[results.StatusError])}
	}
	return nil
}

// inputs resolves what to read before anything is written: the roots
// (globs expanded, - for standard input, --files-from) and the options
// to read them with.
func (o *scoreOptions) inputs(cmd *cobra.Command, args []string) ([]string, corpus.Options, error) {
	copt, err := o.read.options()
	if err != nil {
		return nil, copt, err
	}
	copt.DeferExtract = true // the workers extract Markdown and HTML, not the reading goroutine
	roots, err := o.read.inputs.roots(args, cmd.InOrStdin())
	if err != nil {
		return nil, copt, err
	}
	o.read.inputs.apply(&copt, cmd.InOrStdin())
	return roots, copt, nil
}

// formats picks the format of the results and the sentences file: --format
// when given, else each file's extension, and JSONL on stdout.
func (o *scoreOptions) formats() (rows, sentences results.Format, err error) {
	if o.output == results.Stdout && o.sentences == results.Stdout {
		return "", "", usageErr("-o and --sentences cannot both be - (stdout)")
	}
	if o.output == "" {
		return "", "", usageErr("-o needs a file name, or - for stdout")
	}
	pick := func(path string) (results.Format, error) {
		if o.format != "" {
			f, err := results.ParseFormat(o.format)
			if err != nil {
				return "", usageErr("--format: %v", err)
			}
			if f == results.FormatParquet && path == results.Stdout {
				return "", usageErr("parquet cannot be written to stdout: use --format jsonl or csv with -")
			}
			return f, nil
		}
		if path == results.Stdout {
			return results.FormatJSONL, nil
		}
		return results.FormatOf(path), nil
	}
	if rows, err = pick(o.output); err != nil {
		return "", "", err
	}
	if o.sentences != "" {
		sentences, err = pick(o.sentences)
	}
	return rows, sentences, err
}

// outputs names the files the run writes, for messages.
func (o *scoreOptions) outputs() string {
	if o.sentences != "" {
		return o.output + " or " + o.sentences
	}
	return o.output
}

func newProgressBar(ctx context.Context, roots []string, opt corpus.Options, w io.Writer) *progressbar.ProgressBar {
	files, total := corpus.Count(ctx, roots, opt)
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(fmt.Sprintf("scoring %s files", humanize.Thousands(files))),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
	)
}

// summaryLine reads "1,204 documents: 1,190 scored, 9 skipped, 5 errors in 3.1 s".
func summaryLine(s pipeline.Summary, elapsed time.Duration) string {
	return fmt.Sprintf("%s in %.1f s", results.StatusLine(s.ByStatus), elapsed.Seconds())
}

// printSummaryTable writes the documents per label and the most frequent
// terms of each pole.
func printSummaryTable(w io.Writer, s pipeline.Summary, lex *lexicon.Lexicon) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "label\tdocuments\t")
	for _, l := range results.Labels {
		fmt.Fprintf(tw, "%s\t%s\t\n", l, humanize.Thousands(s.ByLabel[l]))
	}
	tw.Flush()
	top := [2][]string{}
	for _, p := range lexicon.Poles {
		for _, t := range s.TopTerms(lex, p, 8) {
			top[p] = append(top[p], fmt.Sprintf("%s (%s)", t.Term, humanize.Thousands(int(t.Hits))))
		}
	}
	if len(top[0])+len(top[1]) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "top leadership terms\ttop management terms\t")
	for i := range max(len(top[0]), len(top[1])) {
		fmt.Fprintf(tw, "%s\t%s\t\n", at(top[0], i), at(top[1], i))
	}
	tw.Flush()
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}
