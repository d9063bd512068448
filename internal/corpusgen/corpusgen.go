// Package corpusgen generates deterministic synthetic corpora for
// benchmarks and load tests: a seeded mix of leadership, management and
// neutral sentences in several styles (prose, bullet lists, questions,
// numbers, quotes), with document sizes from a few hundred bytes to tens of
// kilobytes and, now and then, a very large file. Besides a small working
// vocabulary, sentences carry details drawn from a long tail as real text
// does: names of people, places and products from a Zipf-distributed
// vocabulary of half a million made-up words, amounts, dates and reference
// numbers, so that about one token in ten is rare and caches keyed by words
// see realistic misses.
package corpusgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Options shape a generated corpus.
type Options struct {
	Seed     uint64
	MinBytes int // smallest ordinary document (default 200)
	MaxBytes int // largest ordinary document (default 20 KB)
	// LargeEvery makes every n-th document very large (LargeBytes); 0 never.
	LargeEvery int
	LargeBytes int // default 4 MB
}

func (o *Options) defaults() {
	if o.MinBytes <= 0 {
		o.MinBytes = 200
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 20 << 10
	}
	if o.LargeBytes <= 0 {
		o.LargeBytes = 4 << 20
	}
}

// Generator produces documents one after another; the n-th document
// depends only on the seed and n.
type Generator struct {
	opt Options
	n   int
}

// New returns a generator.
func New(opt Options) *Generator {
	opt.defaults()
	return &Generator{opt: opt}
}

// Doc is one generated document.
type Doc struct {
	Name string // relative path, e.g. "0003/doc-003141.md"
	Text string
}

// Next returns the next document.
func (g *Generator) Next() Doc {
	i := g.n
	g.n++
	r := rand.New(rand.NewPCG(g.opt.Seed, uint64(i)))
	size := logUniform(r, g.opt.MinBytes, g.opt.MaxBytes)
	if g.opt.LargeEvery > 0 && i%g.opt.LargeEvery == g.opt.LargeEvery-1 {
		size = g.opt.LargeBytes
	}
	ext := "txt"
	if r.IntN(4) == 0 {
		ext = "md"
	}
	return Doc{Name: fmt.Sprintf("%04d/doc-%06d.%s", i/1000, i, ext), Text: document(r, size, ext == "md")}
}

func logUniform(r *rand.Rand, lo, hi int) int {
	return int(math.Exp(math.Log(float64(lo)) + r.Float64()*(math.Log(float64(hi))-math.Log(float64(lo)))))
}

// document writes paragraphs until the text reaches size bytes. Each
// document leans one way (leadership, management or neutral) so corpora
// have a spread of labels.
func document(r *rand.Rand, size int, markdown bool) string {
	var b strings.Builder
	b.Grow(size + 512)
	lean := r.IntN(3)
	if markdown {
		fmt.Fprintf(&b, "# %s\n\n", title(r))
	}
	for b.Len() < size {
		switch style := r.IntN(10); {
		case style < 6:
			paragraph(r, &b, lean, 2+r.IntN(5))
		case style < 8:
			list(r, &b, lean, markdown)
		case style < 9:
			fmt.Fprintf(&b, "%s?\n\n", strings.TrimSuffix(sentence(r, lean), "."))
		default:
			fmt.Fprintf(&b, "In %d the team %s %d%% of %s, and \u201c%s\u201d was the word on the floor.\n\n",
				2000+r.IntN(30), pick(r, numberVerbs), r.IntN(100), pick(r, neutralObjects), pick(r, quotes))
		}
	}
	return b.String()
}

func paragraph(r *rand.Rand, b *strings.Builder, lean, n int) {
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sentence(r, lean))
	}
	b.WriteString("\n\n")
}

func list(r *rand.Rand, b *strings.Builder, lean int, markdown bool) {
	b.WriteString(title(r) + ":\n")
	marker := "- "
	if !markdown && r.IntN(2) == 0 {
		marker = "\u2022 "
	}
	for range 3 + r.IntN(4) {
		b.WriteString(marker + strings.TrimSuffix(clause(r, register(r, lean)), ".") + "\n")
	}
	b.WriteString("\n")
}

// register picks which word lists a clause uses: mostly the document's lean.
func register(r *rand.Rand, lean int) int {
	if r.IntN(10) < 6 {
		return lean
	}
	return r.IntN(3)
}

func sentence(r *rand.Rand, lean int) string {
	s := clause(r, register(r, lean))
	switch r.IntN(4) {
	case 0:
		s = strings.TrimSuffix(s, ".") + ", " + pick(r, connectors) + " " + lowerFirst(clause(r, register(r, lean)))
	case 1:
		s = strings.TrimSuffix(s, ".") + " " + pick(r, tails) + "."
	}
	if r.IntN(3) > 0 {
		s = strings.TrimSuffix(s, ".") + " " + detail(r) + "."
	}
	return s
}

