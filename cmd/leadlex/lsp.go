package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/lsp"
)

type lspOptions struct {
	documentFlags
	maxBytes byteSize
}

// flags registers lsp's flags.
func (o *lspOptions) flags(f *pflag.FlagSet) {
	f.Var(&o.maxBytes, "max-bytes", "largest message or document; larger documents are not checked")
}

func (o *lspOptions) run(cmd *cobra.Command, _ []string) error {
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
