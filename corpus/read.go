package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/leadlex/leadlex/internal/fielderr"
)

// A format reads one file into its documents.
type format struct {
	name    string
	records bool // one Doc per record; --max-bytes applies to each record
	streams bool // large files are streamed, not held whole
	read    func(s *source, yield func(Doc) bool) bool
}

// The formats; the files beside this one read them.
var (
	txtFormat   = &format{name: "txt", streams: true, read: textReader(plainText)}
	mdFormat    = &format{name: "md", streams: true, read: textReader(markdownText)}
	htmlFormat  = &format{name: "html", read: textReader(htmlText)}
	jsonlFormat = &format{name: "jsonl", records: true, read: recordReader((*source).jsonlRecords)}
	csvFormat   = &format{name: "csv", records: true, read: recordReader(delimited(','))}
	tsvFormat   = &format{name: "tsv", records: true, read: recordReader(delimited('\t'))}
	docxFormat  = &format{name: "docx", read: (*source).readDocx}
)

// recordsFunc yields the records of a decoded stream.
type recordsFunc func(s *source, r io.Reader, dec decoding, yield func(Doc) bool) bool

func textReader(tf textFormat) func(*source, func(Doc) bool) bool {
	return func(s *source, yield func(Doc) bool) bool { return s.readText(tf, yield) }
}

func recordReader(records recordsFunc) func(*source, func(Doc) bool) bool {
	return func(s *source, yield func(Doc) bool) bool { return s.readRecords(records, yield) }
}

// formats maps lower-case extensions to their readers.
var formats = map[string]*format{
	".txt": txtFormat, ".text": txtFormat,
	".md": mdFormat, ".markdown": mdFormat,
	".html": htmlFormat, ".htm": htmlFormat, ".xhtml": htmlFormat,
	".jsonl": jsonlFormat, ".ndjson": jsonlFormat,
	".csv": csvFormat, ".tsv": tsvFormat,
	".docx": docxFormat,
}

// parseExtension reads one Options.Extensions value (the CLI's --ext): ".log" (plain text) or
// ".mdx=md" (a known format by name).
func parseExtension(spec string) (string, *format, error) {
	ext, name, named := strings.Cut(strings.TrimSpace(spec), "=")
	ext = strings.ToLower(strings.TrimSpace(ext))
	if ext != "" && !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	if len(ext) < 2 || strings.ContainsAny(ext[1:], "./\\ ") {
		return "", nil, &fielderr.Error{Field: "Extensions", Msg: fmt.Sprintf("%q: want an extension such as .log, or .mdx=md to read it as a known format", spec)}
	}
	if !named {
		return ext, txtFormat, nil
	}
	name = strings.ToLower(strings.TrimSpace(name))
	for _, f := range formats {
		if f.name == name {
			return ext, f, nil
		}
	}
	return "", nil, &fielderr.Error{Field: "Extensions", Msg: fmt.Sprintf("%q: unknown format %q; known: %s", spec, name, strings.Join(formatNames(), ", "))}
}

func formatNames() []string {
	var names []string
	for _, f := range formats {
		if !slices.Contains(names, f.name) {
			names = append(names, f.name)
		}
	}
	slices.Sort(names)
	return names
}

// formatOf names the format of a path: the reader's name for known
// extensions, else the extension without its dot.
func (c *config) formatOf(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if f, ok := c.formats[ext]; ok {
		return f.name
	}
	return strings.TrimPrefix(ext, ".")
}

// supported lists the known extensions, sorted, for messages.
func (c *config) supported() string {
	return strings.Join(slices.Sorted(maps.Keys(c.formats)), ", ")
}

// binarySniff is how many leading bytes are searched for NUL bytes.
const binarySniff = 8 << 10

// source is one file being read.
type source struct {
	cfg      *config
	path, id string
	format   string
	size     int64
}

// doc starts the Doc of the whole file.
func (s *source) doc() Doc {
	return Doc{ID: s.id, Path: s.path, Format: s.format, Bytes: s.size}
}

// fail is the one Doc of a file that cannot be read.
func (s *source) fail(status Status, reason string) Doc {
	d := s.doc()
	d.Status, d.Reason = status, reason
	return d
}

