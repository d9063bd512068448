package lsp

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// errFrame is a frame whose header cannot be read; its body cannot be
// found either, so the reader skips to the next header.
var errFrame = errors.New("bad frame")

// frameReader reads LSP frames: headers, a blank line, and a body of
// Content-Length bytes.
type frameReader struct {
	r   *bufio.Reader
	max int // the largest body accepted
}

// read returns the next frame's body. A frame it cannot use gives an error
// wrapping errFrame and is skipped (a body too large is read and dropped);
// io.EOF means the input is done.
func (f *frameReader) read() ([]byte, error) {
	length, sawHeader := -1, false
	for {
		line, err := f.headerLine()
		if errors.Is(err, errFrame) {
			return nil, err
		}
		if err != nil {
			if errors.Is(err, io.EOF) && line == "" && !sawHeader {
				return nil, io.EOF
			}
			if errors.Is(err, io.EOF) {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !sawHeader {
				continue // blank lines between frames
			}
			break
		}
		sawHeader = true
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w: header line %q has no colon", errFrame, clip(line))
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("%w: Content-Length %q is not a length", errFrame, clip(value))
			}
			length = n
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: no Content-Length header", errFrame)
	}
	if length > f.max {
		if _, err := io.CopyN(io.Discard, f.r, int64(length)); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("%w: message of %d bytes is over the limit of %d", errFrame, length, f.max)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(f.r, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// headerLine reads one header line. A line longer than the reader's
// buffer (64 KiB in the server) is read to its end without being kept and
// reported as a bad frame, so that a client cannot grow the server's
// memory with a header that never ends.
func (f *frameReader) headerLine() (string, error) {
	line, err := f.r.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		return string(line), err
	}
	for errors.Is(err, bufio.ErrBufferFull) {
		_, err = f.r.ReadSlice('\n')
	}
	if err != nil {
		return "", io.ErrUnexpectedEOF
	}
	return "", fmt.Errorf("%w: header line over %d bytes", errFrame, f.r.Size())
}

// clip shortens text quoted in an error.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// frameWriter writes LSP frames; it is safe for concurrent use.
type frameWriter struct {
	mu  sync.Mutex
	w   io.Writer
	buf []byte // the frame being written: header and body, sent in one Write
}

// write sends body in one frame.
func (f *frameWriter) write(body []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf = fmt.Appendf(f.buf[:0], "Content-Length: %d\r\n\r\n", len(body))
	f.buf = append(f.buf, body...)
	if _, err := f.w.Write(f.buf); err != nil {
		return fmt.Errorf("write message: %w", err)
	}
	return nil
}
