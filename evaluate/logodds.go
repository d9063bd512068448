package evaluate

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/stem"
)

// Counts holds how often each term (a stem, or stems joined by spaces for
// n-grams) occurs in one set of texts, with the surface forms it was
// written in and the first place it was seen.
type Counts struct {
	Texts   int            // texts added
	Tokens  int            // word tokens counted (unigrams)
	Terms   map[string]int // term -> occurrences
	InTexts map[string]int // term -> texts it occurs in

	forms    map[string]map[string]int // term -> surface form (lower case) -> occurrences
	examples map[string]Evidence       // term -> first occurrence
	toks     []pipeline.Token
}

// Evidence is a verbatim snippet of an input text around a term, and where
// the text came from.
type Evidence struct {
	Source  string // Example.Location of the text
	Snippet string // the words around the first occurrence, as written
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{Terms: map[string]int{}, InTexts: map[string]int{}, forms: map[string]map[string]int{}, examples: map[string]Evidence{}}
}

// CountOptions say which terms Add counts.
type CountOptions struct {
	MaxN int             // longest n-gram counted; 1 counts single stems only
	Stop map[string]bool // lower-case words that do not start or end a term
}

// DefaultStop lists function words that never start or end a derived term:
// they are frequent on both sides and make poor lexicon entries.
var DefaultStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the our your their its his her my this that these those some any
		and or but nor so yet of to in on at by for from with into onto over under about as than then
		is are was were be been being am do does did have has had will would shall should can could may might must
		i we you he she it they me us him them who whom whose which what when where why how
		not no all each every both either neither there here also just very more most less much many such own
		s t ll re ve d m`) {
		m[w] = true
	}
	return m
}()

// Add counts the words of text: stems as pipeline scoring computes them
// (pipeline.Tokenize, then stem.Stem on the lower-cased word), and
// n-grams of consecutive words up to opt.MaxN that punctuation does not
// interrupt. Numbers and words with characters other than letters and
// apostrophes are left out and end n-grams; role words (leader, manage, …)
// are never counted, since a job title must not decide a score.
func (c *Counts) Add(text, source string, opt CountOptions) {
	c.Texts++
	c.toks = pipeline.Tokenize(c.toks[:0], text)
	maxN := max(opt.MaxN, 1)
	type word struct {
		lower, stem string
		start, end  int
	}
	var run []word // words since the last break
	seen := map[string]bool{}
	flush := func() { run = run[:0] }
	for _, t := range c.toks {
		lower := strings.ToLower(t.Text)
		if !t.Word || !isPlainWord(lower) {
			flush()
			continue
		}
		if lexicon.IsRoleWord(lower) {
			flush()
			continue
		}
		stem := stem.Stem(lower)
		c.Tokens++
		run = append(run, word{lower, stem, t.Start, t.End})
		// Count every n-gram that ends at this word.
		for n := 1; n <= maxN && n <= len(run); n++ {
			gram := run[len(run)-n:]
			if opt.Stop[gram[0].lower] || opt.Stop[gram[n-1].lower] {
				continue
			}
			stems := make([]string, n)
			lowers := make([]string, n)
			for i, w := range gram {
				stems[i], lowers[i] = w.stem, w.lower
			}
			term := strings.Join(stems, " ")
			c.Terms[term]++
			if !seen[term] {
				seen[term] = true
				c.InTexts[term]++
			}
			f := c.forms[term]
			if f == nil {
				f = map[string]int{}
				c.forms[term] = f
			}
			f[strings.Join(lowers, " ")]++
			if _, ok := c.examples[term]; !ok {
				c.examples[term] = Evidence{Source: source, Snippet: snippet(text, gram[0].start, gram[n-1].end)}
			}
		}
	}
}

// isPlainWord accepts words of letters with inner apostrophes: the terms a
// lexicon entry can hold.
func isPlainWord(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '\'':
		default:
			return false
		}
	}
	return letters > 1
}

// snippet returns up to about four words either side of text[start:end],
// cut at spaces and kept inside one line and sentence.
func snippet(text string, start, end int) string {
	const span = 4
	lo := start
	for words := 0; lo > 0 && words <= span; {
		r := text[lo-1]
		if r == '\n' || r == '.' || r == '!' || r == '?' || r == ';' {
			break
		}
		if r == ' ' {
			if words++; words > span {
				break
			}
		}
		lo--
	}
	hi := end
	for words := 0; hi < len(text) && words < span; {
		r := text[hi]
		if r == '\n' || r == '.' || r == '!' || r == '?' || r == ';' {
			break
		}
		hi++
		if r == ' ' && hi < len(text) && text[hi] != ' ' {
			words++
		}
	}
	return strings.TrimFunc(text[lo:hi], func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
}

// Form returns the most frequent surface form of a term (ties: the
// alphabetically first), which stems back to the term.
func (c *Counts) Form(term string) string {
	best, n := "", 0
	for f, k := range c.forms[term] {
		if k > n || k == n && f < best {
			best, n = f, k
		}
	}
	return best
}

// Example returns where term was first seen.
func (c *Counts) Example(term string) Evidence { return c.examples[term] }

// TermScore is one term's weighted log-odds ratio between two sets.
type TermScore struct {
	Term  string  // stems, space-separated
	Delta float64 // log-odds ratio, A versus B, with the prior
	Z     float64 // Delta over its standard error; positive favours A
	A, B  int     // occurrences in A and in B
}

// LogOdds ranks the terms of two sets with the weighted log-odds ratio and
// an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
// "Fightin' Words", eq. 16 and 18). For term w with counts y_a, y_b in sets
// of n_a, n_b counts in all, and prior α_w = α0·(y_a+y_b)/(n_a+n_b):
//
//	δ_w = log((y_a+α_w)/(n_a+α0−y_a−α_w)) − log((y_b+α_w)/(n_b+α0−y_b−α_w))
//	σ²_w ≈ 1/(y_a+α_w) + 1/(y_b+α_w),   z_w = δ_w/σ_w
//
// Terms counted fewer than minCount times in both sets are left out. The
// result is ordered by z, most typical of a first; ties by term.
func LogOdds(a, b map[string]int, alpha0 float64, minCount int) []TermScore {
	na, nb := float64(total(a)), float64(total(b))
	if na+nb == 0 || alpha0 <= 0 {
		return nil
	}
	ca, cb := a, b
	var out []TermScore
	add := func(term string) {
		ya, yb := float64(ca[term]), float64(cb[term])
		if int(ya+yb) < minCount {
			return
		}
		aw := alpha0 * (ya + yb) / (na + nb)
		delta := math.Log((ya+aw)/(na+alpha0-ya-aw)) - math.Log((yb+aw)/(nb+alpha0-yb-aw))
		variance := 1/(ya+aw) + 1/(yb+aw)
		out = append(out, TermScore{Term: term, Delta: delta, Z: delta / math.Sqrt(variance), A: int(ya), B: int(yb)})
	}
	for term := range ca {
		add(term)
	}
	for term := range cb {
		if _, ok := ca[term]; !ok {
			add(term)
		}
	}
	slices.SortFunc(out, func(x, y TermScore) int {
		if c := cmp.Compare(y.Z, x.Z); c != 0 {
			return c
		}
		return cmp.Compare(x.Term, y.Term)
	})
	return out
}

func total(m map[string]int) int {
	n := 0
	for _, k := range m {
		n += k
	}
	return n
}