// detail is a phrase with rare words: a name, a place, a product, an amount,
// a date or a reference number.
func detail(r *rand.Rand) string {
	z := rand.NewZipf(r, 1.07, 2, rareWords-1)
	word := func() string { return madeUpWord(z.Uint64()) }
	name := func() string { return upperFirst(word()) }
	switch r.IntN(8) {
	case 0:
		return fmt.Sprintf("with %s %s from %s", name(), name(), name())
	case 1:
		return fmt.Sprintf("for the %s %s account", name(), word())
	case 2:
		return fmt.Sprintf("near %s, about $%d,%03d a year", name(), 10+r.IntN(190), r.IntN(1000))
	case 3:
		return fmt.Sprintf("(ref. %c%c-%05d)", 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)), r.IntN(100000))
	case 4:
		return fmt.Sprintf("by %d/%02d/%d", 1+r.IntN(28), 1+r.IntN(12), 2000+r.IntN(30))
	case 5:
		return fmt.Sprintf("using the %s-%s %s", word(), word(), word())
	case 6:
		return fmt.Sprintf("as %s's %s team said", name(), word())
	}
	return fmt.Sprintf("in %s and %s", name(), word())
}

// rareWords is the size of the long-tail vocabulary.
const rareWords = 500_000

var syllables = []string{"ka", "lo", "ven", "mar", "ti", "sol", "ber", "an", "ex", "qui", "ro", "del",
	"fen", "isk", "ur", "pa", "nor", "gal", "emi", "tor", "vy", "os", "lund", "che"}

// madeUpWord spells rank k of the long-tail vocabulary: its digits in base
// len(syllables), one syllable each.
func madeUpWord(k uint64) string {
	var b strings.Builder
	n := uint64(len(syllables))
	for {
		b.WriteString(syllables[k%n])
		k /= n
		if k == 0 {
			break
		}
	}
	if b.Len() < 4 {
		b.WriteString("ren")
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func clause(r *rand.Rand, reg int) string {
	v := [3][]string{leadVerbs, mgmtVerbs, neutralVerbs}[reg]
	o := [3][]string{leadObjects, mgmtObjects, neutralObjects}[reg]
	return strings.Join(strings.Fields(fmt.Sprintf("%s %s %s %s.", pick(r, subjects), pick(r, v), pick(r, adjectives), pick(r, o))), " ")
}

func title(r *rand.Rand) string {
	return pick(r, titles)
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

var (
	subjects = []string{"We", "The team", "Our group", "Every person here", "The new hire", "This role", "The department",
		"Our crew", "The committee", "Each shift", "The studio", "Our partners", "The board", "She", "He", "They"}
	leadVerbs = []string{"inspires", "imagines", "champions", "rallies people around", "reimagines", "challenges",
		"paints a picture of", "empowers others to shape", "takes bold bets on", "builds trust around", "envisions",
		"sets the direction for", "motivates colleagues toward", "experiments with", "transforms", "pioneers"}
	leadObjects = []string{"a shared purpose", "the long-term future", "new possibilities", "a culture of curiosity",
		"the status quo", "a bold vision", "uncharted markets", "meaningful change", "the mission", "breakthrough ideas",
		"the next decade", "our core values", "a sense of belonging", "emerging opportunities", "the big picture"}
	mgmtVerbs = []string{"tracks", "schedules", "monitors", "reconciles", "documents", "audits", "allocates",
		"reviews", "approves", "enforces", "files", "updates", "coordinates", "budgets for", "reports on", "checks"}
	mgmtObjects = []string{"the weekly timesheets", "every purchase order", "the quarterly budget", "compliance checklists",
		"the shift rota", "daily status reports", "the procedures manual", "variance against forecast", "headcount costs",
		"each deadline", "the inventory counts", "standard operating procedures", "KPIs on the dashboard", "invoices"}
	neutralVerbs = []string{"describes", "mentions", "prints", "opens", "paints", "carries", "orders", "visits",
		"photographs", "measures", "reads", "cooks", "repairs", "moves", "waters", "sorts"}
	neutralObjects = []string{"the lunch menu", "a blue bicycle", "the parking garage", "fresh bread", "the old library",
		"a set of chairs", "the river path", "the coffee machine", "tomato soup", "the spring catalogue", "a wooden desk",
		"the train timetable", "a pair of boots", "the garden shed", "printer paper"}
	adjectives = []string{"", "", "", "really", "carefully", "quickly", "quietly", "openly", "often", "always",
		"patiently", "rarely", "gladly", "once again", "well-known", "day-to-day", "long-standing"}
	connectors = []string{"and", "while", "because", "so", "but", "although", "whereas", "since"}
	tails      = []string{"every Monday", "before noon", "across three sites", "with the finance office",
		"in the north wing", "for the coming year", "without fuss", "on the shared drive", "by Friday", "at every level"}
	titles = []string{"What you will do", "About the team", "Weekly update", "Notes from the offsite", "Key duties",
		"Why join us", "Operations memo", "Our next chapter", "Status report", "Working here"}
	numberVerbs = []string{"cut", "grew", "reviewed", "moved", "sold", "checked", "rebuilt"}
	quotes      = []string{"onwards", "on time", "why not", "steady", "let's go", "by the book", "think bigger"}
)
