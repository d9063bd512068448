package sections

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed cues.txt
var cuesText string

// cues is the compiled cue table of cues.txt.
var cues = mustCompileCues(cuesText)

// cueTable is a trie of cue phrases over normalised words.
type cueTable struct {
	root         *cueNode
	headingWords map[string]bool // first words of heading cues, for glued headings
}

type cueNode struct {
	next    map[string]*cueNode
	prefix  []cuePrefix
	cue     bool
	kind    Kind
	weight  float64
	heading bool
}

type cuePrefix struct {
	prefix string
	to     *cueNode
}

func mustCompileCues(text string) *cueTable {
	t, err := compileCues(text)
	if err != nil {
		panic("sections: cues.txt: " + err.Error())
	}
	return t
}

// compileCues reads lines of the form "kind weight word…" or
// "kind:heading weight word…"; a word ending in * matches any word it
// starts, and # starts a comment.
func compileCues(text string) (*cueTable, error) {
	t := &cueTable{root: &cueNode{}, headingWords: map[string]bool{}}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return nil, fmt.Errorf("line %d: want kind, weight and a phrase", n+1)
		}
		name, heading := strings.CutSuffix(f[0], ":heading")
		kind, err := ParseKind(name)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		w, err := strconv.ParseFloat(f[1], 64)
		if err != nil || w <= 0 {
			return nil, fmt.Errorf("line %d: weight %q: want a positive number", n+1, f[1])
		}
		node := t.root
		for _, word := range f[2:] {
			node = node.child(word)
		}
		if node.cue {
			return nil, fmt.Errorf("line %d: phrase %q is listed twice", n+1, strings.Join(f[2:], " "))
		}
		node.cue, node.kind, node.weight, node.heading = true, kind, w, heading
		if heading {
			t.headingWords[strings.TrimSuffix(f[2], "*")] = true
		}
	}
	return t, nil
}

func (n *cueNode) child(word string) *cueNode {
	if p, ok := strings.CutSuffix(word, "*"); ok {
		for _, e := range n.prefix {
			if e.prefix == p {
				return e.to
			}
		}
		c := &cueNode{}
		n.prefix = append(n.prefix, cuePrefix{p, c})
		return c
	}
	if n.next == nil {
		n.next = map[string]*cueNode{}
	}
	c, ok := n.next[word]
	if !ok {
		c = &cueNode{}
		n.next[word] = c
	}
	return c
}

// scan adds the weight of every cue phrase found in words to sc, taking
// the longest cue at each position and going on after it.
func (t *cueTable) scan(words []string, sc *scores) {
	sc.heading = -1
	for i := 0; i < len(words); {
		best, end := t.longest(words, i)
		if best == nil {
			i++
			continue
		}
		// A heading counts fully, and carries over to later sentences, only
		// where it stands as one: at the start of the part, before a colon,
		// or alone; elsewhere it is an ordinary word ("keep the schedule").
		standing := i == 0 || len(words) <= 8 || end < len(words) && words[end] == ":"
		switch {
		case best.heading && best.kind == Role:
			sc.weight[Role]++ // a role heading names the section more than it describes the role
		case best.heading && !standing:
			sc.weight[best.kind] += min(best.weight, 0.5)
		default:
			sc.weight[best.kind] += best.weight
		}
		if best.heading && standing {
			sc.heading = int(best.kind)
		}
		i = end
	}
}

// longest returns the cue of the longest phrase starting at words[i] and
// the index after it, or nil.
func (t *cueTable) longest(words []string, i int) (*cueNode, int) {
	m := cueMatch{end: i}
	m.walk(t.root, words, i)
	return m.best, m.end
}

type cueMatch struct {
	best *cueNode
	end  int
}

func (m *cueMatch) walk(n *cueNode, words []string, j int) {
	if n.cue && j > m.end {
		m.best, m.end = n, j
	}
	if j >= len(words) {
		return
	}
	if c, ok := n.next[words[j]]; ok {
		m.walk(c, words, j+1)
	}
	for _, e := range n.prefix {
		if strings.HasPrefix(words[j], e.prefix) {
			m.walk(e.to, words, j+1)
		}
	}
}
