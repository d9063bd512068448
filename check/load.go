package check

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/leadlex/leadlex/internal/capped"
	"github.com/leadlex/leadlex/internal/yamlfile"
)

// PolicyNames are the file names Find looks for, in order.
var PolicyNames = []string{".leadlex.yaml", ".leadlex.yml"}

// PolicyError is a problem in a policy file, with the place it was found:
// the same file:line:col error as a lexicon file's.
type PolicyError = yamlfile.Error

// Find looks for a policy file in dir and then in each folder above it,
// and returns the first it finds, or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find policy: %w", err)
	}
	for {
		for _, name := range PolicyNames {
			p := filepath.Join(dir, name)
			info, err := os.Stat(p)
			if err == nil && !info.IsDir() {
				return p, nil
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("find policy: %w", err)
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// DefaultMaxPolicyBytes is the default of MaxPolicyBytes.
const DefaultMaxPolicyBytes = 1 << 20

// MaxPolicyBytes bounds the size of a policy file: a policy is a page of
// YAML, and parsing takes some forty times a file's size in memory, so a
// larger file is refused with an error that says so. leadlex's
// --max-policy-bytes sets it.
var MaxPolicyBytes int64 = DefaultMaxPolicyBytes

// Load reads and parses a policy file of at most MaxPolicyBytes.
func Load(path string) (*Policy, error) {
	data, err := capped.ReadFile(path, MaxPolicyBytes, "--max-policy-bytes")
	if err != nil {
		return nil, fmt.Errorf("read policy: %w", err)
	}
	return Parse(path, data)
}

// Parse reads a policy in the YAML format documented in docs/CHECK.md. Errors
// name the file, the line and what was expected. Dimension names and
// flagged terms are checked against the lexicon later, by New.
func Parse(file string, data []byte) (*Policy, error) {
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", file, err)
	}
	p := &parser{File: yamlfile.File{Name: file}, ids: map[string]int{}}
	pol := &Policy{File: file, Dir: dir}
	if err := p.parse(data, pol); err != nil {
		return nil, err
	}
	return pol, nil
}

// parser reads one policy file; errors name it.
type parser struct {
	yamlfile.File
	ids map[string]int // rule id -> line it was defined on
}

func (p *parser) parse(data []byte, pol *Policy) error {
	root, err := p.Document(data, "a policy with thresholds, require or flag rules")
	if err != nil {
		return err
	}
	var severities []*yaml.Node // override severity maps, checked once all rule ids are known
	err = p.Fields(root, "policy", yamlfile.Handlers{
		"version": func(n *yaml.Node) error {
			if n.Kind != yaml.ScalarNode || n.Value != "1" {
				return p.Errorf(n, "version: this leadlex reads policy version 1, got %q", n.Value)
			}
			return nil
		},
		"lexicon": func(n *yaml.Node) error {
			names, err := p.strings(n, "lexicon")
			for _, name := range names {
				if name != "default" && !filepath.IsAbs(name) {
					name = filepath.Join(pol.Dir, name)
				}
				pol.Lexicons = append(pol.Lexicons, name)
			}
			return err
		},
		"paths": func(n *yaml.Node) error {
			paths, err := p.strings(n, "paths")
			for _, path := range paths {
				if !filepath.IsAbs(path) {
					path = filepath.Join(pol.Dir, path)
				}
				pol.Paths = append(pol.Paths, path)
			}
			return err
		},
		"min_words": func(n *yaml.Node) error { return p.count(n, "min_words", &pol.Rules.MinWords) },
		"exclude": func(n *yaml.Node) error {
			var err error
			pol.Exclude, err = p.globs(n, "exclude")
			return err
		},
		"thresholds": func(n *yaml.Node) error {
			var err error
			pol.Rules.Thresholds, _, err = p.thresholds(n)
			return err
		},
		"require": func(n *yaml.Node) error {
			var err error
			pol.Rules.Requires, err = p.requires(n)
			return err
		},
		"flag": func(n *yaml.Node) error {
			var err error
			pol.Rules.Flags, err = p.flags(n)
			return err
		},
		"overrides": func(n *yaml.Node) error {
			if n.Kind != yaml.SequenceNode {
				return p.Errorf(n, "overrides: expected a list of overrides, each with paths")
			}
			for _, on := range n.Content {
				o, sev, err := p.override(on)
				if err != nil {
					return err
				}
				pol.Overrides = append(pol.Overrides, o)
				severities = append(severities, sev)
			}
			return nil
		},
	})
	if err != nil {
		return err
	}
	for i, sn := range severities {
		if sn == nil {
			continue
		}
		if pol.Overrides[i].Severity, err = p.severityMap(sn); err != nil {
			return err
		}
	}
	return nil
}

// text reads a scalar string.
func (p *parser) text(n *yaml.Node, what string, dst *string) error {
	if n.Kind != yaml.ScalarNode {
		return p.Errorf(n, "%s: expected a string", what)
	}
	*dst = strings.TrimSpace(n.Value)
	return nil
}

// strings reads one string or a list of strings.
func (p *parser) strings(n *yaml.Node, what string) ([]string, error) {
	if n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) != "" {
		return []string{strings.TrimSpace(n.Value)}, nil
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return nil, p.Errorf(n, "%s: expected a string or a list of strings", what)
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || strings.TrimSpace(c.Value) == "" {
			return nil, p.Errorf(c, "%s: expected a string", what)
		}
		out = append(out, strings.TrimSpace(c.Value))
	}
	return out, nil
}

// globs reads a list of path globs and checks their syntax.
func (p *parser) globs(n *yaml.Node, what string) ([]string, error) {
	gs, err := p.strings(n, what)
	if err != nil {
		return nil, err
	}
	for i, g := range gs {
		g = strings.TrimPrefix(filepath.ToSlash(g), "./")
		if !doublestar.ValidatePattern(g) {
			return nil, p.Errorf(n, "%s: %q is not a valid glob", what, g)
		}
		gs[i] = g
	}
	return gs, nil
}

func (p *parser) number(n *yaml.Node, what string) (float64, error) {
	v, err := strconv.ParseFloat(n.Value, 64)
	if n.Kind != yaml.ScalarNode || err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, p.Errorf(n, "%s: expected a number, got %q", what, n.Value)
	}
	return v, nil
}

