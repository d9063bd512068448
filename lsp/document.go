package lsp

import (
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/explain"
	"github.com/leadlex/leadlex/pipeline"
)

// environment is what checks the documents below one policy file: the
// policy, its lexicon and a scorer for hover. err is why the policy or its
// lexicon could not be loaded; the documents then show it as a diagnostic.
type environment struct {
	policy  *check.Policy    // nil: no policy file above the document
	checker *check.Session   // one: messages are handled one at a time
	scorer  *pipeline.Scorer // for hover
	err     error
}

// document is an open document and what was found in its current text.
type document struct {
	uri, path string
	name      string // the path check reports, with an extension giving its format
	version   int
	text      string
	lines     *lineIndex
	env       *environment
	findings  []check.Finding
	analysis  *pipeline.Analysis // for hover; nil until asked for
	skip      string             // why the document is not analysed ("" when it is)
}

// textFormats maps the LSP language ids the server reads to extensions.
var textFormats = map[string]string{"markdown": ".md", "plaintext": ".txt", "text": ".txt", "html": ".html"}

// knownExt lists the extensions read as they are.
var knownExt = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true}

// nameOf returns the file path of a URI and the name to read it under:
// the path itself when its extension is a text format, else the path with
// the language's extension added; ok is false for other languages.
func nameOf(uri, languageID string) (path, name string, ok bool) {
	path = uri
	if u, err := url.Parse(uri); err == nil && u.Scheme == "file" {
		path = u.Path
		if len(path) > 2 && path[0] == '/' && path[2] == ':' { // file:///C:/… on Windows
			path = path[1:]
		}
		path = filepath.FromSlash(path)
	} else if err == nil && u.Opaque != "" {
		path = u.Opaque
	}
	if knownExt[strings.ToLower(filepath.Ext(path))] {
		return path, path, true
	}
	ext, ok := textFormats[languageID]
	return path, path + ext, ok
}

// environmentFor finds the policy above path and loads it (once per policy).
func (s *Server) environmentFor(path string) *environment {
	dir := filepath.Dir(path)
	if !filepath.IsAbs(path) {
		dir, _ = os.Getwd()
	}
	file, err := check.Find(dir)
	if env, ok := s.envs[file]; ok && err == nil {
		return env
	}
	env := &environment{err: err}
	if err == nil {
		env = s.loadEnvironment(file)
		s.envs[file] = env
	}
	return env
}

func (s *Server) loadEnvironment(file string) *environment {
	env := &environment{}
	var names []string
	if file != "" {
		p, err := check.Load(file)
		if err != nil {
			return &environment{err: err}
		}
		env.policy = p
		names = p.Lexicons
	}
	lex, err := s.opt.Lexicon(names)
	if err != nil {
		return &environment{err: err}
	}
	an := pipeline.NewAnalyzer(lex, s.opt.Labels)
	env.scorer = pipeline.NewScorer(an)
	if env.policy != nil {
		c, err := check.New(env.policy, an)
		if err != nil {
			return &environment{err: err}
		}
		env.checker = c.NewSession()
	}
	return env
}

func (s *Server) didOpen(p DidOpenTextDocumentParams) error {
	td := p.TextDocument
	path, name, ok := nameOf(td.URI, td.LanguageID)
	d := &document{uri: td.URI, path: path, name: name, version: td.Version}
	if !ok {
		d.skip = fmt.Sprintf("language %q: leadlex reads Markdown, plain text and HTML", td.LanguageID)
	} else {
		d.env = s.environmentFor(path)
	}
	s.docs[td.URI] = d
	return s.update(d, td.Text)
}

func (s *Server) didChange(p DidChangeTextDocumentParams) error {
	d, ok := s.docs[p.TextDocument.URI]
	if !ok {
		return fmt.Errorf("didChange: %s is not open", p.TextDocument.URI)
	}
	text := d.text
	for _, ch := range p.ContentChanges {
		text = applyChange(text, ch)
	}
	d.version = p.TextDocument.Version
	return s.update(d, text)
}

// didSave reloads the policies when a policy file was saved, and checks
// every open document again under them.
func (s *Server) didSave(p DidCloseTextDocumentParams) error {
	path, _, _ := nameOf(p.TextDocument.URI, "")
	if !slices.Contains(check.PolicyNames, filepath.Base(path)) {
		return nil
	}
	clear(s.envs)
	for _, uri := range slices.Sorted(maps.Keys(s.docs)) {
		d := s.docs[uri]
		if d.skip != "" {
			continue
		}
		d.env = s.environmentFor(d.path)
		if err := s.update(d, d.text); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) didClose(p DidCloseTextDocumentParams) error {
	delete(s.docs, p.TextDocument.URI)
	return s.out.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []Diagnostic{}})
}

// update takes a document's new text, checks it and publishes its
// diagnostics.
func (s *Server) update(d *document, text string) error {
	d.text, d.lines, d.analysis, d.findings = text, newLineIndex(text), nil, nil
	diags := s.check(d)
	v := d.version
	return s.out.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: diags})
}

