package lexicon

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/leadlex/leadlex/internal/capped"
	"github.com/leadlex/leadlex/internal/yamlfile"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultName is the name under which the embedded lexicon can be asked for
// on the command line (--lexicon default).
const DefaultName = "default"

// DefaultSource returns the embedded default lexicon file's bytes.
func DefaultSource() []byte { return defaultYAML }

//go:generate go run ../tools/genlexicon

//go:embed default.gob
var defaultGob []byte

// Default returns the embedded default lexicon: a new Lexicon decoded from
// default.gob, which go generate wrote from what Parse makes of
// default.yaml, so that starting a process parses no YAML
// (TestDefaultGenerated keeps the two in step). Callers may change it.
func Default() *Lexicon {
	l, err := readSnapshot(defaultGob)
	if err != nil {
		panic(fmt.Sprintf("lexicon: the embedded default.gob is broken, run go generate ./lexicon: %v", err))
	}
	return l
}

// Error is a problem in a lexicon file (or another YAML file leadlex reads,
// such as check's policy), with the place it was found: file:line:col.
type Error = yamlfile.Error

// Load reads and merges lexicon files in order; "default" names the embedded
// lexicon. With no names it returns the default. Later files extend or
// override earlier ones (see Merge).
func Load(names ...string) (*Lexicon, error) {
	if len(names) == 0 {
		return Default(), nil
	}
	var out *Lexicon
	for _, name := range names {
		l, err := loadOne(name)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = l
			continue
		}
		if out, err = Merge(out, l); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DefaultMaxFileBytes is the default of MaxFileBytes: the built-in lexicon
// is under 100 KB, large dictionaries a few megabytes.
const DefaultMaxFileBytes = 4 << 20

// MaxFileBytes bounds the size of a lexicon file (YAML, .dic and its
// mapping): parsing takes some twenty times a file's size in memory, so a
// larger file is refused with an error that says so. leadlex's
// --max-lexicon-bytes sets it.
var MaxFileBytes int64 = DefaultMaxFileBytes

// ReadFile reads a lexicon file (YAML, .dic or mapping) of at most
// MaxFileBytes.
func ReadFile(name string) ([]byte, error) {
	return capped.ReadFile(name, MaxFileBytes, "--max-lexicon-bytes")
}

func loadOne(name string) (*Lexicon, error) {
	if name == DefaultName {
		return Default(), nil
	}
	if IsDic(name) {
		l, _, err := LoadDic(name, MapPath(name))
		return l, err
	}
	data, err := ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	return Parse(name, data)
}

// Parse reads one lexicon file in the YAML format documented in docs/LEXICON.md
// and validates it. Errors name the file, the line and what was expected.
func Parse(file string, data []byte) (*Lexicon, error) {
	p := parser{File: yamlfile.File{Name: file}}
	l, err := p.parse(data)
	if err != nil {
		return nil, err
	}
	if err := expandContext(l); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	l.Hash = hex.EncodeToString(sum[:])
	l.Files = []string{file}
	if err := l.Validate(); err != nil {
		return nil, err
	}
	return l, nil
}

// parser reads one lexicon file (or .dic category mapping); errors name it.
type parser struct {
	yamlfile.File

	// e is the entry being read: the entry handlers, made once per parse
	// (entryHandlers), write into it, so an entry costs no map and no
	// closures of its own.
	e                Entry
	weightSet        bool
	entryH, neutralH yamlfile.Handlers
}

// document parses data as YAML and returns its top-level mapping; what
// and fields say what the file should hold, for messages.
func (p *parser) document(data []byte, what, fields string) (*yaml.Node, error) {
	root, err := p.Document(data, what+" with "+fields)
	if err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, p.Errorf(root, "expected a mapping with %s at the top level", fields)
	}
	return root, nil
}

