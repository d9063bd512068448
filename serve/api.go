package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/results"
)

// Request is the body of every API call: a document's text, or its bytes
// (a .docx file, base64 in JSON), and a name whose extension picks the
// format (txt when there is none). The name is a label only: nothing is
// read from or written to the disk under it.
type Request struct {
	Text string `json:"text"`
	Data []byte `json:"data,omitempty"`
	Name string `json:"name,omitempty"`
}

// DefaultName is the name of a text sent without one: plain text.
const DefaultName = "ad.txt"

// maxName bounds the length of a request's name.
const maxName = 255

// api wraps a handler of one analysed document: POST with a JSON body only,
// at most MaxInFlight at once, the body capped and decoded strictly.
func (s *Server) api(handle func(http.ResponseWriter, corpus.Doc)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			writeError(w, http.StatusMethodNotAllowed, "%s %s: use POST with a JSON body such as {\"text\": \"…\", \"name\": \"ad.md\"}", r.Method, r.URL.Path)
			return
		}
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "Content-Type %q: send application/json", r.Header.Get("Content-Type"))
			return
		}
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		default:
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusServiceUnavailable, "busy: %d requests are being analysed; try again in a second", cap(s.slots))
			return
		}
		req, status, err := decode(http.MaxBytesReader(w, r.Body, s.opt.MaxBytes))
		if err != nil {
			writeError(w, status, "%v", err)
			return
		}
		d, err := s.read(req)
		if err != nil {
			writeError(w, http.StatusBadRequest, "%v", err)
			return
		}
		handle(w, d)
	}
}

// decode reads a request body, saying what is wrong with it and which
// status that is: 413 for a body over the limit, 400 for anything else.
func decode(body io.Reader) (*Request, int, error) {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var req Request
	err := dec.Decode(&req)
	if err == nil && dec.More() {
		err = errors.New("more after the JSON object; send one object")
	} else if err == nil {
		if _, e := dec.Token(); e != io.EOF {
			err = errors.New("more after the JSON object; send one object")
		}
	}
	if err == nil {
		return &req, 0, nil
	}
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("request body is over the limit of %d bytes (--max-bytes)", tooBig.Limit)
	case errors.Is(err, io.EOF):
		return nil, http.StatusBadRequest, errors.New(`empty body: send a JSON object such as {"text": "…"}`)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, http.StatusBadRequest, errors.New("malformed JSON: the body ends inside the object")
	case errors.As(err, &syntax):
		return nil, http.StatusBadRequest, fmt.Errorf("malformed JSON at byte %d: %v", syntax.Offset, err)
	case errors.As(err, &typ) && typ.Field != "":
		return nil, http.StatusBadRequest, fmt.Errorf("field %q: want %s, got a JSON %s", typ.Field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.As(err, &typ):
		return nil, http.StatusBadRequest, fmt.Errorf("want a JSON object with text and name, got a JSON %s", typ.Value)
	}
	return nil, http.StatusBadRequest, fmt.Errorf("malformed request: %v", strings.TrimPrefix(err.Error(), "json: "))
}

// jsonKind names a Go kind as a JSON type.
func jsonKind(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "slice":
		return "base64 text"
	}
	return kind
}

// read makes the request's document, as `leadlex score` would read a file
// with its name and contents.
func (s *Server) read(req *Request) (corpus.Doc, error) {
	name, err := cleanName(req.Name)
	if err != nil {
		return corpus.Doc{}, err
	}
	data := req.Data
	switch {
	case data != nil && req.Text != "":
		return corpus.Doc{}, errors.New("send text or data, not both")
	case data == nil:
		data = []byte(req.Text)
	}
	docs := corpus.ReadBytes(name, data, s.opt.Read)
	if len(docs) != 1 || docs[0].ID != name {
		for _, d := range docs {
			d.Close()
		}
		return corpus.Doc{}, fmt.Errorf("name %q: a %s file holds many documents; send one document's text (as .txt, .md or .html)", name, path.Ext(name))
	}
	return docs[0], nil
}

