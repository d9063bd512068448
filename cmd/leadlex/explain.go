package main

import (
	"io"
	"os"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/explain"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

type explainOptions struct {
	documentFlags
	format string
	output string
	color  string
}

// flags registers explain's flags.
func (o *explainOptions) flags(f *pflag.FlagSet) {
	f.StringVarP(&o.format, "format", "f", "text", "output format: text or html")
	registerOutput(f, &o.output, "", "write to this file instead of standard output")
	f.StringVar(&o.color, "color", "auto", "colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never")
	o.read.registerMaxBytes(f, defaultExplainBytes, "refuse files larger than this (e.g. 4MB; the view of a document takes some hundred times its size in memory)")
	o.read.inputs.register(f)
}

// defaultExplainBytes is the default of explain's --max-bytes: explain
// holds every word of a document with its marks, and an HTML page of it,
// some hundred times the document's size in memory.
const defaultExplainBytes = 1 << 20

func (o *explainOptions) run(cmd *cobra.Command, args []string) error {
	if o.format != "text" && o.format != "html" {
		return usageErr("--format %q: want text or html", o.format)
	}
	color, err := colorMode(o.color)
	if err != nil {
		return err
	}
	copt, err := o.read.options()
	if err != nil {
		return err
	}
	inputs := append(append([]string(nil), args...), lexiconFiles(o.analysis.lexicons)...)
	if err := refuseOverwrite(copt.Reads, inputs, outputPath{"-o", o.output}); err != nil {
		return err
	}
	an, err := o.analysis.analyzer()
	if err != nil {
		return err
	}
	roots, err := o.read.inputs.roots(args, cmd.InOrStdin())
	if err != nil {
		return err
	}
	o.read.inputs.apply(&copt, cmd.InOrStdin())
	sc := pipeline.NewScorer(an)
	var docs []*explain.Document
	for _, path := range roots {
		var read []corpus.Doc
		if path == corpus.StdinPath {
			copt.StreamAbove = -1
			read = slices.Collect(corpus.Walk(cmd.Context(), []string{path}, copt))
		} else {
			read = corpus.ReadFile(path, copt)
		}
		for _, d := range read {
			doc, err := explain.Build(sc, d)
			if err != nil {
				return withCode(exitUsage, err)
			}
			docs = append(docs, doc)
		}
	}
	write := func(w io.Writer, useColor bool) error {
		if o.format == "html" {
			return explain.WriteHTML(w, docs, explain.NewPageInfo(an.Lexicon(), toolVersion()))
		}
		return explain.WriteText(w, docs, useColor)
	}
	if o.output == "" {
		w := cmd.OutOrStdout()
		return withCode(exitUsage, write(w, color.use(w)))
	}
	return withCode(exitUsage, results.WriteFile(o.output, func(w io.Writer) error { return write(w, color == colorAlways) }))
}

// colorSetting is the value of --color.
type colorSetting int

const (
	colorAuto colorSetting = iota
	colorAlways
	colorNever
)

func colorMode(s string) (colorSetting, error) {
	switch s {
	case "auto":
		return colorAuto, nil
	case "always":
		return colorAlways, nil
	case "never":
		return colorNever, nil
	}
	return colorAuto, usageErr("--color %q: want auto, always or never", s)
}

// use decides whether to colour output to w: always, never, or (auto) on a
// terminal unless NO_COLOR is set.
func (c colorSetting) use(w io.Writer) bool {
	switch c {
	case colorAlways:
		return true
	case colorNever:
		return false
	}
	return os.Getenv("NO_COLOR") == "" && isTerminal(w)
}
