package main

import (
	"github.com/spf13/cobra"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/lsp"
)

type lspOptions struct {
	analysis analysisFlags
	maxBytes byteSize
	read     readFlags
}

func newLSPCmd() *cobra.Command {
	o := &lspOptions{maxBytes: lsp.DefaultMaxBytes}
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the editor server (Language Server Protocol over standard input and output)",
		Long: `lsp speaks the Language Server Protocol on standard input and output, for
editors: Markdown, plain text and HTML documents get the findings of
'leadlex check' with the nearest .leadlex.yaml as diagnostics while they are
edited, hover on a lexicon hit shows its entry, dimension, pole, weight and
provenance, and code actions apply a finding's suggestions. A policy that
names lexicons uses them; otherwise --lexicon, or the built-in lexicon.
Editor set-up: docs/LSP.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return o.run(cmd) },
	}
	f := cmd.Flags()
	o.analysis.register(f)
	f.Var(&o.maxBytes, "max-bytes", "largest message or document; larger documents are not checked")
	o.read.register(f)
	return cmd
}

func (o *lspOptions) run(cmd *cobra.Command) error {
	if err := o.analysis.labels.Validate(); err != nil {
		return usageErr("%v", err)
	}
	if _, err := o.analysis.lexicon(); err != nil { // fail now, not in the editor
		return err
	}
	load := func(names []string) (*lexicon.Lexicon, error) {
		a := o.analysis
		if len(names) > 0 {
			a.lexicons = names
		}
		return a.lexicon()
	}
	srv := lsp.New(lsp.Options{Lexicon: load, Labels: o.analysis.labels, Read: o.read.opt,
		MaxBytes: int64(o.maxBytes), Version: toolVersion(), Log: cmd.ErrOrStderr()})
	code, err := srv.Run(cmd.InOrStdin(), cmd.OutOrStdout())
	if err != nil {
		return withCode(exitUsage, err)
	}
	if code != 0 {
		return &exitError{code: code}
	}
	return nil
}
