package pipeline

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Long texts are analysed in paragraph-sized chunks so that memory depends
// on the chunk size, not the document size. A chunk ends at the first blank
// line after chunkTarget bytes; a paragraph longer than chunkMax is cut at a
// space, and the sentence it cuts is joined up again.
const (
	chunkTarget = 64 << 10
	chunkMax    = 128 << 10 // a chunk of punctuation alone, a token a byte, takes some 200 times its size
)

// nextChunk returns the length of the next chunk of s and whether it is cut
// inside a paragraph (forced). With atEOF false it returns 0 when s is too
// short to decide and more input is needed.
func nextChunk(s string, atEOF bool) (n int, forced bool) {
	if len(s) <= chunkTarget && atEOF {
		return len(s), false
	}
	limit := min(len(s), chunkMax)
	if limit > chunkTarget {
		if i := blankLine(s[chunkTarget:limit]); i >= 0 {
			return chunkTarget + i, false
		}
	}
	if len(s) <= chunkMax {
		if atEOF {
			return len(s), false
		}
		return 0, false
	}
	// A paragraph over chunkMax bytes: cut after the last space or line break.
	if i := strings.LastIndexAny(s[:chunkMax], " \t\n"); i > 0 {
		return i + 1, true
	}
	n = chunkMax
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n, true
}

// blankLine returns the offset just past the first blank line in s, or -1.
func blankLine(s string) int {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return -1
		}
		k := i + j + 1
		rest := s[k:]
		l := strings.IndexByte(rest, '\n')
		if l >= 0 && strings.Trim(rest[:l], " \t\r") == "" {
			return k + l + 1
		}
		i = k
	}
	return -1
}

// forEachChunk calls fn for each chunk of an in-memory text, with the
// chunk's byte offset and whether it continues a paragraph cut by force.
func forEachChunk(text string, fn func(chunk string, base int, continued bool)) {
	base, continued := 0, false
	for base < len(text) {
		n, forced := nextChunk(text[base:], true)
		fn(text[base:base+n], base, continued)
		base += n
		continued = forced
	}
}

// forEachReaderChunk reads r to the end and calls fn for each chunk, as
// forEachChunk does for a string. It holds at most about chunkMax bytes.
func forEachReaderChunk(r io.Reader, fn func(chunk string, base int, continued bool) error) error {
	buf := make([]byte, 0, chunkMax+chunkTarget)
	base, continued, atEOF := 0, false, false
	for {
		if !atEOF && len(buf) < cap(buf) {
			n, err := r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if errors.Is(err, io.EOF) {
				atEOF = true
			} else if err != nil {
				return err
			}
		}
		for len(buf) > 0 {
			// A string view of buf, only inspected, never kept.
			n, forced := nextChunk(unsafe.String(unsafe.SliceData(buf), len(buf)), atEOF)
			if n == 0 {
				break
			}
			chunk := string(buf[:n])
			if err := fn(chunk, base, continued); err != nil {
				return err
			}
			base += n
			continued = forced
			buf = buf[:copy(buf, buf[n:])]
		}
		if atEOF && len(buf) == 0 {
			return nil
		}
	}
}
