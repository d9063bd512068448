// Package corpus finds the documents under a set of paths and reads them:
// it walks folders in a fixed order, recognises formats, decodes text,
// applies size limits, and turns every problem into a Doc that says why, so
// that each input file yields a row downstream. The extractors (Markdown,
// HTML) can keep, on each Doc, a map from its text back to the file's lines
// and columns (Options.Positions), so that findings point into the file.
package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/leadlex/leadlex/internal/humanize"
)

// Status says whether a Doc holds text to score.
type Status string

// Doc statuses.
const (
	OK      Status = "ok"
	Skipped Status = "skipped"
	Failed  Status = "error"
)

// Doc is one document: its identity, its text (or a stream of it), or the
// reason it has none.
type Doc struct {
	ID     string        // path relative to its root, forward slashes; "path#N" for records
	Path   string        // path on disk, as reached from the root given
	Format string        // txt, md, ...; the extension when unsupported
	Bytes  int64         // size of the input
	Text   string        // the document's text, when Body is nil
	Body   io.ReadCloser // large plain-text files: the text as a stream; the consumer closes it
	Status Status
	Reason string // why the document was skipped or failed

	// Positions maps offsets of Text back to lines and columns of the file;
	// set with Options.Positions for whole files (not records or streams).
	Positions *Positions

	extract   extractFunc // with Options.DeferExtract: turns Text into the text to score
	positions bool        // keep Positions when extracting
	load      *source     // with Options.DeferExtract: the file, not read yet
}

// Extract finishes a Doc read with Options.DeferExtract: it reads and
// decodes the file when the walk left that to it, turns the markup in Text
// (Markdown, HTML) into the text to score, and makes the Doc skipped when
// no text is left. On any other Doc it does nothing.
func (d *Doc) Extract() {
	d.Load()
	if d.extract == nil {
		return
	}
	var spans *spanMap
	if d.positions {
		spans = &spanMap{}
	}
	src := d.Text
	d.Text, d.extract = d.extract(src, spans), nil
	if spans != nil {
		d.Positions = &Positions{lines: newLineIndex(src), spans: *spans}
	}
	if strings.TrimSpace(d.Text) == "" {
		d.Text, d.Status, d.Reason = "", Skipped, noText
	}
}

// noText is the reason of a document with nothing but white space.
const noText = "no text (only white space)"

// Load reads the file of a Doc whose reading was left to the worker
// (Options.DeferExtract), so that d.Text holds the file's text as written
// (Markdown and HTML not yet extracted); it does nothing to a Doc already
// read. Extract calls it.
func (d *Doc) Load() {
	if d.load != nil {
		*d = d.load.readOne()
	}
}

// Close releases the Doc's stream, if it has one. A Doc whose file was not
// read yet (Options.DeferExtract) is left unread.
func (d *Doc) Close() error {
	d.load = nil
	if d.Body == nil {
		return nil
	}
	err := d.Body.Close()
	d.Body = nil
	return err
}

// DefaultMaxBytes is the default of --max-bytes: larger files are skipped.
const DefaultMaxBytes = 256 << 20

// DefaultMaxWholeBytes is the default limit of a document held whole in
// memory while it is read and analysed: a record of a .jsonl, .csv or .tsv
// file, an HTML file, the unpacked text of a .docx, any file when
// streaming is off (check, explain). Reading and analysing such a document
// takes up to seven times its size in memory; 16 MB keeps a run's peak
// under 256 MB. Text and Markdown files above DefaultStreamAbove are
// streamed and limited by DefaultMaxBytes.
const DefaultMaxWholeBytes = 16 << 20

// DefaultStreamAbove is the size above which plain-text files are streamed
// rather than read into memory.
const DefaultStreamAbove = 4 << 20

// Defaults of the record options.
const (
	DefaultTextField  = "text" // JSON Lines field holding a record's text
	DefaultTextColumn = "text" // CSV/TSV column holding a record's text
)

