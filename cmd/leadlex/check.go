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

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/results"
)

// informationURI is where a SARIF viewer sends people to learn about the tool.
const informationURI = "https://github.com/leadlex/leadlex"

type checkOptions struct {
	analysis       analysisFlags
	config         string
	format         string
	output         string
	failOn         string
	baseline       string
	writeBaseline  bool
	color          string
	workers        int
	followSymlinks bool
	maxBytes       byteSize
	read           readFlags
	quiet          bool
	root           string
}

func newCheckCmd() *cobra.Command {
	o := &checkOptions{maxBytes: corpus.DefaultMaxBytes}
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check documents against a wording policy (.leadlex.yaml) for CI",
		Long: `Check scores every document under the given folders or files and applies the
rules of a policy file: thresholds on the document's scores, dimensions the
text must touch, and flagged terms with suggested replacements. Each finding
names the file, line and column, the rule and its severity.

The policy is --config FILE, or else .leadlex.yaml (or .leadlex.yml) found in
the working folder or a folder above it, or else above the first PATH. With no
PATH, the policy's paths (or its folder) are checked.

Exit status: 0 when nothing at or above --fail-on was found, 1 when something
was, 2 for usage errors, a broken policy, or a file that cannot be read.`,
		Example: `  leadlex check                                   # the policy's paths, text output
  leadlex check jobs/ --format github             # annotations in a GitHub Actions run
  leadlex check jobs/ --format sarif -o leadlex.sarif
  leadlex check jobs/ --baseline .leadlex-baseline.json --write-baseline   # record today's findings
  leadlex check jobs/ --baseline .leadlex-baseline.json                    # fail only on new ones`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	f := cmd.Flags()
	o.analysis.register(f)
	f.StringVarP(&o.config, "config", "c", "", "policy file (default: .leadlex.yaml found from the working folder upwards)")
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(check.Formats, ", "))
	f.StringVarP(&o.output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding has this severity or above: error, warning, info or none")
	f.StringVar(&o.baseline, "baseline", "", "baseline file: report only findings not in it")
	f.BoolVar(&o.writeBaseline, "write-baseline", false, "write the current findings to --baseline and exit 0")
	f.StringVar(&o.color, "color", "auto", "colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never")
	f.IntVarP(&o.workers, "workers", "j", 0, "documents checked at once (default: number of CPUs)")
	f.BoolVar(&o.followSymlinks, "follow-symlinks", false, "follow symbolic links (loops are reported as errors)")
	f.Var(&o.maxBytes, "max-bytes", "skip files larger than this (e.g. 64MB, 1GB)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no summary line on standard error")
	f.StringVar(&o.root, "root", "", "github, sarif and codequality paths are relative to this folder (default: $GITHUB_WORKSPACE, else the git repository around the working folder, else the working folder)")
	o.read.register(f)
	return cmd
}

