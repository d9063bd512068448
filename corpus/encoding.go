package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/leadlex/leadlex/internal/fielderr"
)

// decoding says how text without a byte-order mark is decoded: as UTF-8,
// with a named encoding, or as UTF-8 where it is valid and with the named
// encoding where it is not ("utf-8,latin1").
type decoding struct {
	utf8     bool              // try UTF-8 first (alone when fallback is nil)
	fallback encoding.Encoding // the named encoding, if any
	name     string            // the fallback's canonical name
	wide     bool              // the fallback is not ASCII-compatible (UTF-16): decode whole streams
	declared bool              // set by --encoding: overrides an HTML file's own declaration
}

var utf8Only = decoding{utf8: true}

// encodingErr is the error for a bad Options.Encoding.
func encodingErr(spec, why string, cause error) error {
	return &fielderr.Error{Field: "Encoding", Msg: fmt.Sprintf("%q: %s", spec, why), Err: cause}
}

// parseEncoding reads Options.Encoding (the CLI's --encoding): "" or
// "utf-8", one encoding name (latin1, windows-1252, utf-16le, shift_jis,
// …), or "utf-8,NAME".
func parseEncoding(spec string) (decoding, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return utf8Only, nil
	}
	parts := strings.Split(spec, ",")
	if len(parts) > 2 {
		return decoding{}, encodingErr(spec, "give one encoding, or utf-8 and one fallback (utf-8,latin1)", nil)
	}
	d := decoding{declared: true}
	if len(parts) == 2 {
		if !isUTF8Name(parts[0]) {
			return decoding{}, encodingErr(spec, "with two encodings the first must be utf-8 (utf-8,latin1)", nil)
		}
		d.utf8 = true
		parts = parts[1:]
	}
	name := strings.TrimSpace(parts[0])
	if isUTF8Name(name) {
		if d.utf8 {
			return decoding{}, encodingErr(spec, "the fallback must not be utf-8 again", nil)
		}
		d.utf8 = true
		return d, nil
	}
	enc, canonical, err := lookupEncoding(name)
	if err != nil {
		return decoding{}, encodingErr(spec, err.Error(), err)
	}
	d.fallback, d.name, d.wide = enc, canonical, !asciiCompatible(enc)
	if d.utf8 && d.wide {
		return decoding{}, encodingErr(spec, fmt.Sprintf("%s cannot be told apart from UTF-8 byte by byte; give it alone", canonical), nil)
	}
	return d, nil
}

func isUTF8Name(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "utf-8", "utf8":
		return true
	}
	return false
}

// lookupEncoding finds an encoding by its IANA name or alias (latin1 is
// ISO-8859-1), else by a WHATWG label (cp1252, x-sjis, …).
func lookupEncoding(name string) (encoding.Encoding, string, error) {
	if enc, err := ianaindex.IANA.Encoding(name); err == nil && enc != nil {
		canonical, err := ianaindex.MIME.Name(enc)
		if err != nil {
			if canonical, err = ianaindex.IANA.Name(enc); err != nil {
				canonical = name
			}
		}
		return enc, strings.ToLower(canonical), nil
	}
	if enc, err := htmlindex.Get(name); err == nil {
		canonical, err := htmlindex.Name(enc)
		if err != nil {
			canonical = name
		}
		return enc, canonical, nil
	}
	return nil, "", errors.New("unknown encoding; try utf-8, latin1, windows-1252, utf-16le, utf-16be, shift_jis, gbk")
}

// asciiCompatible reports whether enc writes ASCII as ASCII, so that line
// breaks, commas and quotes can be found before decoding.
func asciiCompatible(enc encoding.Encoding) bool {
	const probe = "a,\"\n\t{}"
	b, err := enc.NewEncoder().Bytes([]byte(probe))
	return err == nil && string(b) == probe
}

// Byte-order marks.
var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

var (
	utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16BE = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

// sniff looks at a file's first bytes: a byte-order mark decides the
// encoding (and is dropped); otherwise d stands. It returns the decoding to
// use and the length of the mark.
func sniff(head []byte, d decoding) (decoding, int) {
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		return utf8Only, len(utf8BOM)
	case bytes.HasPrefix(head, utf16LEBOM):
		return decoding{fallback: utf16LE, name: "utf-16le", wide: true, declared: true}, len(utf16LEBOM)
	case bytes.HasPrefix(head, utf16BEBOM):
		return decoding{fallback: utf16BE, name: "utf-16be", wide: true, declared: true}, len(utf16BEBOM)
	}
	return d, 0
}

// decode turns one unit of text (a file or a record) into UTF-8: as UTF-8
// when it is valid and d tries UTF-8, else with d's fallback encoding.
func (d decoding) decode(data []byte) (string, error) {
	if d.utf8 {
		if utf8.Valid(data) {
			return string(data), nil
		}
		if d.fallback == nil {
			return "", invalidUTF8(data)
		}
	}
	b, err := d.fallback.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("cannot decode as %s: %w", d.name, err)
	}
	return string(b), nil
}

// reader decodes a whole stream with d's fallback encoding; it is used for
// encodings that are not ASCII-compatible. Invalid input becomes U+FFFD.
func (d decoding) reader(r io.Reader) io.Reader {
	return transform.NewReader(r, d.fallback.NewDecoder())
}

// invalidUTF8 describes the first invalid byte in data.
func invalidUTF8(data []byte) error {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return &utf8Error{b: data[i], off: i, line: 1 + bytes.Count(data[:i], []byte{'\n'})}
		}
		i += size
	}
	return errors.New("not valid UTF-8")
}

// utf8Error is the first byte of a text that is not UTF-8.
type utf8Error struct {
	b         byte
	off, line int // line is 0 for a record, where offsets say enough
}

func (e *utf8Error) Error() string {
	if e.line == 0 {
		return fmt.Sprintf("not valid UTF-8: byte 0x%02X at offset %d of the record; see --encoding", e.b, e.off)
	}
	return fmt.Sprintf("not valid UTF-8: byte 0x%02X at offset %d (line %d); see --encoding", e.b, e.off, e.line)
}

// binaryReason says why head looks like a binary file, or "" when it does
// not: a NUL byte. Text in UTF-16 without a byte-order mark is named as such.
func binaryReason(head []byte) string {
	i := bytes.IndexByte(head, 0)
	if i < 0 {
		return ""
	}
	reason := fmt.Sprintf("binary file (NUL byte at offset %d)", i)
	var zeros [2]int
	for j, b := range head {
		if b == 0 {
			zeros[j%2]++
		}
	}
	half := len(head) / 2
	switch {
	case half >= 2 && zeros[1] >= half*3/4 && zeros[0] == 0:
		reason += "; it looks like UTF-16LE text without a byte-order mark: try --encoding utf-16le"
	case half >= 2 && zeros[0] >= half*3/4 && zeros[1] == 0:
		reason += "; it looks like UTF-16BE text without a byte-order mark: try --encoding utf-16be"
	}
	return reason
}

// utf8Checker passes a stream through unchanged and fails with a clear
// error at the first byte that is not UTF-8.
type utf8Checker struct {
	r       io.Reader
	pending []byte // bytes of a rune cut by the end of the last read
	off     int64  // offset of the next byte read
}

// newUTF8Checker checks r, whose first byte is at offset off in its file.
func newUTF8Checker(r io.Reader, off int64) *utf8Checker { return &utf8Checker{r: r, off: off} }

func (c *utf8Checker) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	b := p[:n]
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
	return fmt.Errorf("not valid UTF-8: invalid byte sequence at offset %d; see --encoding", off)
}
