package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

type normsOptions struct {
	analysis    analysisFlags
	read        readFlags
	output      string
	name        string
	description string
	workers     int
	maxBytes    byteSize
}

func newNormsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "norms",
		Short: "Build norms: the percentiles of a genre's scores, to place documents among others",
		Long: `Norms turn scores into percentiles of a genre: 'leadlex score --norms job-posts'
adds leadership_percentile and balance_percentile, and 'check' can say "more
management-leaning than 78 % of job posts". Built-in norms: ` + fmt.Sprint(norms.Names()) + `.`,
	}
	cmd.AddCommand(newNormsBuildCmd())
	return cmd
}

func newNormsBuildCmd() *cobra.Command {
	o := &normsOptions{maxBytes: corpus.DefaultMaxBytes}
	cmd := &cobra.Command{
		Use:   "build CORPUS... -o norms.yaml --name NAME",
		Short: "Score a corpus of one genre and write the percentiles of its scores",
		Long: `Build scores every document of the corpus as 'leadlex score' does (the same
lexicon, sections and label flags) and writes, as YAML, the 0th to 100th
percentiles of leadership_per_1k, management_per_1k, balance and of each
dimension's leadership and management hits per 1,000 words. Only these
statistics are written, never text. Pass the file to --norms.

Exit status: 0 when the file was written, 2 for usage errors or when the
corpus has no scorable document or the file cannot be written.`,
		Example: `  leadlex norms build postings/ -o job-posts.yaml --name job-posts
  leadlex norms build jobs.tsv --text-column text -o norms.yaml --name my-board --description "our board, 2024"`,
		Args: cobra.MinimumNArgs(1),
		RunE: o.run,
	}
	f := cmd.Flags()
	o.analysis.register(f)
	o.read.register(f)
	f.StringVarP(&o.output, "output", "o", "norms.yaml", "norms file to write")
	f.StringVar(&o.name, "name", "", "name of the norms (the genre), e.g. job-posts")
	f.StringVar(&o.description, "description", "", "what the corpus is (default: the paths given)")
	f.IntVarP(&o.workers, "workers", "j", 0, "documents scored at once (default: number of CPUs)")
	f.Var(&o.maxBytes, "max-bytes", "skip files, and records, larger than this")
	return cmd
}

func (o *normsOptions) run(cmd *cobra.Command, args []string) error {
	if o.name == "" {
		return usageErr("--name is required (the genre, e.g. job-posts)")
	}
	an, err := o.analysis.analyzer()
	if err != nil {
		return err
	}
	copt, err := o.read.options(false, o.maxBytes)
	if err != nil {
		return err
	}
	copt.DeferExtract = true
	b := norms.NewBuilder()
	ctx := cmd.Context()
	if _, err := pipeline.Run(ctx, corpus.Walk(ctx, args, copt), an, b, pipeline.Options{Workers: o.workers}); err != nil {
		return withCode(exitUsage, err)
	}
	desc := o.description
	if desc == "" {
		desc = fmt.Sprintf("built by leadlex norms build from %v (%s)", args, an.LabelSettings())
	}
	lex := an.Lexicon()
	n, err := b.Norms(o.name, desc, fmt.Sprintf("%s %s sha256:%s", lex.Name, lex.Version, lex.Hash))
	if err != nil {
		return withCode(exitUsage, err)
	}
	data, err := n.Write()
	if err != nil {
		return withCode(exitUsage, err)
	}
	if err := results.WriteFile(o.output, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return withCode(exitUsage, err)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: percentiles of %d documents\n", o.output, n.Documents)
	return nil
}
