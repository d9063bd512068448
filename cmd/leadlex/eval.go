package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/pipeline"
)

type evalOptions struct {
	analysis  analysisFlags
	json      bool
	worst     int
	failUnder float64
	split     string

	reliability bool
	read        readFlags
}

func newEvalCmd() *cobra.Command {
	o := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval LABELED.tsv... | eval --reliability CORPUS...",
		Short: "Measure how well the lexicon labels texts whose label is known",
		Long: `Eval scores every text of a labelled set as a document and compares the
label leadlex gives with the known one. The set is a tab-separated file with
a header naming a label column (leadership or management) and a text column;
with --split it keeps the rows whose split column has the given value, so
one file can hold a development and a held-out half.

It prints accuracy, macro-F1 (the mean F1 of the two classes), precision and
recall per class, coverage (the share of texts with at least one hit that
is not negated), the confusion matrix and the texts misclassified worst.

A text labelled balanced or none counts as a wrong prediction: the gold set
has only two classes, so such a text lowers accuracy and its class's recall,
and no class's precision.

With --reliability the arguments are a corpus, read as 'leadlex score' reads
it (folders, files, one document per record of a .jsonl, .csv or .tsv), and
eval measures the lexicon itself rather than labels: for each dimension and
pole, with the pole's entries as the items of a scale (as LIWC's Dictionary
Workbench does), Cronbach's alpha over the entries' hits per 1,000 words in
each document, KR-20 over whether each entry occurs, the base rate (mean
hits per 1,000 words) and the share of documents with a hit. Low alpha is
usual for word lists on short texts: see docs/VALIDITY.md.

Exit status: 0, or 1 with --fail-under when macro-F1 is below the given
value; 2 for usage errors and unreadable files.`,
		Example: `  leadlex eval testdata/labeled/tune.tsv
  leadlex eval labeled.tsv --lexicon default --lexicon mine.yaml --json
  leadlex eval labeled.tsv --fail-under 0.8
  leadlex eval ../shared/data/sentences-dev.tsv --split dev
  leadlex eval --reliability ../shared/data/jobs-dev.tsv --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: o.run,
	}
	f := cmd.Flags()
	o.analysis.register(f)
	// Labelled examples are single statements, not documents with
	// boilerplate around the role: eval counts all their words by default.
	o.analysis.sections = "all"
	f.Lookup("sections").DefValue = "all"
	f.BoolVar(&o.json, "json", false, "print the report as JSON")
	f.IntVar(&o.worst, "worst", 10, "how many misclassified texts to show")
	f.Float64Var(&o.failUnder, "fail-under", 0, "exit 1 when macro-F1 is below this value")
	f.StringVar(&o.split, "split", "", "evaluate only the rows whose split column has this value (dev, heldout, …)")
	f.BoolVar(&o.reliability, "reliability", false, "read the arguments as a corpus (as score does) and print, per dimension and pole, Cronbach's alpha, KR-20, the base rate and the share of documents with a hit")
	o.read.register(f)
	return cmd
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
	copt, err := o.read.options(false, 0)
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
