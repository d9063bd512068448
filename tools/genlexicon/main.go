// Command genlexicon writes lexicon/default.gob: the embedded default
// lexicon as Parse reads it, every field of it, in encoding/gob, so that
// lexicon.Default decodes it instead of parsing YAML each time a process
// starts. Run it through go generate after editing lexicon/default.yaml:
//
//	go generate ./lexicon
//
// It reads default.yaml and writes default.gob in the current folder (go
// generate runs it in lexicon/); -o names another output file. It never
// reads the old default.gob, so a stale or broken one does not stop its own
// regeneration.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/results"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is the command with its arguments; it returns the exit code.
func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("genlexicon", flag.ContinueOnError)
	fl.SetOutput(stderr)
	in := fl.String("in", "default.yaml", "the lexicon file to read")
	out := fl.String("o", "default.gob", "the gob file to write")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	data, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(stderr, "genlexicon:", err)
		return 1
	}
	snap, err := Snapshot(data)
	if err != nil {
		fmt.Fprintln(stderr, "genlexicon:", err)
		return 1
	}
	if err := writeAtomic(*out, snap); err != nil {
		fmt.Fprintln(stderr, "genlexicon:", err)
		return 1
	}
	return 0
}

// writeAtomic writes data through a results.AtomicFile, so that an
// interrupted run never leaves a cut default.gob (which would make
// lexicon.Default panic).
func writeAtomic(path string, data []byte) error {
	f, err := results.CreateAtomic(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Commit()
}

// Snapshot parses data as default.yaml and returns the lexicon in the gob
// form lexicon.Default decodes.
func Snapshot(data []byte) ([]byte, error) {
	l, err := lexicon.Parse("default.yaml", data)
	if err != nil {
		return nil, fmt.Errorf("parse default.yaml: %w", err)
	}
	var buf bytes.Buffer
	if err := l.WriteSnapshot(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
