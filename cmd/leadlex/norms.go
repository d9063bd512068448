package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/norms"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

type normsOptions struct {
	documentFlags
	output      string
	name        string
	description string
	workers     int
}

func newNormsCmd() *cobra.Command {
	cmd := newCommand("norms", nil, nil)
	// The help file says {{norms}} where the built-in norms are listed.
	cmd.Long = strings.Replace(cmd.Long, "{{norms}}", fmt.Sprint(norms.Names()), 1)
	cmd.AddCommand(command("norms-build", cobra.MinimumNArgs(1), &normsOptions{}))
	return cmd
}

// flags registers norms build's flags.
func (o *normsOptions) flags(f *pflag.FlagSet) {
	registerOutput(f, &o.output, "norms.yaml", "norms file to write")
	f.StringVar(&o.name, "name", "", "name of the norms (the genre), e.g. job-posts")
	f.StringVar(&o.description, "description", "", "what the corpus is (default: the paths given)")
	registerWorkers(f, &o.workers, "documents scored")
	o.read.registerMaxBytes(f, corpus.DefaultMaxBytes, "skip files, and records, larger than this")
}

func (o *normsOptions) run(cmd *cobra.Command, args []string) error {
	if o.name == "" {
		return usageErr("--name is required (the genre, e.g. job-posts)")
	}
	an, err := o.analysis.analyzer()
	if err != nil {
		return err
	}
	copt, err := o.read.options()
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