func (p *parser) parse(data []byte) (*Lexicon, error) {
	root, err := p.document(data, "a lexicon", "name, version and dimensions")
	if err != nil {
		return nil, err
	}
	l := &Lexicon{Skip: DefaultSkip, Agents: DefaultAgents, Negation: DefaultNegation}
	var dims *yaml.Node
	handlers := p.settings(l)
	handlers["dimensions"] = func(n *yaml.Node) error { dims = n; return nil }
	handlers["neutral"] = p.list("neutral: expected a list of entries",
		func(en *yaml.Node) error { return p.neutralEntry(en, l) })
	handlers["sources"] = p.list("sources: expected a list of {file, title, first_line}",
		func(sn *yaml.Node) error { return p.source(sn, l) })
	err = p.Fields(root, "lexicon", handlers)
	if err != nil {
		return nil, err
	}
	if l.Name == "" {
		return nil, p.Errorf(root, "missing required field name")
	}
	if dims == nil {
		return nil, p.Errorf(root, "missing required field dimensions")
	}
	err = p.list("dimensions: expected a list of dimensions",
		func(dn *yaml.Node) error { return p.dimension(dn, l) })(dims)
	if err != nil {
		return nil, err
	}
	return l, nil
}

// settings returns the handlers of the top-level fields a lexicon file and
// a .dic category mapping share: name, version, description, skip, agents,
// negation.
func (p *parser) settings(l *Lexicon) yamlfile.Handlers {
	return yamlfile.Handlers{
		"name":        p.str(&l.Name),
		"version":     p.str(&l.Version),
		"description": p.str(&l.Description),
		"skip": func(n *yaml.Node) error {
			l.setSkip = true
			return p.strList(n, &l.Skip)
		},
		"agents": func(n *yaml.Node) error {
			l.setAgents = true
			return p.strList(n, &l.Agents)
		},
		"negation": func(n *yaml.Node) error {
			l.setNegation = true
			return p.negation(n, &l.Negation)
		},
	}
}

func (p *parser) str(dst *string) func(*yaml.Node) error {
	return func(n *yaml.Node) error {
		if n.Kind != yaml.ScalarNode {
			return p.Errorf(n, "expected a string")
		}
		*dst = strings.TrimSpace(n.Value)
		return nil
	}
}

// list returns the handler of a field that holds a list: it hands each
// item to read, in order, and stops at the first error; a node that is not
// a list is an error with the message want.
func (p *parser) list(want string, read func(item *yaml.Node) error) func(*yaml.Node) error {
	return func(n *yaml.Node) error {
		if n.Kind != yaml.SequenceNode {
			return p.Errorf(n, "%s", want)
		}
		for _, item := range n.Content {
			if err := read(item); err != nil {
				return err
			}
		}
		return nil
	}
}

// flag returns the handler of a true-or-false field; what names the field
// in the message ("entry exact").
func (p *parser) flag(dst *bool, what string) func(*yaml.Node) error {
	return func(v *yaml.Node) error {
		b, err := strconv.ParseBool(v.Value)
		if err != nil {
			return p.Errorf(v, "%s: expected true or false, got %q", what, v.Value)
		}
		*dst = b
		return nil
	}
}

func (p *parser) strList(n *yaml.Node, dst *[]string) error {
	if n.Kind != yaml.SequenceNode {
		return p.Errorf(n, "expected a list of words")
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || strings.TrimSpace(c.Value) == "" {
			return p.Errorf(c, "expected a word")
		}
		out = append(out, strings.ToLower(strings.TrimSpace(c.Value)))
	}
	*dst = out
	return nil
}

func (p *parser) negation(n *yaml.Node, neg *Negation) error {
	return p.Fields(n, "negation", yamlfile.Handlers{
		"window": func(v *yaml.Node) error {
			w, err := strconv.Atoi(v.Value)
			if err != nil || v.Kind != yaml.ScalarNode || w < 0 || w > 20 {
				return p.Errorf(v, "negation.window: expected a whole number from 0 to 20, got %q", v.Value)
			}
			neg.Window = w
			return nil
		},
		"words":      func(v *yaml.Node) error { return p.strList(v, &neg.Words) },
		"reversible": func(v *yaml.Node) error { return p.strList(v, &neg.Reversible) },
		"except":     func(v *yaml.Node) error { return p.strList(v, &neg.Except) },
	})
}

