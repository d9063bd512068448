package corpus

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
)

// StdinPath is the root that means standard input: one document read from
// Options.ReadStdin.
const StdinPath = "-"

// DefaultStdinName is the document name of standard input when
// Options.StdinName is empty.
const DefaultStdinName = "stdin"

// stdinConfig is the config for reading standard input as one file named
// name: the data served from memory, and the format forced by StdinFormat
// (or txt when the name has no extension).
func (c *config) stdinConfig(data []byte) (*config, string, error) {
	name := cmp.Or(c.StdinName, DefaultStdinName)
	ext := strings.ToLower(filepath.Ext(name))
	var forced *format
	switch {
	case c.StdinFormat != "":
		_, f, err := parseExtension(".stdin=" + c.StdinFormat)
		if err != nil {
			return nil, name, fmt.Errorf("--stdin-format %q: want one of %s", c.StdinFormat, strings.Join(formatNames(), ", "))
		}
		forced = f
	case ext == "":
		forced = txtFormat
	}
	sc := *c
	if forced != nil {
		sc.formats = maps.Clone(c.formats)
		sc.formats[ext] = forced
	}
	sc.fsys = stdinFS{fileSystem: c.fsys, name: name, data: data}
	return &sc, name, nil
}

// stdin reads what Options.ReadStdin set (up to one byte over the size limit) and yields
// it as one document, as a file of that name would be.
func (w *walker) stdin() bool {
	name := cmp.Or(w.cfg.StdinName, DefaultStdinName)
	id := filepath.Base(name) // as for a file given as a root
	if w.multi {
		id = filepath.ToSlash(name)
	}
	if w.statOnly { // List and Count must not use up the input
		return w.yield(Doc{ID: id, Path: name})
	}
	if w.cfg.stdin == nil {
		return w.yield(w.cfg.errorDoc(StdinPath, StdinPath, "standard input is not available"))
	}
	data, err := io.ReadAll(io.LimitReader(w.cfg.stdin, w.cfg.maxBytes()+1))
	cfg, _, cerr := w.cfg.stdinConfig(data)
	switch {
	case cerr != nil:
		return w.yield(w.cfg.errorDoc(name, name, cerr.Error()))
	case err != nil:
		return w.yield(w.cfg.errorDoc(name, name, "cannot read standard input: "+err.Error()))
	}
	sw := *w
	sw.cfg = cfg
	return sw.file(name, id, memoryInfo{name: filepath.Base(name), size: int64(len(data))})
}

// stdinFS serves standard input's data under its document name and passes
// everything else to the disk.
type stdinFS struct {
	fileSystem
	name string
	data []byte
}

func (s stdinFS) Stat(name string) (fs.FileInfo, error) {
	if name == s.name {
		return memoryInfo{name: filepath.Base(name), size: int64(len(s.data))}, nil
	}
	return s.fileSystem.Stat(name)
}

func (s stdinFS) Open(name string) (file, error) {
	if name == s.name {
		return memoryFile{bytes.NewReader(s.data)}, nil
	}
	return s.fileSystem.Open(name)
}