// Options control walking and reading.
type Options struct {
	FollowSymlinks bool  // follow symbolic links (loops are reported, not followed)
	MaxBytes       int64 // files (and records) larger than this are skipped; 0 means DefaultMaxBytes, and DefaultMaxWholeBytes for a document held whole
	MaxWholeBytes  int64 // documents held whole in memory larger than this are skipped; 0 means MaxBytes when set, else DefaultMaxWholeBytes
	StreamAbove    int64 // stream plain text above this size; 0 means DefaultStreamAbove, <0 never

	// DeferExtract leaves reading, decoding and the extraction of
	// marked-up text (Markdown, HTML) of whole-file formats to Doc.Extract,
	// so that a pool of workers can do it rather than the one goroutine
	// that walks. Until Extract is called, such a Doc has its ID, Path,
	// Format and Bytes, Status OK, and as Text nothing or the file's decoded
	// text; Extract makes it what Walk would have yielded otherwise. Record
	// files (.jsonl, .csv) are still read as the walk goes.
	DeferExtract bool

	// Positions keeps, on each Doc of a whole file, the map from its text
	// back to the file's lines and columns (Doc.Positions). For Markdown and
	// HTML it holds the file's decoded text besides the extracted one, and
	// a few integers per stretch of text copied unchanged.
	Positions bool

	// Encoding says how text without a byte-order mark is decoded: "" or
	// "utf-8" (the default: anything else is an error), one encoding such
	// as "latin1", "windows-1252" or "utf-16le", or "utf-8,NAME": UTF-8
	// where it is valid and NAME where it is not (judged per file, or per
	// record in .jsonl and .csv files). A byte-order mark always wins.
	Encoding string

	// Extensions adds file types: ".log" is read as plain text, ".mdx=md"
	// as the named format (txt, md, html, jsonl, csv, tsv, docx).
	Extensions []string

	// TextField and IDField name the fields of a JSON Lines record that hold
	// its text (default DefaultTextField) and its id (default none: records
	// are numbered). A dotted name such as "post.body" reaches into nested
	// objects when no field has the dotted name itself.
	TextField, IDField string

	// TextColumn and IDColumn name the header columns of a CSV or TSV file
	// that hold a record's text (default DefaultTextColumn) and its id
	// (default none: records are numbered).
	TextColumn, IDColumn string

	// StdinName and StdinFormat name and format the document read from
	// standard input for the root "-" (StdinPath; see ReadStdin): the name
	// defaults to DefaultStdinName, the format (txt, md, html, jsonl, csv,
	// tsv or docx) to the name's extension, or txt when it has none.
	StdinName, StdinFormat string

	stdin io.Reader  // set by ReadStdin
	fsys  fileSystem // the disk; tests put failures in its way
}

// ReadStdin sets what the root "-" (StdinPath) reads, as one document. It
// is a method, not a field, so that Options holds only plain values and a
// distributed runner (leadlex-beam) can encode it.
func (o *Options) ReadStdin(r io.Reader) { o.stdin = r }

// Validate reports options that cannot be used, such as an unknown
// encoding or a malformed extension.
func (o Options) Validate() error {
	_, err := o.resolve()
	return err
}

// config is Options checked and made ready for reading.
type config struct {
	Options
	dec     decoding
	formats map[string]*format // by lower-case extension, with --ext added
}

func (o Options) resolve() (*config, error) {
	c := &config{Options: o, formats: formats}
	if c.fsys == nil {
		c.fsys = osFS{}
	}
	if c.TextField == "" {
		c.TextField = DefaultTextField
	}
	if c.TextColumn == "" {
		c.TextColumn = DefaultTextColumn
	}
	var err error
	if c.dec, err = parseEncoding(o.Encoding); err != nil {
		return nil, err
	}
	if o.StdinFormat != "" {
		if _, _, err := parseExtension(".stdin=" + o.StdinFormat); err != nil {
			return nil, fmt.Errorf("--stdin-format %q: want one of %s", o.StdinFormat, strings.Join(formatNames(), ", "))
		}
	}
	if len(o.Extensions) > 0 {
		c.formats = maps.Clone(formats)
		for _, spec := range o.Extensions {
			ext, f, err := parseExtension(spec)
			if err != nil {
				return nil, err
			}
			c.formats[ext] = f
		}
	}
	return c, nil
}

func (c *config) maxBytes() int64 {
	if c.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return c.MaxBytes
}

// maxWhole is the limit of a document held whole in memory.
func (c *config) maxWhole() int64 {
	switch {
	case c.MaxWholeBytes > 0:
		return c.MaxWholeBytes
	case c.MaxBytes > 0:
		return c.MaxBytes
	}
	return DefaultMaxWholeBytes
}

// overLimit is the reason of a document skipped for its size.
func (c *config) overLimit(what string, size, limit int64) string {
	if limit < c.maxBytes() {
		return fmt.Sprintf("%s is %s, over the limit of %s for a document held whole in memory (--max-bytes sets it)", what, humanBytes(size), humanBytes(limit))
	}
	return fmt.Sprintf("%s is %s, over the --max-bytes limit of %s", what, humanBytes(size), humanBytes(limit))
}

