package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// lexiconFlags select the active lexicon of the lexicon subcommands.
type lexiconFlags struct {
	lexicons []string
}

// withLexicon returns a run function that loads the active lexicon and
// hands it to run.
func (f *lexiconFlags) withLexicon(run func(cmd *cobra.Command, args []string, lex *lexicon.Lexicon) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		lex, err := loadLexicon(f.lexicons)
		if err != nil {
			return err
		}
		return run(cmd, args, lex)
	}
}

func newLexiconCmd() *cobra.Command {
	f := &lexiconFlags{}
	cmd := newCommand("lexicon", cobra.NoArgs, func(cmd *cobra.Command, _ []string) error { return cmd.Help() })
	cmd.PersistentFlags().StringArrayVar(&f.lexicons, "lexicon", nil,
		"lexicon file (YAML, or .dic with its .map.yaml beside it); repeat to extend; 'default' is the built-in lexicon")
	cmd.AddCommand(newLexiconListCmd(f), newLexiconShowCmd(f),
		command("lexicon-validate", cobra.MinimumNArgs(1), &validateOptions{}),
		newLexiconExportCmd(f), command("lexicon-import", cobra.ExactArgs(1), &importOptions{}))
	return cmd
}

func newLexiconListCmd(f *lexiconFlags) *cobra.Command {
	return newCommand("lexicon-list", cobra.MaximumNArgs(1), f.withLexicon(listLexicon))
}

// listLexicon lists the dimensions, or the entries of the one named.
func listLexicon(cmd *cobra.Command, args []string, lex *lexicon.Lexicon) error {
	w := cmd.OutOrStdout()
	if len(args) == 1 {
		return listEntries(w, lex, args[0])
	}
	listDimensions(w, lex)
	return nil
}

func lexiconHeader(w io.Writer, lex *lexicon.Lexicon) {
	fmt.Fprintf(w, "%s %s (sha256 %s) from %s\n", lex.Name, lex.Version, lex.Hash[:min(12, len(lex.Hash))], strings.Join(lex.Files, ", "))
	written, rules := splitGenerated(lex)
	fmt.Fprintf(w, "%d entries in %d dimensions%s; negation: %d words before a hit, %d negators\n\n",
		written, len(lex.Dimensions), rules, lex.Negation.Window, len(lex.Negation.Words)+len(lex.Negation.Reversible))
}

// splitGenerated counts the entries written in the lexicon files and says
// how many phrases their context rules add (", and N phrases of context
// rules"), or "" when there are none.
func splitGenerated(lex *lexicon.Lexicon) (written int, rules string) {
	n := 0
	for i := range lex.Entries {
		if lex.Entries[i].Generated() {
			n++
		}
	}
	if n > 0 {
		rules = fmt.Sprintf(", and %d phrases of context rules", n)
	}
	return len(lex.Entries) - n, rules
}

func listDimensions(w io.Writer, lex *lexicon.Lexicon) {
	lexiconHeader(w, lex)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "dimension\tleadership\tmanagement\tleadership pole\tmanagement pole")
	var total [2]int
	for i, c := range lex.Counts() {
		d := lex.Dimensions[i]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", d.Name, c[lexicon.Leadership], c[lexicon.Management], d.Leadership, d.Management)
		total[0] += c[0]
		total[1] += c[1]
	}
	fmt.Fprintf(tw, "total\t%d\t%d\t\t\n", total[0], total[1])
	tw.Flush()
}

func listEntries(w io.Writer, lex *lexicon.Lexicon, dim string) error {
	d, i := lex.Dimension(dim)
	if i < 0 {
		names := make([]string, len(lex.Dimensions))
		for k, d := range lex.Dimensions {
			names[k] = d.Name
		}
		return usageErr("no dimension %q; the lexicon has %s", dim, strings.Join(names, ", "))
	}
	fmt.Fprintf(w, "%s: %s\n\n", d.Name, d.Description)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "pole\tterm\tkind\tweight\tsource")
	for _, e := range lex.SortedEntries() {
		if e.Dimension == dim {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Pole, e.Term, e.Kind(), lexicon.FormatWeight(e.Weight), provenanceCell(e))
		}
	}
	tw.Flush()
	return nil
}

func newLexiconShowCmd(f *lexiconFlags) *cobra.Command {
	return newCommand("lexicon-show", cobra.MinimumNArgs(1), f.withLexicon(showEntries))
}

