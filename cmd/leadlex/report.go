package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/internal/humanize"
	"github.com/leadlex/leadlex/report"
	"github.com/leadlex/leadlex/results"
)

type reportOptions struct {
	output string
	report report.Options
}

// flags registers report's flags.
func (o *reportOptions) flags(f *pflag.FlagSet) {
	registerOutput(f, &o.output, "report.html", "HTML file to write; - for stdout")
	f.StringVar(&o.report.By, "by", "", "compare groups: folder, folder:N (its first N levels) or a text column such as label or format")
	f.IntVar(&o.report.Top, "top", 20, "documents in each of the two most-leaning lists")
	f.StringVar(&o.report.Title, "title", "", "page heading (default: from the results file's name)")
}

func (o *reportOptions) run(cmd *cobra.Command, args []string) error {
	path := args[0]
	if o.report.Top < 1 {
		return usageErr("--top must be 1 or more, got %d", o.report.Top)
	}
	readsNoFolder := func(string) bool { return false } // the input is one results file
	if err := refuseOverwrite(readsNoFolder, []string{path}, outputPath{"-o", o.output}); err != nil {
		return err
	}
	rep, err := report.Read(path, o.report)
	if err != nil {
		return withCode(exitUsage, flagError(err))
	}
	if o.output == results.Stdout {
		return withCode(exitUsage, rep.WriteHTML(cmd.OutOrStdout()))
	}
	if err := results.WriteFile(o.output, rep.WriteHTML); err != nil {
		return withCode(exitUsage, err)
	}
	groups := ""
	if o.report.By != "" {
		groups = fmt.Sprintf(" in %d groups", len(rep.Groups))
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "%s documents%s; wrote %s\n", humanize.Thousands(rep.All.Documents), groups, o.output)
	return nil
}
