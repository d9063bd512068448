package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/internal/printable"
	"github.com/leadlex/leadlex/results"
)

// informationURI is where a SARIF viewer sends people to learn about the tool.
const informationURI = "https://github.com/leadlex/leadlex"

type checkOptions struct {
	documentFlags
	config        string
	format        string
	output        string
	failOn        string
	baseline      string
	writeBaseline bool
	color         string
	workers       int
	quiet         bool
	root          string
}

// defaultCheckBytes is the default of check's --max-bytes: check holds a
// file's text, its positions and its whole analysis at once, some twelve
// times its size, so 8 MB keeps a run's peak under 256 MB.
const defaultCheckBytes = 8 << 20

// flags registers check's flags.
func (o *checkOptions) flags(f *pflag.FlagSet) {
	f.StringVarP(&o.config, "config", "c", "", "policy file (default: .leadlex.yaml found from the working folder upwards)")
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(check.Formats, ", "))
	registerOutput(f, &o.output, "", "write the report to this file instead of standard output")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding has this severity or above: error, warning, info or none")
	f.StringVar(&o.baseline, "baseline", "", "baseline file: report only findings not in it")
	f.BoolVar(&o.writeBaseline, "write-baseline", false, "write the current findings to --baseline and exit 0")
	f.StringVar(&o.color, "color", "auto", "colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never")
	registerWorkers(f, &o.workers, "documents checked")
	o.read.registerFollowSymlinks(f)
	o.read.registerMaxBytes(f, defaultCheckBytes, "skip files larger than this (e.g. 64MB, 1GB; default 8MB: check holds each file and its analysis whole)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no summary line on standard error")
	f.StringVar(&o.root, "root", "", "github, sarif and codequality paths are relative to this folder (default: $GITHUB_WORKSPACE, else the git repository around the working folder, else the working folder)")
	o.read.inputs.register(f)
}

func (o *checkOptions) run(cmd *cobra.Command, args []string) error {
	failOn, color, err := o.validate()
	if err != nil {
		return err
	}
	policy, err := o.loadPolicy(args)
	if err != nil {
		return err
	}
	if len(o.analysis.lexicons) == 0 {
		o.analysis.lexicons = policy.Lexicons
	}
	roots, err := o.checkRoots(cmd, args, policy)
	if err != nil {
		return err
	}
	if err := o.refuseOverwrite(policy, roots); err != nil {
		return err
	}
	checker, err := o.checker(policy)
	if err != nil {
		return err
	}
	var base *check.Baseline
	if o.baseline != "" && !o.writeBaseline {
		if base, err = readBaseline(o.baseline); err != nil {
			return err
		}
	}
	rep, unreadable, err := o.check(cmd, checker, roots)
	if err != nil {
		return err
	}
	stderr := cmd.ErrOrStderr()
	for _, d := range unreadable {
		fmt.Fprintf(stderr, "leadlex: %s: %s\n", printable.Line(d.Path), printable.Line(d.Reason))
	}
	if o.writeBaseline {
		if err := writeBaselineFile(o.baseline, check.NewBaseline(rep.Findings)); err != nil {
			return withCode(exitUsage, err)
		}
		fmt.Fprintf(stderr, "%s; wrote %d findings to %s\n", rep.SummaryLine(), len(rep.Findings), o.baseline)
		return unreadableErr(len(unreadable))
	}
	note := ""
	if base != nil {
		note = rep.SubtractBaseline(base)
	}
	if err := o.writeReport(cmd, rep, color); err != nil {
		return withCode(exitUsage, err)
	}
	if !o.quiet {
		fmt.Fprintln(stderr, rep.SummaryLine()+note)
	}
	if err := unreadableErr(len(unreadable)); err != nil {
		return err
	}
	if n := rep.Count().AtLeast(failOn); n > 0 {
		return &exitError{code: exitViolation}
	}
	return nil
}

// validate checks the flags that need no file and returns the parsed
// --fail-on and --color.
func (o *checkOptions) validate() (check.Severity, colorSetting, error) {
	failOn, err := check.ParseFailOn(o.failOn)
	if err != nil {
		return failOn, 0, usageErr("--fail-on %v", err)
	}
	if !check.ValidFormat(o.format) {
		return failOn, 0, usageErr("--format %q: want %s", o.format, strings.Join(check.Formats, ", "))
	}
	color, err := colorMode(o.color)
	if err != nil {
		return failOn, 0, err
	}
	if o.writeBaseline && o.baseline == "" {
		return failOn, 0, usageErr("--write-baseline needs --baseline FILE")
	}
	if o.workers < 0 {
		return failOn, 0, usageErr("--workers must be 0 (all CPUs) or more, got %d", o.workers)
	}
	return failOn, color, nil
}

// checker builds the checker of the policy with the lexicons of
// --lexicon, or else the policy's.
func (o *checkOptions) checker(policy *check.Policy) (*check.Checker, error) {
	if len(o.analysis.lexicons) == 0 {
		o.analysis.lexicons = policy.Lexicons
	}
	an, err := o.analysis.analyzer()
	if err != nil {
		return nil, err
	}
	checker, err := check.New(policy, an)
	if err != nil {
		return nil, withCode(exitUsage, err)
	}
	return checker, nil
}