// showEntries shows the entries each argument names or would match; it
// fails when one matches none.
func showEntries(cmd *cobra.Command, args []string, lex *lexicon.Lexicon) error {
	an := pipeline.NewAnalyzer(lex, pipeline.DefaultLabels)
	w := cmd.OutOrStdout()
	var missing []string
	for k, arg := range args {
		entries := lex.Lookup(arg)
		via := ""
		if len(entries) == 0 {
			entries, via = an.Matches(arg), arg
		}
		if len(entries) == 0 {
			missing = append(missing, arg)
			continue
		}
		for j, e := range entries {
			if k+j > 0 {
				fmt.Fprintln(w)
			}
			showEntry(w, lex, e, via)
		}
	}
	if len(missing) > 0 {
		return &exitError{code: exitViolation, err: fmt.Errorf("no entry matches %s", quoteAll(missing))}
	}
	return nil
}

func showEntry(w io.Writer, lex *lexicon.Lexicon, e *lexicon.Entry, via string) {
	fmt.Fprintln(w, e.Term)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "  %s\t%s\n", k, v)
		}
	}
	if via != "" {
		row("matches", fmt.Sprintf("%q", via))
	}
	if e.Dimension == "" {
		row("pole", "neutral (uses up its words, counts for nothing)")
	} else {
		d, _ := lex.Dimension(e.Dimension)
		row("dimension", e.Dimension+" ("+d.Description+")")
		pole := d.Leadership
		if e.Pole == lexicon.Management {
			pole = d.Management
		}
		row("pole", strings.TrimSuffix(e.Pole.String()+" ("+pole+")", " ()"))
	}
	kind := string(e.Kind())
	if key := e.Key(lex.SkipSet()); key != strings.ToLower(e.Term) {
		kind += fmt.Sprintf(" (matches as %q)", key)
	}
	if e.Exact {
		kind += ", exact"
	}
	row("kind", kind)
	row("weight", lexicon.FormatWeight(e.Weight))
	row("provenance", e.Provenance())
	row("source", e.Source)
	if src, ok := lex.SourceOf(e.Source); ok {
		row("article", fmt.Sprintf("%s (first line: %q)", src.Title, src.FirstLine))
	}
	if e.Phrase != "" {
		row("phrase", fmt.Sprintf("%q", e.Phrase))
	}
	row("derived", e.Derived)
	row("statistic", e.Statistic)
	row("note", e.Note)
	row("context", e.Rule)
	for _, r := range e.Context {
		where, phrases := "before", r.Before
		if len(phrases) == 0 {
			where, phrases = "after", r.After
		}
		row("context rule", fmt.Sprintf("%s %s → %s", where, quoteAll(phrases), r.Pole))
		if len(r.Before) > 0 && len(r.After) > 0 {
			row("context rule", fmt.Sprintf("after %s → %s", quoteAll(r.After), r.Pole))
		}
	}
	row("defined at", e.Location())
	tw.Flush()
}

// provenanceCell is an entry's seed file, or "derived: CORPUS".
func provenanceCell(e *lexicon.Entry) string {
	if e.Provenance() == lexicon.DerivedProvenance {
		return "derived: " + e.Derived
	}
	return e.Source
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

type validateOptions struct {
	mapping string
	strict  bool
}

// flags registers lexicon validate's flags.
func (o *validateOptions) flags(f *pflag.FlagSet) {
	f.StringVar(&o.mapping, "map", "", "category mapping for .dic files (default: FILE.map.yaml beside each)")
	f.BoolVar(&o.strict, "strict", false, "treat warnings as problems")
}

func (o *validateOptions) run(cmd *cobra.Command, args []string) error {
	out, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	invalid, unreadable := 0, 0
	for _, path := range args {
		lex, warnings, err := o.load(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			if lexicon.IsError(err) {
				invalid++
			} else {
				unreadable++
			}
			continue
		}
		warnings = append(warnings, lexicon.Lint(lex)...)
		for _, w := range warnings {
			fmt.Fprintf(stderr, "%s (warning)\n", w)
		}
		if o.strict && len(warnings) > 0 {
			invalid++
			continue
		}
		var c [2]int
		for _, n := range lex.Counts() {
			c[0] += n[0]
			c[1] += n[1]
		}
		written, rules := splitGenerated(lex)
		fmt.Fprintf(out, "%s: ok: %d entries (%d leadership, %d management) in %d dimensions%s\n",
			path, written, c[0], c[1], len(lex.Dimensions), rules)
	}
	switch {
	case unreadable > 0:
		return &exitError{code: exitUsage}
	case invalid > 0:
		return &exitError{code: exitViolation, err: fmt.Errorf("%d of %d lexicon files are not valid", invalid, len(args))}
	}
	return nil
}

func (o *validateOptions) load(path string) (*lexicon.Lexicon, []string, error) {
	if lexicon.IsDic(path) {
		mapping := o.mapping
		if mapping == "" {
			mapping = lexicon.MapPath(path)
		}
		return lexicon.LoadDic(path, mapping)
	}
	data, err := lexicon.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read lexicon: %w", err)
	}
	lex, err := lexicon.Parse(path, data)
	return lex, nil, err
}

