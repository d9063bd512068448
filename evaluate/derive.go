package evaluate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/leadlex/leadlex/lexicon"
)

// Unit is what Derive counts per term.
type Unit int

// The units Derive can count.
const (
	// ByText counts the texts a term occurs in, so that one text repeating
	// a word cannot make it typical of its set.
	ByText Unit = iota
	// ByOccurrence counts every occurrence, as Monroe et al. do.
	ByOccurrence
)

// DeriveOptions control Derive.
type DeriveOptions struct {
	Count CountOptions
	Unit  Unit
	// Prior is α0, the total pseudo-count of the informative Dirichlet
	// prior; each term's share of it is its share of the pooled counts.
	// 0 means the pooled count itself: each term's prior pseudo-count is
	// its count in both sets together.
	Prior float64
	// MinCount leaves out terms counted fewer times in both sets together.
	MinCount int
}

// Derived holds the term counts of the two poles and every term's
// weighted log-odds score, leadership versus management.
type Derived struct {
	Poles  [2]*Counts  // indexed by lexicon.Pole
	Prior  float64     // α0 used
	Scores []TermScore // z > 0 favours leadership; most leadership-typical first
}

// Derive counts the terms of leadership and management examples (labels
// must be one of those two) and scores every term with LogOdds.
func Derive(examples []Example, opt DeriveOptions) (*Derived, error) {
	d := &Derived{Poles: [2]*Counts{NewCounts(), NewCounts()}}
	for _, e := range examples {
		p, err := lexicon.ParsePole(e.Label)
		if err != nil {
			return nil, fmt.Errorf("%s: label %q: expected leadership or management", e.Location(), e.Label)
		}
		d.Poles[p].Add(e.Text, e.Location(), opt.Count)
	}
	for _, p := range lexicon.Poles {
		if d.Poles[p].Texts == 0 {
			return nil, fmt.Errorf("no %s texts: derive needs texts of both poles", p)
		}
	}
	a, b := d.Poles[lexicon.Leadership].InTexts, d.Poles[lexicon.Management].InTexts
	if opt.Unit == ByOccurrence {
		a, b = d.Poles[lexicon.Leadership].Terms, d.Poles[lexicon.Management].Terms
	}
	d.Prior = opt.Prior
	if d.Prior <= 0 {
		d.Prior = float64(total(a) + total(b))
	}
	d.Scores = LogOdds(a, b, d.Prior, opt.MinCount)
	return d, nil
}

// PoleTerm is a term typical of one pole: its z-score for that pole
// (positive), its counts and how it is usually written.
type PoleTerm struct {
	TermScore
	Pole     lexicon.Pole
	Form     string   // most frequent surface form; stems to Term
	Evidence Evidence // first occurrence in the pole's texts
}

// Top returns the n terms most typical of pole with z above minZ, most
// typical first; Z is turned to favour the pole (positive).
func (d *Derived) Top(pole lexicon.Pole, n int, minZ float64) []PoleTerm {
	scores := slices.Clone(d.Scores)
	if pole == lexicon.Management {
		slices.Reverse(scores)
	}
	var out []PoleTerm
	for _, s := range scores {
		if len(out) >= n {
			break
		}
		if pole == lexicon.Management {
			s.Z, s.Delta = -s.Z, -s.Delta
		}
		if s.Z <= minZ {
			break
		}
		c := d.Poles[pole]
		out = append(out, PoleTerm{TermScore: s, Pole: pole, Form: c.Form(s.Term), Evidence: c.Example(s.Term)})
	}
	return out
}

// Lexicon turns the top n terms of each pole (z above minZ) into a lexicon
// ready to edit: one dimension, each entry's provenance derived (the input
// files and the z-score with the counts behind it), its note the text it
// was first seen in. No words of the inputs are copied into the entries.
// Terms whose keys collide (a phrase and the same phrase with a determiner)
// keep the stronger one.
func (d *Derived) Lexicon(name, dimension string, n int, minZ float64, inputs []string) *lexicon.Lexicon {
	l := &lexicon.Lexicon{
		Name:        name,
		Version:     "0.1.0",
		Description: "Proposed by leadlex derive from " + strings.Join(inputs, " and ") + ". Review every entry before use.",
		Dimensions: []lexicon.Dimension{{
			Name:        dimension,
			Description: "Terms whose use differs most between the two labelled sets (weighted log-odds, informative Dirichlet prior).",
			Leadership:  "typical of the leadership texts",
			Management:  "typical of the management texts",
		}},
		Skip:     lexicon.DefaultSkip,
		Agents:   lexicon.DefaultAgents,
		Negation: lexicon.DefaultNegation,
		Files:    inputs,
	}
	skip := l.SkipSet()
	type pick struct {
		t PoleTerm
		z float64
	}
	keys := map[string]int{} // key -> index into picks
	var picks []pick
	for _, p := range lexicon.Poles {
		for _, t := range d.Top(p, n, minZ) {
			e := lexicon.Entry{Term: t.Form}
			k := e.Key(skip)
			if i, ok := keys[k]; ok {
				if t.Z > picks[i].z {
					picks[i] = pick{t, t.Z}
				}
				continue
			}
			keys[k] = len(picks)
			picks = append(picks, pick{t, t.Z})
		}
	}
	for _, p := range picks {
		t := p.t
		l.Entries = append(l.Entries, lexicon.Entry{
			Term: t.Form, Dimension: dimension, Pole: t.Pole, Weight: 1,
			Derived: strings.Join(inputs, ", "),
			Statistic: fmt.Sprintf("weighted log-odds z = %.2f; %d in %s texts, %d in %s texts", t.Z,
				t.Count(t.Pole), t.Pole, t.Count(1-t.Pole), 1-t.Pole),
			Note: "first seen at " + t.Evidence.Source,
		})
	}
	return l
}

// Count is the term's occurrences in the texts of pole p.
func (t *PoleTerm) Count(p lexicon.Pole) int {
	if p == lexicon.Leadership {
		return t.A
	}
	return t.B
}

// Words is how many word tokens a pole's texts held (for reports).
func (d *Derived) Words(p lexicon.Pole) int { return d.Poles[p].Tokens }