// read yields the documents of one file and returns false when yield did.
func read(s *source, yield func(Doc) bool) bool {
	c := s.cfg
	ext := strings.ToLower(filepath.Ext(s.path))
	f, ok := c.formats[ext]
	s.format = c.formatOf(s.path)
	switch {
	case !ok && ext == "":
		return yield(s.fail(Skipped, "no file extension; supported: "+c.supported()))
	case !ok:
		return yield(s.fail(Skipped, fmt.Sprintf("unsupported file type %q; supported: %s; --ext reads others as text", ext, c.supported())))
	case s.size == 0:
		return yield(s.fail(Skipped, "empty file"))
	case !f.records && s.size > c.fileLimit(f, s.size):
		return yield(s.fail(Skipped, c.overLimit("file", s.size, c.fileLimit(f, s.size))))
	}
	return f.read(s, yield)
}

// fileLimit is the size limit of a file of format f and the given size:
// --max-bytes when it is streamed, the limit of a document held whole
// otherwise.
func (c *config) fileLimit(f *format, size int64) int64 {
	if f.streams && c.streamAbove() >= 0 && size > c.streamAbove() {
		return c.maxBytes()
	}
	return c.maxWhole()
}

// open opens the file, or says why it cannot be.
func (s *source) open() (file, string) {
	f, err := s.cfg.fsys.Open(s.path)
	switch {
	case err == nil:
		return f, ""
	case errors.Is(err, fs.ErrNotExist):
		return nil, "vanished during the run: listed, then gone"
	}
	return nil, "cannot open: " + describe(err)
}

// readHead reads the first bytes of f, for sniffing, into a buffer of
// capacity room (at least the head's length) so that readRest can go on in
// the same buffer.
func readHead(f io.Reader, size, room int64) ([]byte, error) {
	n := min(max(size, 1), binarySniff)
	head := make([]byte, n, max(n, room))
	n2, err := io.ReadFull(f, head)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		err = nil
	}
	return head[:n2], err
}

func cannotRead(err error) string {
	return "cannot read: " + describe(err)
}

// extractFunc turns the decoded text of a marked-up file into the text to
// score; with spans, it records where each word of it stands in src.
type extractFunc func(src string, spans *spanMap) string

// textFormat turns the decoded text of a file into the text to score.
type textFormat struct {
	extract extractFunc // nil: the text as it is
	stream  bool        // large files may be streamed as they are
	// streamExtract, when set, streams large files through it: it turns a
	// stream of the decoded file into a stream of the text to score.
	streamExtract func(io.Reader) io.Reader
	// declared finds an encoding the file declares itself (an HTML meta
	// charset) in its first bytes; nil for formats without one.
	declared func(head []byte) (decoding, bool)
}

var plainText = textFormat{stream: true}

// readText reads a whole text file, decodes it and extracts its text.
func (s *source) readText(tf textFormat, yield func(Doc) bool) bool {
	c := s.cfg
	f, why := s.open()
	if f == nil {
		return yield(s.fail(Failed, why))
	}
	streamed := (tf.stream || tf.streamExtract != nil) && c.streamAbove() >= 0 && s.size > c.streamAbove()
	room := int64(0) // a streamed file is not read whole
	if !streamed {
		room = min(s.size, c.maxWhole()) + 1
	}
	head, err := readHead(f, s.size, room)
	if err != nil {
		f.Close()
		return yield(s.fail(Failed, cannotRead(err)))
	}
	dec, bom := sniff(head, c.dec)
	if bom == 0 && !dec.declared && tf.declared != nil {
		if d, ok := tf.declared(head); ok {
			dec = d
		}
	}
	if !dec.wide {
		if reason := binaryReason(head); reason != "" {
			f.Close()
			return yield(s.fail(Skipped, reason))
		}
	}
	doc := s.doc()
	if streamed {
		body := dec.stream(head, bom, f)
		if tf.streamExtract != nil {
			body = tf.streamExtract(body)
		}
		doc.Body = &streamCloser{Reader: body, Closer: f}
		doc.Status = OK
		return yield(doc)
	}
	data, err := readRest(f, head, s.size, c.maxWhole())
	f.Close()
	if err != nil {
		return yield(s.fail(Failed, cannotRead(err)))
	}
	if int64(len(data)) > c.maxWhole() {
		return yield(s.fail(Skipped, fmt.Sprintf("file grew over the limit of %s while being read", humanBytes(c.maxWhole()))))
	}
	var text string
	if dec.wide {
		b, err := io.ReadAll(dec.reader(bytes.NewReader(data[bom:])))
		if err != nil {
			return yield(s.fail(Failed, fmt.Sprintf("cannot decode as %s: %v", dec.name, err)))
		}
		if i := bytes.IndexByte(b, 0); i >= 0 {
			return yield(s.fail(Skipped, fmt.Sprintf("binary file (NUL character after decoding as %s)", dec.name)))
		}
		text = string(b)
	} else if dec.utf8 && utf8.Valid(data[bom:]) {
		// data is this file's own buffer and nothing writes to it again: the
		// text can share it rather than copy a file's worth of bytes.
		text = unsafe.String(unsafe.SliceData(data[bom:]), len(data)-bom)
	} else if text, err = dec.decode(data[bom:]); err != nil {
		return yield(s.fail(Failed, err.Error()))
	}
	if strings.TrimSpace(text) == "" {
		return yield(s.fail(Skipped, noText))
	}
	doc.Text, doc.Status, doc.extract, doc.positions = text, OK, tf.extract, c.Positions
	if c.Positions && tf.extract == nil {
		doc.Positions = TextPositions(text)
	}
	if !c.DeferExtract {
		doc.Extract()
	}
	return yield(doc)
}

