package main

import (
	"embed"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpFiles hold the --help text of every command, one file a command
// named after its path (help/lexicon-import.txt for leadlex lexicon
// import). A file reads as the help does: the usage line, the one-line
// summary, then, each after a blank line, the long description and a line
// "Examples:" with the examples.
//
//go:embed help/*.txt
var helpFiles embed.FS

// newCommand returns the command whose help is help/NAME.txt, with the
// given argument check (nil for any) and run function (nil for a command
// that only groups others).
func newCommand(name string, args cobra.PositionalArgs, run func(*cobra.Command, []string) error) *cobra.Command {
	text, err := helpFiles.ReadFile("help/" + name + ".txt")
	if err != nil {
		panic(err) // a command without its help file: every test of the CLI fails
	}
	h := parseHelp(string(text))
	return &cobra.Command{Use: h.use, Short: h.short, Long: h.long, Example: h.example, Args: args, RunE: run}
}

// subcommand is what a command runs, with the flags that fill it in.
type subcommand interface {
	flags(f *pflag.FlagSet)
	run(cmd *cobra.Command, args []string) error
}

// documentCommand is a subcommand that reads and analyses documents: its
// options embed documentFlags.
type documentCommand interface {
	subcommand
	documents() *documentFlags
}

// command returns the command of help/NAME.txt that registers o's flags
// and runs o. The flags of a documentCommand's documentFlags are
// registered first, here, so that its own flags method registers only
// what is its own (and may change a default of theirs).
func command(name string, args cobra.PositionalArgs, o subcommand) *cobra.Command {
	cmd := newCommand(name, args, o.run)
	if d, ok := o.(documentCommand); ok {
		d.documents().register(cmd.Flags())
	}
	o.flags(cmd.Flags())
	return cmd
}

// commandHelp is one help file's parts.
type commandHelp struct{ use, short, long, example string }

// parseHelp splits a help file into its parts.
func parseHelp(text string) commandHelp {
	var h commandHelp
	text = strings.TrimSuffix(text, "\n")
	h.use, text, _ = strings.Cut(text, "\n")
	h.short, text, _ = strings.Cut(text, "\n")
	body, example, _ := strings.Cut("\n"+text, "\n\nExamples:\n")
	h.long, h.example = strings.TrimLeft(body, "\n"), example
	return h
}
