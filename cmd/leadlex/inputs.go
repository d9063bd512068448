package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/spf13/pflag"

	"github.com/leadlex/leadlex/corpus"
)

// inputFlags say where documents come from besides the PATH arguments:
// standard input ("-") and a list of paths (--files-from). score, check
// and explain share them.
type inputFlags struct {
	stdinName, stdinFormat string
	filesFrom              string
}

func (f *inputFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.stdinName, "stdin-name", "", "name of the document read from standard input (PATH -), its doc_id and the file in findings (default: stdin)")
	fs.StringVar(&f.stdinFormat, "stdin-format", "", "format of standard input: txt, md, html, jsonl, csv, tsv or docx (default: from --stdin-name's extension, else txt)")
	fs.StringVar(&f.filesFrom, "files-from", "", "read more PATHs from this file, one per line or NUL-separated (find -print0); - reads them from standard input")
}

// apply sets the options that read standard input as a document.
func (f *inputFlags) apply(opt *corpus.Options, stdin io.Reader) {
	opt.ReadStdin(stdin)
	opt.StdinName, opt.StdinFormat = f.stdinName, f.stdinFormat
}

// isGlob reports whether a path has glob characters (*, ?, [, {).
func isGlob(p string) bool { return strings.ContainsAny(p, "*?[{") }

// roots turns the PATH arguments and --files-from into the roots to walk:
// quoted globs (with **) expand to the files they match, in sorted order;
// "-" stays, for standard input. A path that does not exist, a glob that
// matches nothing, or standard input asked for twice is a usage error,
// found before any output is written.
func (f *inputFlags) roots(args []string, stdin io.Reader) ([]string, error) {
	if err := (corpus.Options{StdinFormat: f.stdinFormat}).Validate(); err != nil {
		return nil, usageErr("%v", err)
	}
	paths := args
	if f.filesFrom != "" {
		listed, err := f.readList(stdin)
		if err != nil {
			return nil, err
		}
		paths = append(append([]string(nil), args...), listed...)
	}
	var out []string
	usedStdin := f.filesFrom == corpus.StdinPath
	for _, p := range paths {
		switch {
		case p == corpus.StdinPath:
			if usedStdin {
				return nil, usageErr("standard input can be read once: as a document (-) or as --files-from -, not both")
			}
			usedStdin = true
			out = append(out, p)
		case isGlob(p) && !exists(p):
			matches, err := doublestar.FilepathGlob(p, doublestar.WithFilesOnly(), doublestar.WithNoFollow())
			if err != nil {
				return nil, usageErr("%s: %v", p, err)
			}
			base, _ := doublestar.SplitPattern(filepath.ToSlash(p))
			matches = visible(matches, base)
			if len(matches) == 0 {
				return nil, usageErr("%s: matches no file", p)
			}
			out = append(out, matches...) // FilepathGlob sorts
		default:
			if _, err := os.Stat(p); err != nil {
				return nil, usageErr("%s: %v", p, describeErr(err))
			}
			out = append(out, p)
		}
	}
	switch {
	case len(out) == 0 && f.filesFrom != "":
		return nil, usageErr("no PATH given, and --files-from %s lists none", f.filesFrom)
	case len(out) == 0:
		return nil, usageErr("no PATH given: name files, folders or globs, - for standard input, or --files-from FILE")
	}
	return out, nil
}

// readList reads --files-from: NUL-separated when the list has a NUL,
// else one path per line; blank lines are left out.
func (f *inputFlags) readList(stdin io.Reader) ([]string, error) {
	var data []byte
	var err error
	if f.filesFrom == corpus.StdinPath {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(f.filesFrom)
	}
	if err != nil {
		return nil, usageErr("--files-from %s: %v", f.filesFrom, describeErr(err))
	}
	sep := []byte("\n")
	if bytes.IndexByte(data, 0) >= 0 {
		sep = []byte{0}
	}
	var out []string
	for _, p := range bytes.Split(data, sep) {
		s := strings.TrimSuffix(string(p), "\r")
		if sep[0] == '\n' {
			s = strings.TrimSpace(s)
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// visible leaves out matches inside hidden folders or of hidden files
// below the glob's fixed base, as walking a folder does.
func visible(paths []string, base string) []string {
	out := paths[:0]
	for _, p := range paths {
		hidden := false
		rel := strings.TrimPrefix(filepath.ToSlash(p), strings.TrimSuffix(base, "/")+"/")
		for _, part := range strings.Split(rel, "/") {
			if len(part) > 1 && part[0] == '.' && part != ".." {
				hidden = true
				break
			}
		}
		if !hidden {
			out = append(out, p)
		}
	}
	return out
}
