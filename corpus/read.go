package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// A format turns a file's decoded text into the text to score.
type format struct {
	name    string
	stream  bool                     // large files may be streamed as plain text
	extract func(text string) string // nil: the text as it is
}

// formats maps lower-case extensions to their readers.
var formats = map[string]format{
	".txt":      {name: "txt", stream: true},
	".text":     {name: "txt", stream: true},
	".md":       {name: "md"},
	".markdown": {name: "md"},
}

// formatOf names the format of a path: the reader's name for known
// extensions, else the extension without its dot.
func formatOf(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if f, ok := formats[ext]; ok {
		return f.name
	}
	return strings.TrimPrefix(ext, ".")
}

// binarySniff is how many leading bytes are searched for NUL bytes.
const binarySniff = 8 << 10

// read turns one file into its documents.
func read(path, id string, size int64, opt Options) []Doc {
	ext := strings.ToLower(filepath.Ext(path))
	f, ok := formats[ext]
	switch {
	case !ok && ext == "":
		return []Doc{skipDoc(id, path, size, "no file extension; supported: "+supported())}
	case !ok:
		return []Doc{skipDoc(id, path, size, fmt.Sprintf("unsupported file type %q; supported: %s", ext, supported()))}
	case size == 0:
		return []Doc{skipDoc(id, path, size, "empty file")}
	case size > opt.maxBytes():
		return []Doc{skipDoc(id, path, size, fmt.Sprintf("file is %s, over the --max-bytes limit of %s", humanBytes(size), humanBytes(opt.maxBytes())))}
	}
	doc := Doc{ID: id, Path: path, Format: f.name, Bytes: size}
	fail := func(status Status, reason string) []Doc {
		doc.Status, doc.Reason = status, reason
		return []Doc{doc}
	}
	file, err := os.Open(path)
	if err != nil {
		return fail(Failed, "cannot open: "+describe(err))
	}
	head := make([]byte, min(size, binarySniff))
	n, err := io.ReadFull(file, head)
	head = head[:n]
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		file.Close()
		return fail(Failed, "cannot read: "+describe(err))
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		file.Close()
		return fail(Skipped, fmt.Sprintf("binary file (NUL byte at offset %d)", i))
	}
	if f.stream && opt.streamAbove() >= 0 && size > opt.streamAbove() {
		body := io.MultiReader(bytes.NewReader(head), file)
		doc.Body = &streamCloser{Reader: newUTF8Checker(body), Closer: file}
		doc.Status = OK
		return []Doc{doc}
	}
	data, err := readRest(file, head, size, opt.maxBytes())
	file.Close()
	if err != nil {
		return fail(Failed, "cannot read: "+describe(err))
	}
	if int64(len(data)) > opt.maxBytes() {
		return fail(Skipped, fmt.Sprintf("file grew over the --max-bytes limit of %s while being read", humanBytes(opt.maxBytes())))
	}
	text, err := decodeText(data)
	if err != nil {
		return fail(Failed, err.Error())
	}
	if f.extract != nil {
		text = f.extract(text)
	}
	if strings.TrimSpace(text) == "" {
		return fail(Skipped, "no text (only white space)")
	}
	doc.Text, doc.Status = text, OK
	return []Doc{doc}
}

// supported lists the known extensions, sorted, for messages.
func supported() string {
	exts := slices.Sorted(maps.Keys(formats))
	return strings.Join(exts, ", ")
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText checks that data is UTF-8 (a byte-order mark is dropped) and
// returns it as a string, or an error saying where it is not.
func decodeText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		return string(data), nil
	}
	return "", invalidUTF8(data)
}

// invalidUTF8 describes the first invalid byte in data.
func invalidUTF8(data []byte) error {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			line := 1 + bytes.Count(data[:i], []byte{'\n'})
			return fmt.Errorf("not valid UTF-8: byte 0x%02X at offset %d (line %d)", data[i], i, line)
		}
		i += size
	}
	return errors.New("not valid UTF-8")
}

type streamCloser struct {
	io.Reader
	io.Closer
}

// utf8Checker passes a stream through unchanged and fails with a clear
// error at the first byte that is not UTF-8. A leading BOM is dropped.
type utf8Checker struct {
	r       io.Reader
	pending []byte // bytes of a rune cut by the end of the last read
	off     int64  // offset of the next byte read
	start   bool
}

func newUTF8Checker(r io.Reader) *utf8Checker { return &utf8Checker{r: r, start: true} }

func (c *utf8Checker) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	b := p[:n]
	if c.start && n > 0 {
		c.start = false
		if bytes.HasPrefix(b, utf8BOM) {
			n = copy(p, b[3:])
			b = p[:n]
			c.off += 3
		}
	}
	i := 0
	for len(c.pending) > 0 && i < len(b) {
		c.pending = append(c.pending, b[i])
		i++
		if utf8.FullRune(c.pending) {
			if r, size := utf8.DecodeRune(c.pending); r == utf8.RuneError && size <= 1 {
				return n, c.invalid(c.off + int64(i-len(c.pending)))
			}
			c.pending = c.pending[:0]
		}
	}
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		if !utf8.FullRune(b[i:]) {
			c.pending = append(c.pending[:0], b[i:]...)
			break
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return n, c.invalid(c.off + int64(i))
		}
		i += size
	}
	c.off += int64(n)
	if errors.Is(err, io.EOF) && len(c.pending) > 0 {
		return n, c.invalid(c.off - int64(len(c.pending)))
	}
	return n, err
}

func (c *utf8Checker) invalid(off int64) error {
	return fmt.Errorf("not valid UTF-8: invalid byte sequence at offset %d", off)
}