func (o *checkOptions) run(cmd *cobra.Command, args []string) error {
	failOn, err := check.ParseFailOn(o.failOn)
	if err != nil {
		return usageErr("%v", err)
	}
	if !check.ValidFormat(o.format) {
		return usageErr("--format %q: want %s", o.format, strings.Join(check.Formats, ", "))
	}
	color, err := colorMode(o.color)
	if err != nil {
		return err
	}
	if o.writeBaseline && o.baseline == "" {
		return usageErr("--write-baseline needs --baseline FILE")
	}
	if o.workers < 0 {
		return usageErr("--workers must be 0 (all CPUs) or more, got %d", o.workers)
	}
	policy, err := o.loadPolicy(args)
	if err != nil {
		return err
	}
	if len(o.analysis.lexicons) == 0 {
		o.analysis.lexicons = policy.Lexicons
	}
	an, err := o.analysis.analyzer()
	if err != nil {
		return err
	}
	checker, err := check.New(policy, an)
	if err != nil {
		return withCode(exitUsage, err)
	}
	var base *check.Baseline
	if o.baseline != "" && !o.writeBaseline {
		if base, err = readBaseline(o.baseline); err != nil {
			return err
		}
	}
	roots := policyRoots(policy)
	if len(args) > 0 || o.read.inputs.filesFrom != "" {
		roots = args
	}
	if roots, err = o.read.inputs.roots(roots, cmd.InOrStdin()); err != nil {
		return err
	}

	stderr := cmd.ErrOrStderr()
	copt, err := o.read.options(o.followSymlinks, o.maxBytes)
	if err != nil {
		return err
	}
	o.read.inputs.apply(&copt, cmd.InOrStdin())
	copt.StreamAbove = -1    // findings need the whole text
	copt.DeferExtract = true // the workers extract Markdown and HTML
	rep := &check.Report{
		Tool:  check.Tool{Name: "leadlex", Version: toolVersion(), InformationURI: informationURI},
		Rules: policy.RuleInfos(),
	}
	docs, err := checker.Run(cmd.Context(), corpus.Walk(cmd.Context(), roots, copt), o.workers)
	if errors.Is(err, context.Canceled) {
		return &exitError{code: exitInterrupt}
	}
	if err != nil {
		return withCode(exitUsage, err)
	}
	unreadable := 0
	for _, d := range docs {
		switch d.Status {
		case corpus.OK:
			rep.Files++
			rep.Findings = append(rep.Findings, d.Findings...)
		case corpus.Failed:
			unreadable++
			fmt.Fprintf(stderr, "leadlex: %s: %s\n", d.Path, d.Reason)
		}
	}

	if o.writeBaseline {
		if err := writeBaselineFile(o.baseline, check.NewBaseline(rep.Findings)); err != nil {
			return withCode(exitUsage, err)
		}
		fmt.Fprintf(stderr, "%s; wrote %d findings to %s\n", rep.SummaryLine(), len(rep.Findings), o.baseline)
		if unreadable > 0 {
			return unreadableErr(unreadable)
		}
		return nil
	}
	known := 0
	if base != nil {
		rep.Findings, known = base.Filter(rep.Findings)
	}
	if err := o.writeReport(cmd, rep, color); err != nil {
		return withCode(exitUsage, err)
	}
	if !o.quiet {
		line := rep.SummaryLine()
		if base != nil {
			line += fmt.Sprintf(" (new since the baseline; %d known findings not shown", known)
			if gone := len(base.Findings) - known; gone > 0 {
				line += fmt.Sprintf(", %d baseline entries not seen: fixed or not checked", gone)
			}
			line += ")"
		}
		fmt.Fprintln(stderr, line)
	}
	if unreadable > 0 {
		return unreadableErr(unreadable)
	}
	if n := rep.Count().AtLeast(failOn); n > 0 {
		return &exitError{code: exitViolation}
	}
	return nil
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
			dir := args[0]
			if info, err := os.Stat(dir); err == nil && !info.IsDir() {
				dir = filepath.Dir(dir)
			}
			starts = append(starts, dir)
		}
		for _, s := range starts {
			if path, err = check.Find(s); err != nil {
				return nil, withCode(exitUsage, err)
			}
			if path != "" {
				break
			}
		}
		if path == "" {
			return nil, usageErr("no policy file: found no %s in %s or the folders above it; write one (see the README) or pass --config FILE",
				check.PolicyNames[0], strings.Join(starts, " or "))
		}
		if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
			path = rel
		}
	}
	p, err := check.Load(path)
	if err != nil {
		return nil, withCode(exitUsage, err)
	}
	return p, nil
}

// policyRoots is what to check when no PATH is given: the policy's paths or
// its folder, relative to the working folder when they are below it.
func policyRoots(p *check.Policy) []string {
	roots := p.Paths
	if len(roots) == 0 {
		roots = []string{p.Dir}
	}
	wd, err := os.Getwd()
	out := make([]string, len(roots))
	for i, r := range roots {
		out[i] = r
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(wd, r); err == nil && !strings.HasPrefix(rel, "..") {
			out[i] = rel
		}
	}
	return out
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

// unreadableErr says how many files could not be read (exit status 2).
func unreadableErr(n int) error {
	if n == 1 {
		return &exitError{code: exitUsage, err: fmt.Errorf("1 file could not be read")}
	}
	return &exitError{code: exitUsage, err: fmt.Errorf("%d files could not be read", n)}
}