func (p *parser) dimension(n *yaml.Node, l *Lexicon) error {
	var d Dimension
	var entries *yaml.Node
	err := p.Fields(n, "dimension", yamlfile.Handlers{
		"name":        p.str(&d.Name),
		"description": p.str(&d.Description),
		"leadership":  p.str(&d.Leadership),
		"management":  p.str(&d.Management),
		"entries":     func(v *yaml.Node) error { entries = v; return nil },
	})
	if err != nil {
		return err
	}
	if d.Name == "" {
		return p.Errorf(n, "dimension: missing required field name")
	}
	if !validName(d.Name) {
		return p.Errorf(n, "dimension %q: names are lower-case letters, digits and underscores", d.Name)
	}
	if _, i := l.Dimension(d.Name); i >= 0 {
		return p.Errorf(n, "dimension %q is defined twice", d.Name)
	}
	l.Dimensions = append(l.Dimensions, d)
	if entries == nil {
		return nil
	}
	return p.Fields(entries, "dimension "+d.Name+" entries", yamlfile.Handlers{
		"leadership": p.entries(d.Name, Leadership, l),
		"management": p.entries(d.Name, Management, l),
	})
}

func validName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return s != ""
}

// entries returns the handler of the list of entries of dimension dim and
// pole.
func (p *parser) entries(dim string, pole Pole, l *Lexicon) func(*yaml.Node) error {
	return p.list(fmt.Sprintf("%s/%s: expected a list of entries", dim, pole),
		func(en *yaml.Node) error { return p.entry(en, dim, pole, l) })
}

// entryFields returns the handlers of the fields every entry may hold:
// term, provenance (source and phrase, or derived and statistic), note and
// exact, read into p.e; what names the entry in messages ("neutral entry").
func (p *parser) entryFields(what string) yamlfile.Handlers {
	e := &p.e
	return yamlfile.Handlers{
		"term":      p.str(&e.Term),
		"source":    p.str(&e.Source),
		"phrase":    p.str(&e.Phrase),
		"note":      p.str(&e.Note),
		"derived":   p.str(&e.Derived),
		"statistic": p.str(&e.Statistic),
		"exact":     p.flag(&e.Exact, what+" exact"),
	}
}

// entryHandlers returns the handlers of a weighted entry's fields, read
// into p.e, made on first use.
func (p *parser) entryHandlers() yamlfile.Handlers {
	if p.entryH != nil {
		return p.entryH
	}
	h := p.entryFields("entry")
	h["context"] = p.list("entry context: expected a list of rules {before or after, pole}",
		func(rn *yaml.Node) error { return p.contextRule(rn, &p.e) })
	h["weight"] = func(v *yaml.Node) error {
		w, err := strconv.ParseFloat(v.Value, 64)
		if err != nil || v.Kind != yaml.ScalarNode {
			return p.Errorf(v, "entry weight: expected a number, got %q", v.Value)
		}
		p.e.Weight, p.weightSet = w, true
		return nil
	}
	h["subject"] = p.flag(&p.e.Subject, "entry subject")
	p.entryH = h
	return h
}

// entry reads one weighted entry of dimension dim and pole and adds it to l.
func (p *parser) entry(en *yaml.Node, dim string, pole Pole, l *Lexicon) error {
	p.e = Entry{Dimension: dim, Pole: pole, Weight: 1, File: p.Name, Line: en.Line}
	p.weightSet = false
	err := p.Fields(en, "entry", p.entryHandlers())
	if err != nil {
		return err
	}
	e := p.e
	switch {
	case e.Term == "":
		return p.Errorf(en, "entry: missing required field term")
	case e.Source == "" && e.Derived == "":
		return p.Errorf(en, "entry %q: missing required field source (a seed file, with phrase: a quote from it) or derived (a corpus, with statistic: the figure that put the entry there)", e.Term)
	case e.Source != "" && e.Derived != "":
		return p.Errorf(en, "entry %q: give one provenance: source (a seed quote) or derived (a corpus statistic), not both", e.Term)
	case e.Derived != "" && e.Statistic == "":
		return p.Errorf(en, "entry %q: derived provenance needs statistic (the figure that put it there)", e.Term)
	case p.weightSet && (e.Weight <= 0 || e.Weight > 100):
		return p.Errorf(en, "entry %q: weight %g is out of range (0, 100]", e.Term, e.Weight)
	}
	if err := checkTerm(e.Term); err != nil {
		return p.Errorf(en, "entry %q: %v", e.Term, err)
	}
	l.Entries = append(l.Entries, e)
	return nil
}

