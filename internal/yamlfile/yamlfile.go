// Package yamlfile reads the YAML files leadlex takes as input — lexicons
// and check policies — strictly: every error names the file, line and
// column, unknown and repeated keys are rejected with the keys that were
// expected, and aliases are not supported (each value is written out where
// it is used).
package yamlfile

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Node is a parsed YAML node with its line and column.
type Node = yaml.Node

// Error is a problem in a YAML input file, with the place it was found.
type Error struct {
	File   string
	Line   int // 1-based; 0 when unknown
	Column int // 1-based; 0 when unknown
	Msg    string
}

// Error formats the problem as file:line:col: message.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// Handlers maps each key a mapping may hold to the function that reads its
// value.
type Handlers map[string]func(*Node) error

// File reads one named YAML file; its methods make errors that name it.
type File struct {
	Name string
}

// Errorf returns an *Error at n's line and column (none when n is nil).
func (f File) Errorf(n *Node, format string, args ...any) error {
	e := &Error{File: f.Name, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Document parses data and returns its top-level node. want says what the
// file should hold ("a lexicon with name, version and dimensions"), for the
// message when the file is empty. Syntax errors carry their line; an alias
// anywhere in the document is an error at its place.
func (f File) Document(data []byte, want string) (*Node, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: f.Name, Msg: "file is empty; expected " + want}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, &Error{File: f.Name, Line: line, Msg: "invalid YAML: " + m[2]}
		}
		return nil, &Error{File: f.Name, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return nil, &Error{File: f.Name, Msg: "file is empty; expected " + want}
	}
	if err := f.noAliases(&doc); err != nil {
		return nil, err
	}
	return doc.Content[0], nil
}

// noAliases refuses the first alias (*name) in the tree under n. An alias
// points back at an anchored node, so the walk never follows one and ends.
func (f File) noAliases(n *Node) error {
	if n.Kind == yaml.AliasNode {
		return f.Errorf(n, "aliases are not supported (*%s): write the value out where it is used", n.Value)
	}
	for _, c := range n.Content {
		if err := f.noAliases(c); err != nil {
			return err
		}
	}
	return nil
}

// Fields walks the mapping n and hands each key's value to its handler.
// A node that is not a mapping, an unknown key and a repeated key are
// errors naming what (the mapping's name in messages) and the expected keys.
func (f File) Fields(n *Node, what string, handlers Handlers) error {
	if n.Kind != yaml.MappingNode {
		return f.Errorf(n, "%s: expected a mapping (key: value) with %s", what, Keys(handlers))
	}
	// Only known keys get in and a repeated one ends the walk, so seen
	// holds at most len(handlers) keys: a slice on the stack, not a map
	// per mapping (one per lexicon entry).
	var seenKeys [16]string
	seen := seenKeys[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		switch {
		case !ok:
			return f.Errorf(k, "%s: unknown field %q; expected one of %s", what, k.Value, Keys(handlers))
		case slices.Contains(seen, k.Value):
			return f.Errorf(k, "%s: field %q appears twice", what, k.Value)
		}
		seen = append(seen, k.Value)
		if err := h(v); err != nil {
			return err
		}
	}
	return nil
}

// Keys returns m's keys sorted and joined with ", ", for messages.
func Keys[V any](m map[string]V) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// Node kinds, so that callers need not import the YAML module.
const (
	Mapping  = yaml.MappingNode
	Sequence = yaml.SequenceNode
	Scalar   = yaml.ScalarNode
)