func (p *parser) count(n *yaml.Node, what string, dst *int) error {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || v < 0 {
		return p.Errorf(n, "%s: expected a whole number, 0 or more, got %q", what, n.Value)
	}
	*dst = v
	return nil
}

func (p *parser) severity(n *yaml.Node, what string, dst *Severity) error {
	if n.Kind != yaml.ScalarNode {
		return p.Errorf(n, "%s: expected error, warning, info or off", what)
	}
	s, err := ParseSeverity(n.Value)
	if err != nil {
		return p.Errorf(n, "%s: %v", what, err)
	}
	*dst = s
	return nil
}

// define records a rule id, refusing one already used by another rule.
func (p *parser) define(n *yaml.Node, id string) error {
	if line, ok := p.ids[id]; ok {
		return p.Errorf(n, "rule %s is already defined on line %d; give this one another id", id, line)
	}
	p.ids[id] = n.Line
	return nil
}

// thresholds reads {balance: {min: …, max: …, severity: …}, …}. It also
// reports, per threshold, whether a severity was written (for overrides).
func (p *parser) thresholds(n *yaml.Node) ([]Threshold, []bool, error) {
	if n.Kind != yaml.MappingNode {
		return nil, nil, p.Errorf(n, "thresholds: expected a mapping with %s", strings.Join(metrics, ", "))
	}
	var out []Threshold
	var sevSet []bool
	handlers := yamlfile.Handlers{}
	for _, m := range metrics {
		handlers[m] = func(v *yaml.Node) error {
			t := Threshold{ID: "threshold/" + m, Metric: m, Severity: Error, Line: v.Line}
			set := false
			err := p.Fields(v, "thresholds."+m, yamlfile.Handlers{
				"min": func(x *yaml.Node) error {
					f, err := p.number(x, m+".min")
					t.Min = &f
					return err
				},
				"max": func(x *yaml.Node) error {
					f, err := p.number(x, m+".max")
					t.Max = &f
					return err
				},
				"severity": func(x *yaml.Node) error { set = true; return p.severity(x, m+".severity", &t.Severity) },
			})
			if err != nil {
				return err
			}
			if m == MetricBalance {
				for _, b := range []*float64{t.Min, t.Max} {
					if b != nil && (*b < -1 || *b > 1) {
						return p.Errorf(v, "thresholds.balance: bounds are between -1 and 1, got %g", *b)
					}
				}
			}
			if isPercentile(m) {
				for _, b := range []*float64{t.Min, t.Max} {
					if b != nil && (*b < 0 || *b > 100) {
						return p.Errorf(v, "thresholds.%s: bounds are percentiles from 0 to 100, got %g", m, *b)
					}
				}
			}
			if t.Min != nil && t.Max != nil && *t.Min > *t.Max {
				return p.Errorf(v, "thresholds.%s: min %g is above max %g", m, *t.Min, *t.Max)
			}
			p.ids[t.ID] = v.Line
			out = append(out, t)
			sevSet = append(sevSet, set)
			return nil
		}
	}
	if err := p.Fields(n, "thresholds", handlers); err != nil {
		return nil, nil, err
	}
	return out, sevSet, nil
}