// cleanName checks a request's name: a relative path with forward
// slashes (it picks the format and the policy's overrides), no "..".
func cleanName(name string) (string, error) {
	if name == "" {
		return DefaultName, nil
	}
	switch {
	case len(name) > maxName:
		return "", fmt.Errorf("name is %d bytes long; the limit is %d", len(name), maxName)
	case strings.ContainsFunc(name, unicode.IsControl) || strings.Contains(name, `\`):
		return "", fmt.Errorf("name %q: no control characters or backslashes", name)
	case path.IsAbs(name) || path.Clean(name) != name || name == "." || strings.HasPrefix(name, "../"):
		return "", fmt.Errorf("name %q: want a relative name such as ad.md or jobs/ad.md, without . or .. parts", name)
	}
	return name, nil
}

// analyze runs the document through a scorer from the pool and returns
// its analysis with its row as one line of `leadlex score --format jsonl`;
// on an error it has answered w with a 500 and returns a nil analysis.
func (s *Server) analyze(w http.ResponseWriter, d corpus.Doc) (*pipeline.Analysis, []byte) {
	sc := s.scorers.Get().(*pipeline.Scorer)
	a := sc.AnalyzeDoc(d)
	s.scorers.Put(sc)
	row, err := jsonRow(a.Result)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "%v", err)
		return nil, nil
	}
	return a, row
}

// score answers the document's row, exactly as one line of
// `leadlex score --format jsonl`.
func (s *Server) score(w http.ResponseWriter, d corpus.Doc) {
	a, row := s.analyze(w, d)
	if a == nil {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(row)
}

// jsonRow renders a results row with the JSON Lines writer of `score`.
func jsonRow(r *results.Result) ([]byte, error) {
	var buf bytes.Buffer
	jw, err := results.NewJSONLWriter[results.Result](&buf)
	if err == nil {
		err = jw.Write(r)
	}
	if err != nil {
		return nil, fmt.Errorf("render row: %w", err)
	}
	return buf.Bytes(), nil
}

// checkAnswer is the answer of /api/v1/check.
type checkAnswer struct {
	Status   string          `json:"status"`           // ok, skipped or error, as the row's
	Error    string          `json:"error,omitempty"`  // why the text was not checked
	Findings []check.Finding `json:"findings"`         // as `check --format json` lists them
	Policy   string          `json:"policy,omitempty"` // the policy file applied
}

// check answers the policy's findings. The name stands for a file in the
// policy's folder, so that its overrides and excludes apply as `leadlex
// check` applies them there; findings name the file as it was sent.
func (s *Server) check(w http.ResponseWriter, d corpus.Doc) {
	out := checkAnswer{Status: results.StatusOK, Findings: []check.Finding{}, Policy: s.opt.Policy}
	p := s.opt.Checker.Policy()
	name := d.Path
	d.Path = filepath.Join(p.Dir, filepath.FromSlash(name))
	if p.Excluded(p.Rel(d.Path)) {
		d.Close()
		out.Status, out.Error = results.StatusSkipped, "excluded by the policy (exclude:)"
		writeJSON(w, http.StatusOK, out)
		return
	}
	cs := s.checks.Get().(*check.Session)
	doc := cs.Check(d)
	s.checks.Put(cs)
	out.Status, out.Error = string(doc.Status), doc.Reason
	for _, f := range doc.Findings {
		f.File = name
		out.Findings = append(out.Findings, f)
	}
	writeJSON(w, http.StatusOK, out)
}

// explain answers the text as analysed, its hits with offsets, and its row.
func (s *Server) explain(w http.ResponseWriter, d corpus.Doc) {
	a, row := s.analyze(w, d)
	if a == nil {
		return
	}
	out := Explain(a, s.opt.Analyzer)
	out.Result = bytes.TrimSpace(row)
	writeJSON(w, http.StatusOK, out)
}

// errorAnswer is the body of every error response.
type errorAnswer struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	writeJSON(w, status, errorAnswer{Error: fmt.Sprintf(format, args...), Status: status})
}

// writeJSON writes v as the response. HTML characters are escaped, so a
// text can never be read as markup.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