func (c *config) streamAbove() int64 {
	switch {
	case c.StreamAbove == 0:
		return DefaultStreamAbove
	case c.StreamAbove < 0:
		return -1
	}
	return c.StreamAbove
}

// fileSystem is the walker's view of the disk. Tests swap it to cause
// failures that cannot be made for real: root reads every file, and a
// file vanishing between listing and reading is a race.
type fileSystem interface {
	Stat(name string) (fs.FileInfo, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	Open(name string) (file, error)
}

// file is an open file, read in order or, for archives, at offsets.
type file interface {
	io.Reader
	io.ReaderAt
	io.Closer
}

type osFS struct{}

func (osFS) Stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func (osFS) Open(name string) (file, error)             { return openFile(name) }

// Walk yields the documents under roots in a fixed order: roots as given,
// and inside a folder its entries sorted by name, depth first. Hidden files
// and folders (names starting with ".") are left out. Every other file
// yields at least one Doc, also when it cannot be read; a .jsonl or .csv
// file yields one Doc per record, read as the iteration goes. Walk stops
// early when ctx is done. Options that do not Validate make one error Doc
// per root.
func Walk(ctx context.Context, roots []string, opt Options) iter.Seq[Doc] {
	return walk(ctx, roots, opt, false)
}

// Count walks roots as Walk does, without reading files, and returns how
// many files it would read and their total size. It serves progress bars.
func Count(ctx context.Context, roots []string, opt Options) (files int, bytes int64) {
	for d := range List(ctx, roots, opt) {
		files++
		bytes += d.Bytes
	}
	return files, bytes
}

// List walks roots as Walk does without reading any file. For every file it
// would read it yields a Doc with only ID, Path and Bytes set (Status is
// empty): ReadFile reads it later, possibly elsewhere. What Walk reports
// without reading (paths that do not exist, folders that cannot be listed,
// symbolic links not followed, special files) is yielded as the same skipped
// or error Doc. It lets a distributed run list a corpus in one place and read
// its files on many workers.
func List(ctx context.Context, roots []string, opt Options) iter.Seq[Doc] {
	return walk(ctx, roots, opt, true)
}

// walk yields the Docs of roots in order; statOnly leaves files unread.
func walk(ctx context.Context, roots []string, opt Options, statOnly bool) iter.Seq[Doc] {
	return func(yield func(Doc) bool) {
		cfg, err := opt.resolve()
		if err != nil {
			for _, root := range roots {
				if !yield(Doc{ID: filepath.ToSlash(root), Path: root, Status: Failed, Reason: err.Error()}) {
					return
				}
			}
			return
		}
		w := walker{ctx: ctx, cfg: cfg, yield: yield, statOnly: statOnly, multi: len(roots) > 1}
		for _, root := range roots {
			if root == StdinPath {
				if !w.stdin() {
					return
				}
				continue
			}
			if !w.root(root) {
				return
			}
		}
	}
}

type walker struct {
	ctx      context.Context
	cfg      *config
	yield    func(Doc) bool
	statOnly bool
	multi    bool // several roots: IDs keep the root as given
}

// onStack reports whether info is one of the folders on the way down, to
// detect symlink loops. os.SameFile compares device and inode on Unix and
// volume and file index on Windows.
func onStack(stack []fs.FileInfo, info fs.FileInfo) bool {
	for _, a := range stack {
		if os.SameFile(a, info) {
			return true
		}
	}
	return false
}

func (w *walker) root(root string) bool {
	info, err := w.cfg.fsys.Stat(root)
	if err != nil {
		return w.yield(w.cfg.errorDoc(filepath.ToSlash(root), root, describe(err)))
	}
	if !info.IsDir() {
		id := filepath.Base(root)
		if w.multi {
			id = filepath.ToSlash(root)
		}
		return w.file(root, id, info)
	}
	prefix := ""
	if w.multi {
		prefix = strings.TrimSuffix(filepath.ToSlash(filepath.Clean(root)), "/") + "/"
	}
	return w.dir(root, prefix, []fs.FileInfo{info})
}

// dir walks one folder; idPrefix is the folder's ID followed by "/" (empty
// for the root); stack holds the folders on the way down, for loop checks.
func (w *walker) dir(path, idPrefix string, stack []fs.FileInfo) bool {
	entries, err := w.cfg.fsys.ReadDir(path)
	if err != nil {
		id := strings.TrimSuffix(idPrefix, "/")
		if id == "" {
			id = "."
		}
		doc := w.cfg.errorDoc(id, path, "cannot list folder: "+describe(err))
		doc.Format = ""
		if !w.yield(doc) {
			return false
		}
	}
	for _, e := range entries {
		if w.ctx.Err() != nil {
			return false
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(path, name)
		id := idPrefix + name
		if e.Type()&fs.ModeSymlink != 0 {
			if !w.symlink(p, id, stack) {
				return false
			}
			continue
		}
		info, err := e.Info()
		if err != nil {
			// The entry vanished or cannot be looked at between listing and now.
			reason := describe(err)
			if errors.Is(err, fs.ErrNotExist) {
				reason = "vanished during the run: listed, then gone"
			}
			if !w.yield(w.cfg.errorDoc(id, p, reason)) {
				return false
			}
			continue
		}
		if info.IsDir() {
			if !w.dir(p, id+"/", append(stack[:len(stack):len(stack)], info)) {
				return false
			}
			continue
		}
		if !info.Mode().IsRegular() {
			if !w.yield(w.cfg.skipDoc(id, p, info.Size(), "not a regular file ("+info.Mode().Type().String()+")")) {
				return false
			}
			continue
		}
		if !w.file(p, id, info) {
			return false
		}
	}
	return true
}

func (w *walker) symlink(p, id string, stack []fs.FileInfo) bool {
	if !w.cfg.FollowSymlinks {
		return w.yield(w.cfg.skipDoc(id, p, 0, "symbolic link not followed (use --follow-symlinks)"))
	}
	info, err := w.cfg.fsys.Stat(p)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return w.yield(w.cfg.errorDoc(id, p, "symbolic link loop"))
		}
		return w.yield(w.cfg.errorDoc(id, p, "broken symbolic link: "+describe(err)))
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return w.yield(w.cfg.skipDoc(id, p, info.Size(), "not a regular file ("+info.Mode().Type().String()+")"))
		}
		return w.file(p, id, info)
	}
	if onStack(stack, info) {
		return w.yield(w.cfg.errorDoc(id, p, "symbolic link loop: it points back to a folder above it"))
	}
	return w.dir(p, id+"/", append(stack[:len(stack):len(stack)], info))
}

