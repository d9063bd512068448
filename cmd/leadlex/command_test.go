package main

import (
	"io"
	"io/fs"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestParseHelp(t *testing.T) {
	for _, tc := range []struct {
		file string
		want commandHelp
	}{
		{"version\nPrint it\n", commandHelp{use: "version", short: "Print it"}},
		{"x A\nDo x\n\nLong text,\n\nin two paragraphs.\n", commandHelp{use: "x A", short: "Do x", long: "Long text,\n\nin two paragraphs."}},
		{"x\nDo x\n\nExamples:\n  leadlex x\n  leadlex x y\n", commandHelp{use: "x", short: "Do x", example: "  leadlex x\n  leadlex x y"}},
		{"x\nDo x\n\nLong.\n\nExamples:\n  leadlex x\n", commandHelp{use: "x", short: "Do x", long: "Long.", example: "  leadlex x"}},
	} {
		if got := parseHelp(tc.file); got != tc.want {
			t.Errorf("parseHelp(%q) = %+v, want %+v", tc.file, got, tc.want)
		}
	}
}

// commandsOf lists cmd and the commands below it, by help file name.
func commandsOf(cmd *cobra.Command) map[string]*cobra.Command {
	out := map[string]*cobra.Command{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "help" || c.Name() == "completion" {
			return
		}
		name := strings.ReplaceAll(strings.TrimPrefix(c.CommandPath(), "leadlex "), " ", "-")
		out[name] = c
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(cmd)
	return out
}

// TestHelpFilesUsed checks that every help file belongs to a command (a
// command without one panics in newCommand).
func TestHelpFilesUsed(t *testing.T) {
	commands := commandsOf(newRootCmd(nil, io.Discard, io.Discard))
	files, err := fs.Glob(helpFiles, "help/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("help files: %v, %v", files, err)
	}
	for _, f := range files {
		if name := strings.TrimSuffix(strings.TrimPrefix(f, "help/"), ".txt"); commands[name] == nil {
			t.Errorf("%s belongs to no command", f)
		}
	}
	if len(files) != len(commands) {
		t.Errorf("%d help files for %d commands", len(files), len(commands))
	}
}

// TestHelpExamplesParse checks that every leadlex command line among the
// examples of --help names a command and flags it has.
func TestHelpExamplesParse(t *testing.T) {
	for name, c := range commandsOf(newRootCmd(nil, io.Discard, io.Discard)) {
		for _, line := range strings.Split(c.Example, "\n") {
			line, _, _ = strings.Cut(line, " #")
			for _, part := range strings.Split(line, "|") {
				args := strings.Fields(part)
				if len(args) == 0 || args[0] != "leadlex" {
					continue
				}
				root := newRootCmd(nil, io.Discard, io.Discard)
				sub, rest, err := root.Find(args[1:])
				if err == nil {
					err = sub.ParseFlags(rest)
				}
				if err != nil {
					t.Errorf("help/%s.txt: %q: %v", name, strings.TrimSpace(part), err)
				}
			}
		}
	}
}
