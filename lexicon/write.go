package lexicon

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WriteYAML writes l in the lexicon file format Parse reads, one entry per
// line in flow style as in the default lexicon. Entries keep their order
// within each dimension and pole; skip words and negation are written when
// they differ from the defaults. Parse of the output gives a lexicon that
// scores every text the same.
func WriteYAML(w io.Writer, l *Lexicon) error {
	root := &yaml.Node{Kind: yaml.MappingNode}
	put := func(m *yaml.Node, key string, value *yaml.Node) {
		m.Content = append(m.Content, str(key), value)
	}
	put(root, "name", str(l.Name))
	if l.Version != "" {
		put(root, "version", str(l.Version))
	}
	if l.Description != "" {
		put(root, "description", str(l.Description))
	}
	if !slices.Equal(l.Skip, DefaultSkip) {
		put(root, "skip", flowList(l.Skip))
	}
	if !slices.Equal(l.Agents, DefaultAgents) {
		put(root, "agents", flowList(l.Agents))
	}
	if l.Negation.Window != DefaultNegation.Window || !slices.Equal(l.Negation.Words, DefaultNegation.Words) ||
		!slices.Equal(l.Negation.Reversible, DefaultNegation.Reversible) || !slices.Equal(l.Negation.Except, DefaultNegation.Except) {
		put(root, "negation", negationNode(l.Negation))
	}
	dims := &yaml.Node{Kind: yaml.SequenceNode}
	for _, d := range l.Dimensions {
		dn := dimensionNode(d)
		entries := &yaml.Node{Kind: yaml.MappingNode}
		for _, p := range Poles {
			list := &yaml.Node{Kind: yaml.SequenceNode}
			for i := range l.Entries {
				if e := &l.Entries[i]; e.Dimension == d.Name && e.Pole == p && !e.Generated() {
					list.Content = append(list.Content, entryNode(e))
				}
			}
			if len(list.Content) > 0 {
				put(entries, p.String(), list)
			}
		}
		if len(entries.Content) > 0 {
			put(dn, "entries", entries)
		}
		dims.Content = append(dims.Content, dn)
	}
	if len(l.Sources) > 0 {
		put(root, "sources", sourcesNode(l.Sources))
	}
	put(root, "dimensions", dims)
	if len(l.Neutral) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode}
		for i := range l.Neutral {
			list.Content = append(list.Content, entryNode(&l.Neutral[i]))
		}
		put(root, "neutral", list)
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	if len(l.Files) > 0 {
		doc.HeadComment = "Written by leadlex from " + strings.Join(l.Files, ", ") + "."
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write lexicon: %w", err)
	}
	return enc.Close()
}

// dimensionNode is a dimension's name and descriptions, without entries.
func dimensionNode(d Dimension) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	n.Content = append(n.Content, str("name"), str(d.Name))
	for _, f := range [][2]string{{"description", d.Description}, {"leadership", d.Leadership}, {"management", d.Management}} {
		if f[1] != "" {
			n.Content = append(n.Content, str(f[0]), str(f[1]))
		}
	}
	return n
}

func sourcesNode(sources []Source) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range sources {
		n := &yaml.Node{Kind: yaml.MappingNode}
		n.Content = append(n.Content, str("file"), str(s.File), str("title"), str(s.Title))
		if s.FirstLine != "" {
			n.Content = append(n.Content, str("first_line"), str(s.FirstLine))
		}
		list.Content = append(list.Content, n)
	}
	return list
}

func negationNode(neg Negation) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str("window"), {Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(neg.Window)},
		str("words"), flowList(neg.Words),
		str("reversible"), flowList(neg.Reversible),
		str("except"), flowList(neg.Except),
	}}
}

func entryNode(e *Entry) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	add := func(k string, v *yaml.Node) { n.Content = append(n.Content, str(k), v) }
	add("term", str(e.Term))
	if e.Weight != 1 {
		add("weight", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: FormatWeight(e.Weight)})
	}
	if e.Exact {
		add("exact", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if e.Subject {
		add("subject", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if e.Note != "" {
		add("note", str(e.Note))
	}
	if len(e.Context) > 0 {
		add("context", contextNode(e.Context))
	}
	if e.Source != "" {
		add("source", str(e.Source))
	}
	if e.Phrase != "" {
		add("phrase", str(e.Phrase))
	}
	if e.Derived != "" {
		add("derived", str(e.Derived))
		add("statistic", str(e.Statistic))
	}
	return n
}

func contextNode(rules []ContextRule) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, r := range rules {
		n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		if len(r.Before) > 0 {
			n.Content = append(n.Content, str("before"), flowList(r.Before))
		}
		if len(r.After) > 0 {
			n.Content = append(n.Content, str("after"), flowList(r.After))
		}
		n.Content = append(n.Content, str("pole"), str(r.Pole))
		if r.Weight > 0 {
			n.Content = append(n.Content, str("weight"), &yaml.Node{Kind: yaml.ScalarNode, Value: FormatWeight(r.Weight)})
		}
		list.Content = append(list.Content, n)
	}
	return list
}

// str is a string scalar, quoted by the encoder when YAML would read it as
// something else ("1.0", "yes", "a: b").
func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func flowList(words []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, w := range words {
		n.Content = append(n.Content, str(w))
	}
	return n
}

// FormatWeight renders a weight in its shortest exact form: 1, 0.5, 1.25.
func FormatWeight(w float64) string {
	return strconv.FormatFloat(w, 'g', -1, 64)
}

// CSVHeader is the header row WriteCSV writes.
var CSVHeader = []string{"dimension", "pole", "term", "kind", "weight", "exact", "source", "phrase", "derived", "statistic", "note", "file", "line"}

// WriteCSV writes one row per entry (see CSVHeader), ordered by dimension,
// pole and term, for spreadsheets and review. The phrases context rules add
// are rows too, their note naming the rule.
func WriteCSV(w io.Writer, l *Lexicon) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, e := range l.SortedEntries() {
		line := ""
		if e.Line > 0 {
			line = strconv.Itoa(e.Line)
		}
		row := []string{e.Dimension, e.Pole.String(), e.Term, string(e.Kind()), FormatWeight(e.Weight),
			strconv.FormatBool(e.Exact), e.Source, e.Phrase, e.Derived, e.Statistic, e.Note, e.File, line}
		if e.Generated() {
			row[10] = e.Rule // the phrase comes from a context rule: say which
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
