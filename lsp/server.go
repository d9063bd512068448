// Package lsp is leadlex's editor server: the Language Server Protocol
// over a pair of streams (stdio). For Markdown, plain text and HTML
// documents it publishes the findings `leadlex check` gives with the
// nearest .leadlex.yaml, at the same places; hover on a hit shows its
// entry, dimension, pole, weight and provenance; code actions apply a
// finding's suggestions. Every answer comes from check.Checker and
// pipeline.Scorer.AnalyzeDoc, the one analysis path.
//
// JSON-RPC framing is written here rather than taken from a library: the
// Go LSP libraries at hand (go.lsp.dev/jsonrpc2, sourcegraph/jsonrpc2 and
// tliron/glsp on top of it) close the connection on the first frame they
// cannot decode, where this server answers a parse error and reads on.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
)

// DefaultMaxBytes bounds a message and a document: larger ones are not
// read or analysed.
const DefaultMaxBytes = 16 << 20

// Options configure a Server.
type Options struct {
	// Lexicon loads the lexicon of a policy that names the given files
	// (none: the lexicon of the command line, or the built-in one); nil:
	// lexicon.Load.
	Lexicon  func(policyLexicons []string) (*lexicon.Lexicon, error)
	Labels   pipeline.LabelOptions // label thresholds, as score's flags set them
	Read     corpus.Options        // how documents are decoded (extra extensions)
	MaxBytes int64                 // largest message and document; 0: DefaultMaxBytes
	Version  string                // leadlex's version, for initialize
	Log      io.Writer             // where trouble is reported (stderr); nil: nowhere
}

// Server is one editor session. Messages are handled one at a time, in
// the order they arrive, so edits apply in order.
type Server struct {
	opt      Options
	out      *frameWriter
	docs     map[string]*document    // open documents by URI
	envs     map[string]*environment // by policy file; "" for documents without one
	started  bool                    // initialize was answered
	shutdown bool                    // shutdown was answered
}

// New returns a server with the given options.
func New(opt Options) *Server {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Labels == (pipeline.LabelOptions{}) {
		opt.Labels = pipeline.DefaultLabels
	}
	if opt.Lexicon == nil {
		opt.Lexicon = func(names []string) (*lexicon.Lexicon, error) { return lexicon.Load(names...) }
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	opt.Read.MaxBytes = opt.MaxBytes
	opt.Read.StreamAbove = -1
	opt.Read.Positions = true
	opt.Read.DeferExtract = true // the Doc keeps the buffer's markup, so leadlex-disable comments in it count
	return &Server{opt: opt, docs: map[string]*document{}, envs: map[string]*environment{}}
}

// Run serves one session: it reads messages from in and writes answers
// and diagnostics to out until the exit notification or the end of in.
// It returns the process's exit code: 0 after shutdown and exit, 1 when
// the session ended without a shutdown request, as the protocol says.
func (s *Server) Run(in io.Reader, out io.Writer) (int, error) {
	s.out = &frameWriter{w: out}
	fr := &frameReader{r: bufio.NewReaderSize(in, 64<<10), max: int(s.opt.MaxBytes)}
	for {
		body, err := fr.read()
		switch {
		case errors.Is(err, io.EOF):
			return s.exitCode(), nil
		case errors.Is(err, errFrame):
			if err := s.out.reply(nil, nil, &rpcError{Code: codeParseError, Message: err.Error()}); err != nil {
				return 1, err
			}
			continue
		case err != nil:
			return 1, fmt.Errorf("read message: %w", err)
		}
		exit, err := s.handle(body)
		if err != nil {
			return 1, err
		}
		if exit {
			return s.exitCode(), nil
		}
	}
}

func (s *Server) exitCode() int {
	if s.shutdown {
		return 0
	}
	return 1
}

// handle decodes and answers one message; exit is true after the exit
// notification. The error is only a failure to write.
func (s *Server) handle(body []byte) (exit bool, err error) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return false, s.out.reply(nil, nil, &rpcError{Code: codeParseError, Message: "parse error: " + err.Error()})
	}
	isRequest := len(m.ID) > 0 && string(m.ID) != "null"
	switch {
	case m.Method == "" && isRequest && (m.Result != nil || m.Error != nil):
		return false, nil // an answer to a request of ours: the server sends none
	case m.Method == "" || m.JSONRPC != "2.0":
		return false, s.out.reply(m.ID, nil, &rpcError{Code: codeInvalidRequest, Message: `invalid request: want {"jsonrpc": "2.0", "method": …}`})
	case m.Method == "exit":
		return true, nil
	}
	result, rerr := s.dispatch(m)
	if isRequest {
		return false, s.out.reply(m.ID, result, rerr)
	}
	if rerr != nil && rerr.Code != codeMethodNotFound {
		fmt.Fprintf(s.opt.Log, "leadlex lsp: %s: %v\n", m.Method, rerr)
	}
	return false, nil
}

// dispatch runs the method's handler; a panic in one is an internal
// error, never a crash.
func (s *Server) dispatch(m message) (result any, rerr *rpcError) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(s.opt.Log, "leadlex lsp: %s: panic: %v\n%s", m.Method, p, debug.Stack())
			result, rerr = nil, &rpcError{Code: codeInternalError, Message: fmt.Sprintf("%s failed: %v", m.Method, p)}
		}
	}()
	if m.Method == "initialize" {
		s.started = true
		return s.initialize(), nil
	}
	if !s.started {
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "the server is not initialized: send initialize first"}
	}
	if s.shutdown {
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shut down: only exit is accepted"}
	}
	switch m.Method {
	case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
		return nil, nil
	case "shutdown":
		s.shutdown = true
		return nil, nil
	case "textDocument/didOpen":
		return nil, withParams(m.Params, s.didOpen)
	case "textDocument/didChange":
		return nil, withParams(m.Params, s.didChange)
	case "textDocument/didSave":
		return nil, withParams(m.Params, s.didSave)
	case "textDocument/didClose":
		return nil, withParams(m.Params, s.didClose)
	case "textDocument/hover":
		var p TextDocumentPositionParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		return s.hover(p), nil
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "method not found: " + m.Method}
}

// withParams decodes params into a P and calls handle with them.
func withParams[P any](raw json.RawMessage, handle func(P) error) *rpcError {
	var p P
	if err := decodeParams(raw, &p); err != nil {
		return err
	}
	if err := handle(p); err != nil {
		return &rpcError{Code: codeInternalError, Message: err.Error()}
	}
	return nil
}

func decodeParams(raw json.RawMessage, p any) *rpcError {
	if len(raw) == 0 {
		return &rpcError{Code: codeInvalidParams, Message: "invalid params: none given"}
	}
	if err := json.Unmarshal(raw, p); err != nil {
		return &rpcError{Code: codeInvalidParams, Message: "invalid params: " + err.Error()}
	}
	return nil
}

func (s *Server) initialize() InitializeResult {
	var r InitializeResult
	r.ServerInfo = ServerInfo{Name: "leadlex", Version: s.opt.Version}
	r.Capabilities.PositionEncoding = "utf-16"
	r.Capabilities.TextDocumentSync = TextDocumentSync{OpenClose: true, Change: 2}
	r.Capabilities.HoverProvider = true
	r.Capabilities.CodeActionProvider.CodeActionKinds = []string{"quickfix"}
	return r
}