func (w *walker) file(path, id string, info fs.FileInfo) bool {
	if w.statOnly {
		return w.yield(Doc{ID: id, Path: path, Bytes: info.Size()})
	}
	s := &source{cfg: w.cfg, path: path, id: id, size: info.Size()}
	if d, ok := s.deferred(); ok {
		return w.ctx.Err() == nil && w.yield(d)
	}
	return read(s, func(d Doc) bool {
		if w.ctx.Err() != nil || !w.yield(d) {
			d.Close()
			return false
		}
		return true
	})
}

// errorDoc is a Doc that failed before its format could be read.
func (c *config) errorDoc(id, path, reason string) Doc {
	return Doc{ID: id, Path: path, Format: c.formatOf(path), Status: Failed, Reason: reason}
}

// skipDoc is a Doc left out on purpose.
func (c *config) skipDoc(id, path string, size int64, reason string) Doc {
	return Doc{ID: id, Path: path, Format: c.formatOf(path), Bytes: size, Status: Skipped, Reason: reason}
}

// describe turns an OS error into a short reason without repeating the path.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// ReadFile reads one file as Walk would, without streaming, and returns
// its documents (one per record for .jsonl and .csv files, all in memory:
// use Walk for large record files). The ID is the path as given.
func ReadFile(path string, opt Options) []Doc {
	opt.StreamAbove = -1
	id := filepath.ToSlash(path)
	cfg, err := opt.resolve()
	if err != nil {
		return []Doc{{ID: id, Path: path, Status: Failed, Reason: err.Error()}}
	}
	info, err := cfg.fsys.Stat(path)
	if err != nil {
		return []Doc{cfg.errorDoc(id, path, describe(err))}
	}
	if info.IsDir() {
		return []Doc{cfg.errorDoc(id, path, "is a folder")}
	}
	var docs []Doc
	read(&source{cfg: cfg, path: path, id: id, size: info.Size()}, func(d Doc) bool {
		docs = append(docs, d)
		return true
	})
	return docs
}

// humanBytes writes a size in binary units, as every message does.
var humanBytes = humanize.Bytes