// read makes the document's Doc, as `leadlex check` reads its file.
func (s *Server) read(d *document) (corpus.Doc, bool) {
	if int64(len(d.text)) > s.opt.MaxBytes {
		return corpus.Doc{}, false
	}
	docs := corpus.ReadBytes(d.name, []byte(d.text), s.opt.Read)
	if len(docs) != 1 {
		return corpus.Doc{}, false
	}
	return docs[0], true
}

// check finds the document's findings under its policy and turns them
// into diagnostics. A file the policy excludes raises nothing.
func (s *Server) check(d *document) []Diagnostic {
	diags := []Diagnostic{}
	env := d.env
	switch {
	case d.skip != "" || env == nil:
		return diags
	case env.err != nil:
		return append(diags, Diagnostic{Severity: SeverityError, Code: "policy", Source: "leadlex",
			Message: "leadlex cannot check this file: " + env.err.Error()})
	case env.checker == nil || env.policy.Excluded(env.policy.Rel(d.name)):
		return diags
	}
	doc, ok := s.read(d)
	if !ok {
		return diags
	}
	d.findings = env.checker.Check(doc).Findings
	for i := range d.findings {
		diags = append(diags, d.diagnostic(&d.findings[i]))
	}
	return diags
}

// diagnostic turns a finding into a diagnostic at the same place.
func (d *document) diagnostic(f *check.Finding) Diagnostic {
	sev := SeverityInformation
	switch f.Severity {
	case check.Error:
		sev = SeverityError
	case check.Warning:
		sev = SeverityWarning
	}
	return Diagnostic{
		Range:    d.rangeOf(f),
		Severity: sev, Code: f.Rule, Source: "leadlex", Message: f.Summary(),
		Data: &DiagnosticData{Replacements: f.Replacements, Fingerprint: f.Fingerprint},
	}
}

// rangeOf returns a finding's place as an LSP range. Findings about the
// whole document stand at its start.
func (d *document) rangeOf(f *check.Finding) Range {
	return Range{Start: d.lines.fromColumn(f.Line, f.Column), End: d.lines.fromColumn(f.EndLine, f.EndColumn)}
}

// hover describes the hit under the position, if any.
func (s *Server) hover(p TextDocumentPositionParams) *Hover {
	d, ok := s.docs[p.TextDocument.URI]
	if !ok || d.skip != "" || d.env == nil || d.env.scorer == nil {
		return nil
	}
	if d.analysis == nil {
		doc, ok := s.read(d)
		if !ok {
			return nil
		}
		d.analysis = d.env.scorer.AnalyzeDoc(doc)
	}
	a := d.analysis
	off := d.lines.offset(p.Position)
	pos := a.Positions
	if pos == nil {
		pos = corpus.TextPositions(a.Text)
	}
	bom := 0
	if strings.HasPrefix(d.text, "\ufeff") {
		bom = len("\ufeff")
	}
	lex := d.env.scorer.Analyzer().Lexicon()
	for _, h := range a.Hits {
		start, end := pos.Offset(h.Start)+bom, pos.EndOffset(h.End)+bom
		if off < start || off >= end {
			continue
		}
		r := Range{Start: d.lines.position(start), End: d.lines.position(end)}
		return &Hover{Range: &r, Contents: MarkupContent{Kind: "markdown", Value: hoverText(explain.HitOf(lex, h))}}
	}
	return nil
}

// hoverText describes a hit: entry, dimension, pole and weight on the
// first line, then whether it is negated and where the entry came from.
func hoverText(h *explain.Hit) string {
	lines := []string{fmt.Sprintf("**leadlex** · entry “%s” · %s · %s · weight %g", h.Term, h.Dimension, h.Pole, h.Weight)}
	if h.Negated {
		lines = append(lines, "negated: a negator stands before it, so it does not count")
	}
	for _, kv := range [][2]string{{"source", h.Source}, {"phrase", "“" + h.Phrase + "”"}, {"note", h.Note}} {
		if kv[1] != "" && kv[1] != "“”" {
			lines = append(lines, kv[0]+": "+kv[1])
		}
	}
	return strings.Join(lines, "  \n")
}

// codeActions offers each suggestion of the findings in the range as a
// quick fix that replaces the matched words.
func (s *Server) codeActions(p CodeActionParams) []CodeAction {
	out := []CodeAction{}
	d, ok := s.docs[p.TextDocument.URI]
	if !ok {
		return out
	}
	for i := range d.findings {
		f := &d.findings[i]
		r := d.rangeOf(f)
		if len(f.Replacements) == 0 || !overlaps(r, p.Range) {
			continue
		}
		diag := d.diagnostic(f)
		for k, repl := range f.Replacements {
			out = append(out, CodeAction{
				Title: fmt.Sprintf("Replace “%s” with “%s”", f.Match, repl), Kind: "quickfix",
				Diagnostics: []Diagnostic{diag}, IsPreferred: k == 0,
				Edit: WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {{Range: r, NewText: repl}}}},
			})
		}
	}
	return out
}

// overlaps reports whether two ranges share a place; a collapsed range
// (a cursor) overlaps a range it stands in or at the end of.
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(p, q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}