// stream returns the decoded text of a file of which head (starting with
// a byte-order mark of length bom) has been read and r holds the rest. With
// a fallback after UTF-8, the first bytes decide which of the two is used.
func (d decoding) stream(head []byte, bom int, r io.Reader) io.Reader {
	all := io.MultiReader(bytes.NewReader(head[bom:]), r)
	switch {
	case d.wide:
		return d.reader(all)
	case d.utf8 && (d.fallback == nil || validPrefix(head[bom:])):
		return newUTF8Checker(all, int64(bom))
	}
	return d.reader(all)
}

// validPrefix reports whether b is valid UTF-8, allowing a rune cut off
// at its end.
func validPrefix(b []byte) bool {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				b = b[:i]
			}
			break
		}
	}
	return utf8.Valid(b)
}

type streamCloser struct {
	io.Reader
	io.Closer
}

// readRecords opens a record file (.jsonl, .csv), checks that it is text,
// and hands its decoded stream to records. Encodings that are not
// ASCII-compatible are decoded as a stream; the others record by record.
func (s *source) readRecords(records recordsFunc, yield func(Doc) bool) bool {
	f, why := s.open()
	if f == nil {
		return yield(s.fail(Failed, why))
	}
	defer f.Close()
	head, err := readHead(f, s.size, 0)
	if err != nil {
		return yield(s.fail(Failed, cannotRead(err)))
	}
	dec, bom := sniff(head, s.cfg.dec)
	if !dec.wide {
		if reason := binaryReason(head); reason != "" {
			return yield(s.fail(Skipped, reason))
		}
	}
	var r io.Reader = io.MultiReader(bytes.NewReader(head[bom:]), f)
	if dec.wide {
		r, dec = dec.reader(r), utf8Only
	}
	n := 0
	more := records(s, r, dec, func(d Doc) bool {
		n++
		return yield(d)
	})
	if more && n == 0 { // every file has its row, also one without records
		return yield(s.fail(Skipped, "no records (only a header or blank lines)"))
	}
	return more
}

// record starts the Doc of the n-th record of the file; its ID is
// "path#N", or "path#ID" when the record has an id.
func (s *source) record(n int, id string, size int64) Doc {
	if id == "" {
		id = fmt.Sprint(n)
	}
	return Doc{ID: s.id + "#" + id, Path: s.path, Format: s.format, Bytes: size}
}

// recordText finishes a record's Doc from its raw text: decoded, checked
// for size and white space.
func (s *source) recordText(d Doc, raw []byte, dec decoding) Doc {
	text, err := dec.decode(raw)
	var ue *utf8Error
	if errors.As(err, &ue) {
		ue.line = 0
	}
	switch {
	case err != nil:
		d.Status, d.Reason = Failed, err.Error()
	case strings.TrimSpace(text) == "":
		d.Status, d.Reason = Skipped, noText
	default:
		d.Status, d.Text = OK, text
	}
	return d
}

// recordString finishes a record's Doc from text decoded already (a JSON
// string, valid UTF-8), without copying it again.
func (s *source) recordString(d Doc, text string) Doc {
	if strings.TrimSpace(text) == "" {
		d.Status, d.Reason = Skipped, noText
	} else {
		d.Status, d.Text = OK, text
	}
	return d
}

// tooLarge marks a record over the --max-bytes limit as skipped.
func (s *source) tooLarge(d Doc) Doc {
	d.Status, d.Reason = Skipped, s.cfg.overLimit("record", d.Bytes, s.cfg.maxWhole())
	return d
}