// contextRule reads one of an entry's context rules, {before, after, pole,
// weight}, before and after each a phrase or a list of phrases, and adds it
// to e.
func (p *parser) contextRule(rn *yaml.Node, e *Entry) error {
	var r ContextRule
	phrases := func(dst *[]string) func(*yaml.Node) error {
		return func(v *yaml.Node) error {
			if v.Kind == yaml.ScalarNode {
				*dst = []string{strings.ToLower(strings.TrimSpace(v.Value))}
				return nil
			}
			return p.strList(v, dst)
		}
	}
	err := p.Fields(rn, "context rule", yamlfile.Handlers{
		"before": phrases(&r.Before),
		"after":  phrases(&r.After),
		"pole":   p.str(&r.Pole),
		"weight": func(v *yaml.Node) error {
			w, err := strconv.ParseFloat(v.Value, 64)
			if err != nil || v.Kind != yaml.ScalarNode || w <= 0 || w > 100 {
				return p.Errorf(v, "context rule weight: expected a number in (0, 100], got %q", v.Value)
			}
			r.Weight = w
			return nil
		},
	})
	if err != nil {
		return err
	}
	r.Pole = strings.ToLower(r.Pole)
	if r.Pole != PoleNone {
		if _, err := ParsePole(r.Pole); err != nil {
			return p.Errorf(rn, "context rule pole %q: want leadership, management or none", r.Pole)
		}
	}
	for _, ph := range append(append([]string(nil), r.Before...), r.After...) {
		if err := checkTerm(ph); err != nil {
			return p.Errorf(rn, "context rule phrase %q: %v", ph, err)
		}
	}
	e.Context = append(e.Context, r)
	return nil
}

// source reads one seed document of the top-level list sources (file,
// title and first_line) and adds it to l.
func (p *parser) source(sn *yaml.Node, l *Lexicon) error {
	var s Source
	err := p.Fields(sn, "source", yamlfile.Handlers{
		"file":       p.str(&s.File),
		"title":      p.str(&s.Title),
		"first_line": p.str(&s.FirstLine),
	})
	if err != nil {
		return err
	}
	if s.File == "" || s.Title == "" {
		return p.Errorf(sn, "source: file and title are required")
	}
	if _, dup := l.SourceOf(s.File); dup {
		return p.Errorf(sn, "source %q is listed twice", s.File)
	}
	l.Sources = append(l.Sources, s)
	return nil
}

// neutralEntry reads one entry of the top-level list neutral: term,
// provenance (source and phrase, or derived and statistic), note and exact
// as for any entry, and no weight; it adds it to l.
func (p *parser) neutralEntry(en *yaml.Node, l *Lexicon) error {
	p.e = Entry{Weight: 1, File: p.Name, Line: en.Line}
	if p.neutralH == nil {
		p.neutralH = p.entryFields("neutral entry")
	}
	err := p.Fields(en, "neutral entry", p.neutralH)
	e := p.e
	switch {
	case err != nil:
		return err
	case e.Term == "":
		return p.Errorf(en, "neutral entry: missing required field term")
	case e.Source == "" && e.Derived == "":
		return p.Errorf(en, "neutral entry %q: missing required field source (a seed file) or derived (a corpus, with statistic)", e.Term)
	case e.Derived != "" && e.Statistic == "":
		return p.Errorf(en, "neutral entry %q: derived provenance needs statistic (the figure that put it there)", e.Term)
	}
	if err := checkTerm(e.Term); err != nil {
		return p.Errorf(en, "neutral entry %q: %v", e.Term, err)
	}
	l.Neutral = append(l.Neutral, e)
	return nil
}

// IsError reports whether err is a lexicon file error with a location.
func IsError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
