// Command leadlex measures leadership versus management language in
// documents. It wires the corpus, lexicon and pipeline packages to a
// command line; the analysis itself lives in those packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/internal/buildinfo"
	"github.com/leadlex/leadlex/internal/exitcode"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/lsp"
	"github.com/leadlex/leadlex/results"
	"github.com/leadlex/leadlex/serve"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes shared by all commands, and with leadlex-beam.
const (
	exitOK        = exitcode.OK
	exitViolation = exitcode.Violation // check found a problem at or above --fail-on; --fail-on-error saw an error row
	exitUsage     = exitcode.Usage     // bad flags, unreadable policy or lexicon, output that cannot be written
	exitInterrupt = exitcode.Interrupt // after SIGINT; 143 after SIGTERM
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// the module version from the build info is used.
var version = ""

func toolVersion() string { return buildinfo.Version(version) }

// exitError carries an exit code up to main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// withCode wraps err with an exit code, keeping nil as nil.
func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: code, err: err}
}

// memoryLimit is the heap size the Go runtime is asked to stay under
// (unless GOMEMLIMIT says otherwise): the garbage collector works harder
// near it instead of letting the heap grow to twice what is live. Ordinary
// runs live in a fraction of it; see docs/PERFORMANCE.md.
const memoryLimit = 224 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// interruptGrace is how long a run may take to finish up after SIGINT or
// SIGTERM (write its summary, remove its temporary output) before it is
// stopped wherever it is, in the middle of a document or not.
const interruptGrace = 800 * time.Millisecond

// run executes the command line and returns the exit code. The first
// SIGINT or SIGTERM cancels the command's context; a second one, or the
// run still going interruptGrace later, removes the temporary output and
// exits at once: 130 after SIGINT, 143 after SIGTERM (128 + the signal's
// number, as shells report it).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	finished := make(chan struct{})
	defer close(finished)
	var interruptCode atomic.Int32
	interruptCode.Store(exitInterrupt)
	go func() {
		var sig os.Signal
		select {
		case sig = <-sigs:
		case <-finished:
			return
		}
		code := signalExitCode(sig)
		interruptCode.Store(int32(code))
		fmt.Fprintln(stderr, "leadlex: interrupted; finishing up (press Ctrl-C again to quit at once)")
		cancel()
		select {
		case <-sigs:
		case <-time.After(interruptGrace):
			fmt.Fprintln(stderr, "leadlex: interrupted; stopped without finishing, nothing written")
		case <-finished:
			return
		}
		results.RemoveTemps()
		os.Exit(code)
	}()

	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	code := exitUsage // cobra's own errors are usage errors
	if errors.As(err, &ee) {
		code = ee.code
	} else if errors.Is(err, context.Canceled) {
		code = exitInterrupt
	}
	if code == exitInterrupt {
		code = int(interruptCode.Load())
	}
	if ee == nil || ee.err != nil {
		fmt.Fprintf(stderr, "leadlex: %v\n", err)
	}
	return code
}

// signalExitCode is the exit code after sig: 128 + its number.
func signalExitCode(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitInterrupt
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := newCommand("leadlex", nil, nil)
	root.SilenceUsage, root.SilenceErrors = true, true
	// --version prints what the version command prints.
	root.Version = toolVersion()
	root.SetVersionTemplate(`{{leadlexVersion}}`)
	lexicon.MaxFileBytes, check.MaxPolicyBytes = lexicon.DefaultMaxFileBytes, check.DefaultMaxPolicyBytes
	root.PersistentFlags().Var((*sizeLimit)(&lexicon.MaxFileBytes), "max-lexicon-bytes",
		"refuse lexicon files (YAML, .dic, mapping) larger than this")
	root.PersistentFlags().Var((*sizeLimit)(&check.MaxPolicyBytes), "max-policy-bytes",
		"refuse policy files larger than this")
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%v (see '%s --help')", err, c.CommandPath())
	})
	root.AddCommand(
		command("score", nil, &scoreOptions{}),
		command("check", nil, &checkOptions{}),
		command("explain", nil, &explainOptions{}),
		newVersionCmd(),
		command("eval", cobra.MinimumNArgs(1), &evalOptions{}),
		command("derive", cobra.RangeArgs(1, 2), &deriveOptions{}),
		newLexiconCmd(),
		command("report", cobra.ExactArgs(1), &reportOptions{}),
		newNormsCmd(),
		command("serve", cobra.NoArgs, &serveOptions{maxBytes: serve.DefaultMaxBytes}),
		command("lsp", cobra.NoArgs, &lspOptions{maxBytes: lsp.DefaultMaxBytes}),
	)
	return root
}

func init() {
	cobra.AddTemplateFunc("leadlexVersion", func() string {
		s, err := versionText()
		if err != nil {
			return fmt.Sprintf("leadlex %s\n", toolVersion())
		}
		return s
	})
}

// versionText is what `leadlex version` and `leadlex --version` print.
func versionText() (string, error) {
	lex, err := loadLexicon(nil)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("leadlex %s\nlexicon %s %s (sha256 %s)\n", toolVersion(), lex.Name, lex.Version, lex.Hash[:12]), nil
}

func newVersionCmd() *cobra.Command {
	return newCommand("version", cobra.NoArgs, func(cmd *cobra.Command, _ []string) error {
		s, err := versionText()
		if err != nil {
			return err
		}
		fmt.Fprint(cmd.OutOrStdout(), s)
		return nil
	})
}

// runFlags are flags that change how a run goes, not what it writes; they
// are left out of the command line recorded in output metadata so that the
// same input gives the same bytes.
var runFlags = map[string]bool{"workers": true, "quiet": true, "progress": true}

// commandLine renders the command and the flags the user set (by name, as
// pflag visits them; repeated values keep their order), for output metadata.
func commandLine(cmd *cobra.Command, args []string) string {
	parts := []string{cmd.CommandPath()}
	var flags []string
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if runFlags[f.Name] {
			return
		}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				flags = append(flags, fmt.Sprintf("--%s=%s", f.Name, v))
			}
			return
		}
		flags = append(flags, fmt.Sprintf("--%s=%s", f.Name, f.Value.String()))
	})
	parts = append(parts, flags...)
	parts = append(parts, args...)
	return strings.Join(parts, " ")
}
