package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC 2.0 and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
)

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// rpcError is a JSON-RPC error object.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

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
		line, err := f.r.ReadString('\n')
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
	buf bytes.Buffer
}

// write sends one message.
func (f *frameWriter) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode message: %w", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf.Reset()
	fmt.Fprintf(&f.buf, "Content-Length: %d\r\n\r\n", len(body))
	f.buf.Write(body)
	if _, err := f.w.Write(f.buf.Bytes()); err != nil {
		return fmt.Errorf("write message: %w", err)
	}
	return nil
}

// reply answers a request with a result or an error.
func (f *frameWriter) reply(id json.RawMessage, result any, rerr *rpcError) error {
	m := &message{ID: id, Error: rerr}
	if id == nil {
		m.ID = json.RawMessage("null")
	}
	if rerr == nil {
		b, err := json.Marshal(result)
		if err != nil {
			return fmt.Errorf("encode result: %w", err)
		}
		m.Result = b
	}
	return f.write(m)
}

// notify sends a notification.
func (f *frameWriter) notify(method string, params any) error {
	b, err := json.Marshal(params)
	if err != nil {
		return fmt.Errorf("encode %s: %w", method, err)
	}
	return f.write(&message{Method: method, Params: b})
}
