package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/serve"
)

type serveOptions struct {
	documentFlags
	config      string
	addr        string
	allowRemote bool
	maxBytes    byteSize
	maxInFlight int
}

// flags registers serve's flags.
func (o *serveOptions) flags(f *pflag.FlagSet) {
	f.StringVarP(&o.config, "config", "c", "", "policy file (default: .leadlex.yaml found from the working folder upwards; none: no findings)")
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	f.BoolVar(&o.allowRemote, "allow-remote", false, "allow an --addr other machines can reach (no authentication: anyone who connects can use it)")
	f.Var(&o.maxBytes, "max-bytes", "largest request body (e.g. 1MB); larger ones get 413")
	f.IntVar(&o.maxInFlight, "max-concurrent", serve.DefaultMaxInFlight, "API requests analysed at once; more get 503 with Retry-After")
}

func (o *serveOptions) run(cmd *cobra.Command, _ []string) error {
	if o.maxInFlight < 1 {
		return usageErr("--max-concurrent must be 1 or more, got %d", o.maxInFlight)
	}
	policy, err := findPolicy(o.config)
	if err != nil {
		return err
	}
	if policy != nil && len(o.analysis.lexicons) == 0 {
		o.analysis.lexicons = policy.Lexicons
	}
	an, err := o.analysis.analyzer()
	if err != nil {
		return err
	}
	opt := serve.Options{Analyzer: an, Read: o.read.opt, Version: toolVersion(),
		MaxBytes: int64(o.maxBytes), MaxInFlight: o.maxInFlight, AnyHost: o.allowRemote}
	if policy != nil {
		if opt.Checker, err = check.New(policy, an); err != nil {
			return withCode(exitUsage, err)
		}
		opt.Policy = policy.File
	}
	srv, err := serve.New(opt)
	if err != nil {
		return usageErr("%v", err)
	}
	ln, warning, err := serve.Listen(o.addr, o.allowRemote)
	if err != nil {
		return usageErr("%v", err)
	}
	stderr := cmd.ErrOrStderr()
	if warning != "" {
		fmt.Fprintln(stderr, "leadlex: warning:", warning)
	}
	fmt.Fprintf(stderr, "leadlex: serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if err := serve.Serve(cmd.Context(), ln, srv); err != nil {
		return withCode(exitUsage, err)
	}
	return nil
}

// findPolicy loads --config, or the policy found above the working folder;
// it returns nil when there is none.
func findPolicy(config string) (*check.Policy, error) {
	path := config
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, withCode(exitUsage, err)
		}
		if path, err = check.FindFrom(wd, []string{wd}); err != nil || path == "" {
			return nil, withCode(exitUsage, err)
		}
	}
	p, err := check.Load(path)
	if err != nil {
		return nil, withCode(exitUsage, err)
	}
	return p, nil
}