// refuseOverwrite refuses a report or baseline written over what the check
// reads: the policy, its lexicons, the baseline, the files checked.
func (o *checkOptions) refuseOverwrite(policy *check.Policy, roots []string) error {
	copt, err := o.read.options()
	if err != nil {
		return err
	}
	inputs := append(append([]string{policy.File}, roots...), lexiconFiles(o.analysis.lexicons)...)
	outputs := []outputPath{{"-o", o.output}}
	if o.writeBaseline {
		outputs = append(outputs, outputPath{"--baseline", o.baseline})
	} else {
		inputs = append(inputs, o.baseline)
	}
	return refuseOverwrite(copt.Reads, inputs, outputs...)
}

// checkRoots is what to check: the PATHs given (globs expanded, - for
// standard input) and --files-from, or else the policy's paths or folder.
// Each must exist.
func (o *checkOptions) checkRoots(cmd *cobra.Command, args []string, policy *check.Policy) ([]string, error) {
	roots := args
	if len(roots) == 0 && o.read.inputs.filesFrom == "" {
		wd, _ := os.Getwd() // "" keeps the policy's absolute paths
		roots = policy.Roots(wd)
	}
	return o.read.inputs.roots(roots, cmd.InOrStdin())
}

// check runs the checker over the documents under roots and gathers the
// report, with the documents that could not be read.
func (o *checkOptions) check(cmd *cobra.Command, checker *check.Checker, roots []string) (*check.Report, []check.Document, error) {
	copt, err := o.read.options()
	if err != nil {
		return nil, nil, err
	}
	o.read.inputs.apply(&copt, cmd.InOrStdin())
	copt.StreamAbove = -1    // findings need the whole text
	copt.DeferExtract = true // the workers extract Markdown and HTML
	copt.Positions = true    // findings point into the file
	docs, err := checker.Run(cmd.Context(), corpus.Walk(cmd.Context(), roots, copt), o.workers)
	if errors.Is(err, context.Canceled) {
		return nil, nil, &exitError{code: exitInterrupt}
	}
	if err != nil {
		return nil, nil, withCode(exitUsage, err)
	}
	tool := check.Tool{Name: "leadlex", Version: toolVersion(), InformationURI: informationURI}
	rep, unreadable := check.NewReport(tool, checker.Policy(), docs)
	return rep, unreadable, nil
}

// loadPolicy reads --config, or the policy found above the working folder,
// or above the first PATH.
func (o *checkOptions) loadPolicy(args []string) (*check.Policy, error) {
	path := o.config
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, withCode(exitUsage, err)
		}
		starts := []string{wd}
		if len(args) > 0 && args[0] != corpus.StdinPath && !isGlob(args[0]) {
			starts = append(starts, args[0])
		}
		if path, err = check.FindFrom(wd, starts); err != nil {
			return nil, withCode(exitUsage, err)
		}
		if path == "" {
			return nil, usageErr("%v; write one (see docs/CHECK.md) or pass --config FILE", &check.NoPolicyError{Starts: starts})
		}
	}
	p, err := check.Load(path)
	if err != nil {
		return nil, withCode(exitUsage, err)
	}
	return p, nil
}

// writeReport writes the report to -o (atomically) or standard output.
func (o *checkOptions) writeReport(cmd *cobra.Command, rep *check.Report, color colorSetting) error {
	opt := check.WriteOptions{Color: color == colorAlways, Root: o.root}
	if opt.Root == "" {
		opt.Root = repositoryRoot()
	}
	if o.output == "" {
		w := cmd.OutOrStdout()
		opt.Color = color.use(w)
		return check.Write(w, o.format, rep, opt)
	}
	return results.WriteFile(o.output, func(w io.Writer) error { return check.Write(w, o.format, rep, opt) })
}

func readBaseline(path string) (*check.Baseline, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, usageErr("baseline %s does not exist; create it with --baseline %s --write-baseline", path, path)
	}
	if err != nil {
		return nil, withCode(exitUsage, fmt.Errorf("read baseline: %w", err))
	}
	defer f.Close()
	b, err := check.ReadBaseline(f, path)
	return b, withCode(exitUsage, err)
}

func writeBaselineFile(path string, b *check.Baseline) error {
	return results.WriteFile(path, b.Write)
}

// repositoryRoot is the folder report paths are relative to when --root is
// not given: $GITHUB_WORKSPACE in GitHub Actions, else the nearest folder
// at or above the working folder that holds .git, else the working folder.
func repositoryRoot() string {
	if ws := os.Getenv("GITHUB_WORKSPACE"); ws != "" {
		return ws
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}

// describeErr shortens os errors for messages.
func describeErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// unreadableErr says how many files could not be read (exit status 2);
// nil when none.
func unreadableErr(n int) error {
	switch n {
	case 0:
		return nil
	case 1:
		return &exitError{code: exitUsage, err: fmt.Errorf("1 file could not be read")}
	}
	return &exitError{code: exitUsage, err: fmt.Errorf("%d files could not be read", n)}
}
