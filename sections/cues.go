package sections

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

//go:embed cues.txt
var cuesText string

// cues is the compiled cue table of cues.txt.
var cues = mustCompileCues(cuesText)

// cueTable is a trie of cue phrases over word codes: every word that
// appears in a cue has a code from 1 up; all other words are 0 and can
// neither start nor continue a cue, so a sentence is mostly skipped.
type cueTable struct {
	vocab        map[string]uint16 // word -> code
	root         []*cueNode        // by the code of a cue's first word
	headingWords map[string]bool   // first words of heading cues, for glued headings
}

type cueNode struct {
	next    []cueEdge // sorted by code
	cue     bool
	kind    Kind
	weight  float64
	heading bool
}

type cueEdge struct {
	code uint16
	to   *cueNode
}

// GlueCode is the code of a token that holds several words run together
// (see Code); the Tracker splits it.
const GlueCode = ^uint16(0)

func mustCompileCues(text string) *cueTable {
	t, err := compileCues(text)
	if err != nil {
		panic("sections: cues.txt: " + err.Error())
	}
	return t
}

// compileCues reads lines of the form "kind weight word…" or
// "kind:heading weight word…"; # starts a comment.
func compileCues(text string) (*cueTable, error) {
	t := &cueTable{vocab: map[string]uint16{}, headingWords: map[string]bool{}}
	root := &cueNode{}
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
		node := root
		for _, word := range f[2:] {
			if len(t.vocab) >= int(GlueCode)-1 {
				return nil, fmt.Errorf("line %d: too many distinct words", n+1)
			}
			code, ok := t.vocab[word]
			if !ok {
				code = uint16(len(t.vocab) + 1)
				t.vocab[word] = code
			}
			node = node.child(code)
		}
		if node.cue {
			return nil, fmt.Errorf("line %d: phrase %q is listed twice", n+1, strings.Join(f[2:], " "))
		}
		node.cue, node.kind, node.weight, node.heading = true, kind, w, heading
		if heading {
			t.headingWords[f[2]] = true
		}
	}
	t.root = make([]*cueNode, len(t.vocab)+1)
	for _, e := range root.next {
		t.root[e.code] = e.to
	}
	return t, nil
}

func (n *cueNode) child(code uint16) *cueNode {
	i, found := slices.BinarySearchFunc(n.next, code, func(e cueEdge, c uint16) int { return int(e.code) - int(c) })
	if found {
		return n.next[i].to
	}
	c := &cueNode{}
	n.next = slices.Insert(n.next, i, cueEdge{code, c})
	return c
}

func (n *cueNode) step(code uint16) *cueNode {
	for _, e := range n.next {
		if e.code == code {
			return e.to
		}
	}
	return nil
}

// Code returns the code of a token for SentenceCodes: 0 for a word no cue
// uses (most words), GlueCode for a token that holds words run together,
// and the cue word's code otherwise. lower is the token lower-cased. A
// caller that meets the same token often can keep its code.
func Code(tok, lower string) uint16 {
	if hasGlue(tok) && len(lower) == len(tok) {
		return GlueCode
	}
	return cues.vocab[normalise(lower)]
}

// scan adds the weight of every cue phrase found in codes to sc, taking
// the longest cue at each position and going on after it.
func (t *cueTable) scan(codes []uint16, sc *scores) {
	sc.heading = -1
	for i := 0; i < len(codes); {
		best, end := t.longest(codes, i)
		if best == nil {
			i++
			continue
		}
		// A heading counts fully, and carries over to later sentences, only
		// where it stands as one: at the start of the part, before a colon,
		// or alone; elsewhere it is an ordinary word ("keep the schedule").
		standing := i == 0 || len(codes) <= 8 || end < len(codes) && codes[end] == t.vocab[":"]
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

// longest returns the cue of the longest phrase starting at codes[i] and
// the index after it, or nil.
func (t *cueTable) longest(codes []uint16, i int) (*cueNode, int) {
	c := codes[i]
	if c == 0 || int(c) >= len(t.root) || t.root[c] == nil {
		return nil, i
	}
	var best *cueNode
	end := i
	for n, j := t.root[c], i+1; n != nil; j++ {
		if n.cue {
			best, end = n, j
		}
		if j >= len(codes) || codes[j] == 0 {
			break
		}
		n = n.step(codes[j])
	}
	return best, end
}