func (p *parser) requires(n *yaml.Node) ([]Require, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.Errorf(n, "require: expected a list of requirements, each with any_of")
	}
	var out []Require
	for _, rn := range n.Content {
		r := Require{Pole: "leadership", MinHits: 1, Severity: Error, Line: rn.Line}
		var id string
		err := p.Fields(rn, "require", yamlfile.Handlers{
			"id": func(v *yaml.Node) error { return p.text(v, "require.id", &id) },
			"any_of": func(v *yaml.Node) error {
				var err error
				r.AnyOf, err = p.strings(v, "require.any_of")
				return err
			},
			"pole": func(v *yaml.Node) error {
				if err := p.text(v, "require.pole", &r.Pole); err != nil {
					return err
				}
				r.Pole = strings.ToLower(r.Pole)
				if r.Pole != "leadership" && r.Pole != "management" && r.Pole != "any" {
					return p.Errorf(v, "require.pole: expected leadership, management or any, got %q", v.Value)
				}
				return nil
			},
			"min_hits": func(v *yaml.Node) error {
				var err error
				if r.MinHits, err = p.number(v, "require.min_hits"); err == nil && r.MinHits <= 0 {
					err = p.Errorf(v, "require.min_hits: expected a number above 0, got %q", v.Value)
				}
				return err
			},
			"message":  func(v *yaml.Node) error { return p.text(v, "require.message", &r.Message) },
			"severity": func(v *yaml.Node) error { return p.severity(v, "require.severity", &r.Severity) },
		})
		if err != nil {
			return nil, err
		}
		if len(r.AnyOf) == 0 {
			return nil, p.Errorf(rn, "require: missing required field any_of (the dimensions, at least one of which the text must touch)")
		}
		if id == "" {
			id = strings.Join(r.AnyOf, "-or-")
		}
		r.ID = "require/" + slug(id)
		if err := p.define(rn, r.ID); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (p *parser) flags(n *yaml.Node) ([]Flag, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.Errorf(n, "flag: expected a list of terms or of {term, message, suggest, severity}")
	}
	var out []Flag
	for _, fn := range n.Content {
		f := Flag{Severity: Error, Line: fn.Line}
		var id string
		if fn.Kind == yaml.ScalarNode {
			f.Term = strings.TrimSpace(fn.Value)
		} else {
			err := p.Fields(fn, "flag", yamlfile.Handlers{
				"id":      func(v *yaml.Node) error { return p.text(v, "flag.id", &id) },
				"term":    func(v *yaml.Node) error { return p.text(v, "flag.term", &f.Term) },
				"message": func(v *yaml.Node) error { return p.text(v, "flag.message", &f.Message) },
				"suggest": func(v *yaml.Node) error {
					var err error
					f.Suggest, err = p.strings(v, "flag.suggest")
					return err
				},
				"exact": func(v *yaml.Node) error {
					b, err := strconv.ParseBool(v.Value)
					if v.Kind != yaml.ScalarNode || err != nil {
						return p.Errorf(v, "flag.exact: expected true or false, got %q", v.Value)
					}
					f.Exact = b
					return nil
				},
				"severity": func(v *yaml.Node) error { return p.severity(v, "flag.severity", &f.Severity) },
			})
			if err != nil {
				return nil, err
			}
		}
		if f.Term == "" {
			return nil, p.Errorf(fn, "flag: missing required field term (the word or phrase to flag)")
		}
		if id == "" {
			id = f.Term
		}
		f.ID = "flag/" + slug(id)
		if f.ID == "flag/" {
			return nil, p.Errorf(fn, "flag %q: the term has no letters to name the rule by; give it an id", f.Term)
		}
		if err := p.define(fn, f.ID); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// override reads one override; its severity map is returned unparsed, to
// be checked once every rule id is known.
func (p *parser) override(n *yaml.Node) (Override, *yaml.Node, error) {
	o := Override{Line: n.Line}
	var sev *yaml.Node
	err := p.Fields(n, "override", yamlfile.Handlers{
		"paths": func(v *yaml.Node) error {
			var err error
			o.Paths, err = p.globs(v, "override.paths")
			return err
		},
		"min_words": func(v *yaml.Node) error {
			o.MinWords = new(int)
			return p.count(v, "override.min_words", o.MinWords)
		},
		"thresholds": func(v *yaml.Node) error {
			var err error
			o.Thresholds, o.severitySet, err = p.thresholds(v)
			return err
		},
		"require": func(v *yaml.Node) error {
			var err error
			o.Requires, err = p.requires(v)
			return err
		},
		"flag": func(v *yaml.Node) error {
			var err error
			o.Flags, err = p.flags(v)
			return err
		},
		"severity": func(v *yaml.Node) error { sev = v; return nil },
	})
	if err != nil {
		return o, nil, err
	}
	if len(o.Paths) == 0 {
		return o, nil, p.Errorf(n, "override: missing required field paths (globs such as jobs/engineering/**)")
	}
	return o, sev, nil
}

// severityMap reads {rule-id: severity}; every id must name a rule.
func (p *parser) severityMap(n *yaml.Node) (map[string]Severity, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.Errorf(n, "override.severity: expected a mapping of rule ids to error, warning, info or off")
	}
	out := map[string]Severity{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if _, ok := p.ids[k.Value]; !ok {
			known := make(map[string]bool, len(p.ids))
			for id := range p.ids {
				known[id] = true
			}
			return nil, p.Errorf(k, "override.severity: no rule %q in this policy; rules: %s", k.Value, yamlfile.Keys(known))
		}
		var s Severity
		if err := p.severity(v, "override.severity."+k.Value, &s); err != nil {
			return nil, err
		}
		out[k.Value] = s
	}
	return out, nil
}

// slug turns a term or id into a rule name: lower-case letters, digits and
// dashes ("Strict supervision" -> "strict-supervision", "rockstar*" -> "rockstar").
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && isWordRune(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