type exportOptions struct {
	format string
	output string
	mapOut string
}

func newLexiconExportCmd(f *lexiconFlags) *cobra.Command {
	o := &exportOptions{}
	cmd := newCommand("lexicon-export", cobra.NoArgs, f.withLexicon(o.run))
	cmd.Flags().StringVar(&o.format, "format", "", "yaml, csv or dic (default: from the extension of -o, else yaml)")
	registerOutput(cmd.Flags(), &o.output, "", "file to write (default: standard output)")
	cmd.Flags().StringVar(&o.mapOut, "map-out", "", "with --format dic: where to write the category mapping")
	return cmd
}

func (o *exportOptions) run(cmd *cobra.Command, _ []string, lex *lexicon.Lexicon) error {
	format := strings.ToLower(o.format)
	if format == "" {
		switch strings.ToLower(filepath.Ext(o.output)) {
		case ".csv":
			format = "csv"
		case ".dic":
			format = "dic"
		default:
			format = "yaml"
		}
	}
	var write func(io.Writer, *lexicon.Lexicon) error
	switch format {
	case "yaml", "yml":
		write = lexicon.WriteYAML
	case "csv":
		write = lexicon.WriteCSV
	case "dic":
		write = lexicon.WriteDic
	default:
		return usageErr("--format %q: want yaml, csv or dic", o.format)
	}
	if o.mapOut != "" && format != "dic" {
		return usageErr("--map-out only goes with --format dic")
	}
	stderr := cmd.ErrOrStderr()
	if o.output == "" {
		if err := write(cmd.OutOrStdout(), lex); err != nil {
			return withCode(exitUsage, err)
		}
	} else if err := writeAtomic(o.output, func(w io.Writer) error { return write(w, lex) }, stderr,
		fmt.Sprintf("wrote %d entries to %s", len(lex.Entries), o.output)); err != nil {
		return err
	}
	if format != "dic" {
		return nil
	}
	mapOut := o.mapOut
	if mapOut == "" && o.output != "" {
		mapOut = lexicon.MapPath(o.output)
	}
	if mapOut == "" {
		fmt.Fprintln(stderr, "leadlex: note: no category mapping written (weights, skip words and negation); add --map-out FILE to keep them")
		return nil
	}
	return writeAtomic(mapOut, func(w io.Writer) error { return lexicon.WriteDicMap(w, lex) }, stderr,
		"wrote the category mapping to "+mapOut)
}

type importOptions struct {
	mapping string
	output  string
}

// flags registers lexicon import's flags.
func (o *importOptions) flags(f *pflag.FlagSet) {
	f.StringVar(&o.mapping, "map", "", "category mapping (YAML; default: FILE.map.yaml beside the .dic)")
	registerOutput(f, &o.output, "", "lexicon file to write (default: standard output)")
}

func (o *importOptions) run(cmd *cobra.Command, args []string) error {
	path := args[0]
	mapping := o.mapping
	if mapping == "" {
		mapping = lexicon.MapPath(path)
	}
	lex, warnings, err := lexicon.LoadDic(path, mapping)
	stderr := cmd.ErrOrStderr()
	for _, w := range warnings {
		fmt.Fprintf(stderr, "%s (warning)\n", w)
	}
	if err != nil {
		return withCode(exitUsage, err)
	}
	done := fmt.Sprintf("imported %d entries from %s (%d skipped)", len(lex.Entries), path, len(warnings))
	if o.output == "" {
		if err := lexicon.WriteYAML(cmd.OutOrStdout(), lex); err != nil {
			return withCode(exitUsage, err)
		}
		fmt.Fprintln(stderr, done)
		return nil
	}
	return writeAtomic(o.output, func(w io.Writer) error { return lexicon.WriteYAML(w, lex) }, stderr, done+"; wrote "+o.output)
}
