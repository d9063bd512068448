package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/leadlex/leadlex/results"
)

// outputPath is one file a command writes, with the flag that names it.
type outputPath struct {
	flag, path string
}

// refuseOverwrite returns a usage error, before anything is written, when
// an output would replace what the command reads or another output: an
// input file (also under another spelling, a hard link or a symbolic
// link), a file inside an input folder of a type the run reads as a
// document (reads says which), or the same file as another output.
// Standard output ("-") and unset outputs ("") are not files.
func refuseOverwrite(reads func(path string) bool, inputs []string, outputs ...outputPath) error {
	var seen []outputPath
	for _, out := range outputs {
		if out.path == "" || out.path == results.Stdout {
			continue
		}
		real := realPath(out.path)
		outInfo, outErr := os.Stat(out.path)
		for _, prev := range seen {
			prevInfo, err := os.Stat(prev.path)
			if realPath(prev.path) == real || err == nil && outErr == nil && os.SameFile(prevInfo, outInfo) {
				return usageErr("%s %s and %s %s are the same file: one would overwrite the other; give them different names", prev.flag, prev.path, out.flag, out.path)
			}
		}
		seen = append(seen, out)
		for _, in := range inputs {
			if in == "" || in == results.Stdout {
				continue
			}
			inInfo, err := os.Stat(in)
			inReal := realPath(in)
			if inReal == real || err == nil && outErr == nil && os.SameFile(inInfo, outInfo) {
				return usageErr("%s %s is also an input (%s): writing it would destroy what is read; write elsewhere", out.flag, out.path, in)
			}
			if err == nil && inInfo.IsDir() && within(inReal, real) && reads(out.path) {
				if outErr == nil {
					return usageErr("%s %s is also an input (it is inside %s, which is being read): writing it would destroy what is read; write elsewhere", out.flag, out.path, in)
				}
				return usageErr("%s %s is inside %s, which is being read, and is of a type read as a document: write it elsewhere or give it another extension", out.flag, out.path, in)
			}
		}
	}
	return nil
}

// realPath returns path made absolute and clean, with the symbolic links
// of its folder resolved (the file itself may not exist yet).
func realPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		return resolved
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// within reports whether path is inside folder dir (both real paths).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// lexiconFiles are the lexicon files among --lexicon values ("default" is
// built in).
func lexiconFiles(lexicons []string) []string {
	var files []string
	for _, l := range lexicons {
		if l != "default" && l != "" {
			files = append(files, l)
		}
	}
	return files
}
