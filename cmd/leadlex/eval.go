package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/pipeline"
)

type evalOptions struct {
	documentFlags
	json      bool
	worst     int
	failUnder float64
	split     string

	reliability bool
}

// flags registers eval's flags.
func (o *evalOptions) flags(f *pflag.FlagSet) {
	// Labelled examples are single statements, not documents with
	// boilerplate around the role: eval counts all their words by default.
	o.analysis.sections = "all"
	f.Lookup("sections").DefValue = "all"
	f.BoolVar(&o.json, "json", false, "print the report as JSON")
	f.IntVar(&o.worst, "worst", 10, "how many misclassified texts to show")
	f.Float64Var(&o.failUnder, "fail-under", 0, "exit 1 when macro-F1 is below this value")
	f.StringVar(&o.split, "split", "", "evaluate only the rows whose split column has this value (dev, heldout, …)")
	f.BoolVar(&o.reliability, "reliability", false, "read the arguments as a corpus (as score does) and print, per dimension and pole, Cronbach's alpha, KR-20, the base rate and the share of documents with a hit")
}

func (o *evalOptions) run(cmd *cobra.Command, args []string) error {
	if o.worst < 0 {
		return usageErr("--worst must be 0 or more, got %d", o.worst)
	}
	an, err := o.analysis.analyzer()
	if err != nil {
		return err
	}
	if o.reliability {
		if o.split != "" {
			// The corpus reader keeps every record: refuse rather than
			// silently read a held-out split.
			return usageErr("--split does not apply with --reliability (the arguments are read as a corpus, every row); give a file that holds only the rows to measure")
		}
		return o.runReliability(cmd, args, an)
	}
	var examples []evaluate.Example
	for _, path := range args {
		ex, err := evaluate.ReadTSV(path)
		if err != nil {
			return withCode(exitUsage, err)
		}
		examples = append(examples, ex...)
	}
	if o.split != "" {
		if examples, err = evaluate.FilterSplit(examples, o.split); err != nil {
			return usageErr("%s: %v", strings.Join(args, ", "), err)
		}
	}
	if len(examples) == 0 {
		return usageErr("%s: no labelled texts", strings.Join(args, ", "))
	}
	preds, err := evaluate.Predict(cmd.Context(), an, examples)
	if err != nil {
		return withCode(exitUsage, err)
	}
	rep := evaluate.Evaluate(preds, o.worst)
	out := cmd.OutOrStdout()
	if o.json {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(evalJSON{Files: args, Split: o.split, Lexicon: lexiconInfo(an), Labels: map[string]float64{"min_hits": an.Labels.MinHits, "margin": an.Labels.Margin}, Report: rep}); err != nil {
			return withCode(exitUsage, err)
		}
	} else {
		files := slices.Clone(args)
		if o.split != "" {
			files[len(files)-1] += " (split " + o.split + ")"
		}
		printEval(out, files, an, rep)
	}
	if o.failUnder > 0 && rep.MacroF1 < o.failUnder {
		return &exitError{code: exitViolation, err: fmt.Errorf("macro-F1 %.3f is below --fail-under %.3f", rep.MacroF1, o.failUnder)}
	}
	return nil
}

type evalJSON struct {
	Files   []string           `json:"files"`
	Split   string             `json:"split,omitempty"`
	Lexicon map[string]string  `json:"lexicon"`
	Labels  map[string]float64 `json:"labels"`
	*evaluate.Report
}

func lexiconInfo(an *pipeline.Analyzer) map[string]string {
	l := an.Lexicon()
	return map[string]string{"name": l.Name, "version": l.Version, "sha256": l.Hash}
}

// printEval writes the run's header (files, lexicon, label flags) and the
// report as text.
func printEval(w io.Writer, files []string, an *pipeline.Analyzer, r *evaluate.Report) {
	lex := an.Lexicon()
	fmt.Fprintf(w, "%s: %d texts; lexicon %s %s; --min-hits %g --margin %g\n\n",
		strings.Join(files, ", "), r.Texts, lex.Name, lex.Version, an.Labels.MinHits, an.Labels.Margin)
	r.WriteText(w)
}

type reliabilityJSON struct {
	Files   []string          `json:"files"`
	Lexicon map[string]string `json:"lexicon"`
	*evaluate.ReliabilityReport
}

// runReliability measures the lexicon's internal consistency over a corpus.
func (o *evalOptions) runReliability(cmd *cobra.Command, args []string, an *pipeline.Analyzer) error {
	copt, err := o.read.options()
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	rep, err := evaluate.Reliability(ctx, an, corpus.Walk(ctx, args, copt))
	if err != nil {
		return withCode(exitUsage, fmt.Errorf("%s: %w", strings.Join(args, ", "), err))
	}
	out := cmd.OutOrStdout()
	if o.json {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(reliabilityJSON{Files: args, Lexicon: lexiconInfo(an), ReliabilityReport: rep}); err != nil {
			return withCode(exitUsage, err)
		}
		return nil
	}
	lex := an.Lexicon()
	fmt.Fprintf(out, "%s: %d documents (%d skipped or empty), %d words; lexicon %s %s\n\n",
		strings.Join(args, ", "), rep.Documents, rep.Skipped, rep.Words, lex.Name, lex.Version)
	return rep.WriteText(out)
}
