package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/evaluate"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/results"
)

type deriveOptions struct {
	lexicons  []string
	top       int
	ngram     int
	minCount  int
	minZ      float64
	prior     float64
	count     string
	output    string
	name      string
	dimension string
	split     string
}

// flags registers derive's flags.
func (o *deriveOptions) flags(f *pflag.FlagSet) {
	f.StringArrayVar(&o.lexicons, "lexicon", nil, "lexicon whose entries are marked in the listing (repeatable; default: the built-in one)")
	f.IntVar(&o.top, "top", 20, "terms listed (and written with -o) per pole")
	f.IntVar(&o.ngram, "ngram", 1, "longest phrase counted, in words (1 to 4); phrases never start or end with a function word")
	f.IntVar(&o.minCount, "min-count", 3, "leave out terms seen fewer times in both sets together")
	f.Float64Var(&o.minZ, "min-z", 1, "list only terms whose z-score for their pole is above this")
	f.Float64Var(&o.prior, "prior", 0, "strength of the Dirichlet prior (α0, in pseudo-counts; default: the counts of both sets together)")
	f.StringVar(&o.count, "count", "texts", "what is counted per term: texts (the texts it occurs in) or words (every occurrence)")
	registerOutput(f, &o.output, "", "write the proposed entries as a lexicon file (YAML)")
	f.StringVar(&o.name, "name", "derived", "name of the written lexicon")
	f.StringVar(&o.dimension, "dimension", "derived", "dimension of the written entries")
	f.StringVar(&o.split, "split", "", "with a TSV: use only the rows whose split column has this value (dev, …); never derive from a held-out split")
}

func (o *deriveOptions) run(cmd *cobra.Command, args []string) error {
	switch {
	case o.top < 1:
		return usageErr("--top must be 1 or more, got %d", o.top)
	case o.ngram < 1 || o.ngram > 4:
		return usageErr("--ngram must be from 1 to 4, got %d", o.ngram)
	case o.prior < 0:
		return usageErr("--prior must be 0 (the default) or more, got %g", o.prior)
	case o.count != "texts" && o.count != "words":
		return usageErr("--count %q: want texts or words", o.count)
	case o.minCount < 0:
		return usageErr("--min-count must be 0 or more, got %d", o.minCount)
	}
	examples, err := readDeriveInput(cmd, args)
	if err != nil {
		return err
	}
	if o.split != "" {
		if examples, err = evaluate.FilterSplit(examples, o.split); err != nil {
			return usageErr("%s: %v", strings.Join(args, ", "), err)
		}
	}
	lex, err := loadLexicon(o.lexicons)
	if err != nil {
		return err
	}
	unit := evaluate.ByText
	if o.count == "words" {
		unit = evaluate.ByOccurrence
	}
	d, err := evaluate.Derive(examples, evaluate.DeriveOptions{
		Count: evaluate.CountOptions{MaxN: o.ngram, Stop: evaluate.DefaultStop},
		Unit:  unit, Prior: o.prior, MinCount: o.minCount,
	})
	if err != nil {
		return withCode(exitUsage, err)
	}
	printDerived(cmd.OutOrStdout(), d, lex, o, args)
	if o.output == "" {
		return nil
	}
	out := d.Lexicon(o.name, o.dimension, o.top, o.minZ, args)
	if len(out.Entries) == 0 {
		return &exitError{code: exitViolation, err: fmt.Errorf("no term has a z-score above --min-z %g; nothing written to %s", o.minZ, o.output)}
	}
	return writeAtomic(o.output, func(w io.Writer) error { return lexicon.WriteYAML(w, out) }, cmd.ErrOrStderr(),
		fmt.Sprintf("wrote %d proposed entries to %s", len(out.Entries), o.output))
}

// readDeriveInput reads two folders (leadership, management) or one TSV.
func readDeriveInput(cmd *cobra.Command, args []string) ([]evaluate.Example, error) {
	if len(args) == 1 {
		info, err := os.Stat(args[0])
		if err == nil && info.IsDir() {
			return nil, usageErr("%s is a folder: give two folders (leadership, then management) or one TSV file", args[0])
		}
		ex, err := evaluate.ReadTSV(args[0])
		return ex, withCode(exitUsage, err)
	}
	var out []evaluate.Example
	for i, dir := range args {
		ex, err := evaluate.ReadFolder(cmd.Context(), dir, lexicon.Poles[i].String())
		if err != nil {
			return nil, withCode(exitUsage, err)
		}
		out = append(out, ex...)
	}
	return out, nil
}

func printDerived(w io.Writer, d *evaluate.Derived, lex *lexicon.Lexicon, o *deriveOptions, args []string) {
	unit := "texts with the term"
	if o.count == "words" {
		unit = "occurrences"
	}
	fmt.Fprintf(w, "%s: %d leadership texts (%d words), %d management texts (%d words)\n",
		strings.Join(args, " + "), d.Poles[lexicon.Leadership].Texts, d.Words(lexicon.Leadership),
		d.Poles[lexicon.Management].Texts, d.Words(lexicon.Management))
	fmt.Fprintf(w, "weighted log-odds with an informative Dirichlet prior (α0 = %g); counts are %s\n", d.Prior, unit)
	for _, p := range lexicon.Poles {
		top := d.Top(p, o.top, o.minZ)
		fmt.Fprintf(w, "\ntop %s terms (z > %g)\n", p, o.minZ)
		if len(top) == 0 {
			fmt.Fprintln(w, "  none")
			continue
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  z\tterm\tstem\t%s\t%s\tin lexicon\t\n", p, 1-p)
		for _, t := range top {
			fmt.Fprintf(tw, "  %.2f\t%s\t%s\t%d\t%d\t%s\t\n", t.Z, t.Form, t.Term, t.Count(p), t.Count(1-p), inLexicon(lex, t.Form))
		}
		tw.Flush()
	}
}

// inLexicon names the dimension and pole of the entry the term would hit.
func inLexicon(lex *lexicon.Lexicon, term string) string {
	for _, e := range lex.Lookup(term) {
		return e.Dimension + "/" + e.Pole.String()
	}
	return ""
}

// writeAtomic writes a file through a temporary name and reports done on stderr.
func writeAtomic(path string, write func(io.Writer) error, stderr io.Writer, done string) error {
	err := results.WriteFile(path, func(w io.Writer) error {
		if err := write(w); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	})
	if err != nil {
		return withCode(exitUsage, err)
	}
	fmt.Fprintln(stderr, done)
	return nil
}
