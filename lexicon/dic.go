package lexicon

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/leadlex/leadlex/internal/yamlfile"
	"github.com/leadlex/leadlex/stem"
	"go.yaml.in/yaml/v3"
)

// Dic is a LIWC-style dictionary: categories declared between two lines
// holding only "%", then one entry per line, a word, a phrase or a
// "word*" wildcard followed by the IDs of its categories.
//
//	%
//	1	vision_leadership
//	2	vision_management
//	%
//	big picture	1
//	innovat*	1
//	budget	2
type Dic struct {
	File       string
	Categories []DicCategory
	Entries    []DicEntry
}

// DicCategory is one category of the header: "1	posemo (Positive emotion)".
type DicCategory struct {
	ID          string // first field, usually a number
	Name        string // second field
	Description string // the rest of the line, if any
	Line        int
}

// DicEntry is one line after the header: a term and its category IDs.
type DicEntry struct {
	Term       string
	Categories []string // IDs, as written
	Line       int
}

// ParseDic reads a LIWC-style .dic file. A line with tabs is split at tabs
// (the term is the first field, so phrases may hold spaces); a line without
// tabs is split at spaces, and its term is every word before the first
// category ID. Errors name the file and line.
func ParseDic(file string, data []byte) (*Dic, error) {
	r := &dicReader{
		dic:   &Dic{File: file},
		ids:   map[string]int{},
		names: map[string]int{},
		terms: map[string]int{},
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), " \t\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		if !utf8.ValidString(text) {
			col := 1 + utf8.RuneCountInString(strings.ToValidUTF8(text[:invalidAt(text)], ""))
			return nil, &Error{File: file, Line: line, Column: col, Msg: "not valid UTF-8; save the dictionary as UTF-8 (LIWC's older dictionaries are often Latin-1 or Windows-1252)"}
		}
		if err := r.line(line, text); err != nil {
			return nil, &Error{File: file, Line: line, Msg: err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &Error{File: file, Line: line + 1, Msg: err.Error()}
	}
	switch r.state {
	case dicBefore:
		return nil, &Error{File: file, Msg: "file is empty; expected a % line, categories, a % line and entries"}
	case dicHeader:
		return nil, &Error{File: file, Line: line, Msg: "the category header is not closed; expected a line holding only %"}
	}
	return r.dic, nil
}

// Where a .dic reader is in the file.
const (
	dicBefore = iota // waiting for the first "%"
	dicHeader        // reading categories
	dicBody          // reading entries
)

// dicReader reads a .dic file line by line; its maps hold the line each
// category ID, category name and lower-cased term was first seen on.
type dicReader struct {
	dic   *Dic
	state int
	ids   map[string]int
	names map[string]int
	terms map[string]int
}

// line reads one non-blank line; its error is the message, placed by the
// caller.
func (r *dicReader) line(n int, text string) error {
	fence := strings.TrimSpace(text) == "%"
	switch r.state {
	case dicBefore:
		if !fence {
			return errors.New("expected a line holding only % to open the category header")
		}
		r.state = dicHeader
	case dicHeader:
		if !fence {
			return r.category(n, text)
		}
		if len(r.dic.Categories) == 0 {
			return errors.New("the category header is empty; expected lines such as \"1\tvision_leadership\"")
		}
		r.state = dicBody
	case dicBody:
		if fence {
			return errors.New("a third % line; the header is already closed")
		}
		return r.entry(n, text)
	}
	return nil
}

// category reads a header line: an ID, a name and maybe a description.
func (r *dicReader) category(n int, text string) error {
	f := strings.Fields(text)
	if len(f) < 2 {
		return fmt.Errorf("category %q: expected an ID and a name (\"1\tposemo\")", strings.TrimSpace(text))
	}
	c := DicCategory{ID: f[0], Name: f[1], Line: n}
	if len(f) > 2 {
		c.Description = strings.Trim(strings.Join(f[2:], " "), "()")
	}
	if prev, ok := r.ids[c.ID]; ok {
		return fmt.Errorf("category ID %s is already declared at line %d", c.ID, prev)
	}
	if prev, ok := r.names[c.Name]; ok {
		return fmt.Errorf("category name %s is already declared at line %d", c.Name, prev)
	}
	r.ids[c.ID], r.names[c.Name] = n, n
	r.dic.Categories = append(r.dic.Categories, c)
	return nil
}

// entry reads a body line: a term and its category IDs.
func (r *dicReader) entry(n int, text string) error {
	e, err := splitDicLine(text, r.ids)
	if err != nil {
		return err
	}
	e.Line = n
	key := strings.ToLower(e.Term)
	if prev, ok := r.terms[key]; ok {
		return fmt.Errorf("entry %q is already listed at line %d", e.Term, prev)
	}
	r.terms[key] = n
	r.dic.Entries = append(r.dic.Entries, e)
	return nil
}

// splitDicLine splits an entry line into its term and category IDs.
func splitDicLine(text string, ids map[string]int) (DicEntry, error) {
	var term string
	var cats []string
	if strings.Contains(text, "\t") {
		parts := strings.Split(text, "\t")
		term = strings.TrimSpace(parts[0])
		for _, p := range parts[1:] {
			cats = append(cats, strings.Fields(p)...)
		}
	} else {
		f := strings.Fields(text)
		i := 0
		for i < len(f) {
			if _, ok := ids[f[i]]; ok && i > 0 {
				break
			}
			i++
		}
		term, cats = strings.Join(f[:i], " "), f[i:]
	}
	switch {
	case term == "":
		return DicEntry{}, fmt.Errorf("entry has no term")
	case len(cats) == 0:
		return DicEntry{}, fmt.Errorf("entry %q has no category IDs", term)
	}
	seen := map[string]bool{}
	for _, c := range cats {
		if _, ok := ids[c]; !ok {
			return DicEntry{}, fmt.Errorf("entry %q: category ID %q is not declared in the header", term, c)
		}
		if seen[c] {
			return DicEntry{}, fmt.Errorf("entry %q: category ID %s is listed twice", term, c)
		}
		seen[c] = true
	}
	return DicEntry{Term: strings.Join(strings.Fields(term), " "), Categories: cats}, nil
}

// DicMap says how the categories of a .dic file become lexicon entries: the
// dimension and pole each category counts for, an optional weight, and
// whether its phrases are exact. Categories it does not name are left out.
type DicMap struct {
	File string
	// Lexicon holds the imported lexicon's name, version, description,
	// dimensions (descriptions only), skip words and negation.
	Lexicon *Lexicon
	// Source is the provenance of every entry; the .dic file name if empty.
	Source     string
	Categories []CategoryMap // in the order of the mapping file
}

// CategoryMap maps one .dic category (by name or ID) to a dimension and pole.
type CategoryMap struct {
	Category  string
	Dimension string
	Pole      Pole
	Weight    float64 // 1 unless set
	Exact     bool
	Line      int
}

// ParseDicMap reads a category mapping (YAML):
//
//	name: my-dictionary
//	version: 1.0.0
//	source: my-dictionary.dic
//	dimensions:
//	  - {name: vision, description: Where the work is going.}
//	categories:
//	  achieve: {dimension: vision, pole: leadership}
//	  "12": {dimension: risk, pole: management, weight: 0.5, exact: true}
//
// name, version, description, skip and negation mean what they mean in a
// lexicon file.
func ParseDicMap(file string, data []byte) (*DicMap, error) {
	p := parser{File: yamlfile.File{Name: file}}
	root, err := p.document(data, "a category mapping", "categories")
	if err != nil {
		return nil, err
	}
	m := &DicMap{File: file, Lexicon: &Lexicon{Skip: DefaultSkip, Agents: DefaultAgents, Negation: DefaultNegation}}
	l := m.Lexicon
	var cats *yaml.Node
	handlers := p.settings(l)
	handlers["source"] = p.str(&m.Source)
	handlers["categories"] = func(n *yaml.Node) error { cats = n; return nil }
	handlers["dimensions"] = func(n *yaml.Node) error {
		if n.Kind != yaml.SequenceNode {
			return p.Errorf(n, "dimensions: expected a list of dimensions")
		}
		for _, dn := range n.Content {
			if err := p.dimension(dn, l); err != nil {
				return err
			}
			if len(l.Entries) > 0 {
				return p.Errorf(dn, "dimension %q: a mapping gives no entries; they come from the .dic file", l.Dimensions[len(l.Dimensions)-1].Name)
			}
		}
		return nil
	}
	err = p.Fields(root, "mapping", handlers)
	if err != nil {
		return nil, err
	}
	if cats == nil {
		return nil, p.Errorf(root, "missing required field categories")
	}
	if cats.Kind != yaml.MappingNode {
		return nil, p.Errorf(cats, "categories: expected a mapping from category names to {dimension, pole}")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(cats.Content); i += 2 {
		k, v := cats.Content[i], cats.Content[i+1]
		c := CategoryMap{Category: k.Value, Weight: 1, Line: k.Line}
		if seen[c.Category] {
			return nil, p.Errorf(k, "category %q is mapped twice", c.Category)
		}
		seen[c.Category] = true
		var pole string
		err := p.Fields(v, "category "+c.Category, yamlfile.Handlers{
			"dimension": p.str(&c.Dimension),
			"pole":      p.str(&pole),
			"weight": func(v *yaml.Node) error {
				w, err := strconv.ParseFloat(v.Value, 64)
				if err != nil || v.Kind != yaml.ScalarNode || w <= 0 || w > 100 {
					return p.Errorf(v, "category %s weight: expected a number in (0, 100], got %q", c.Category, v.Value)
				}
				c.Weight = w
				return nil
			},
			"exact": func(v *yaml.Node) error {
				b, err := strconv.ParseBool(v.Value)
				if err != nil {
					return p.Errorf(v, "category %s exact: expected true or false, got %q", c.Category, v.Value)
				}
				c.Exact = b
				return nil
			},
		})
		if err != nil {
			return nil, err
		}
		if !validName(c.Dimension) {
			return nil, p.Errorf(v, "category %s: expected dimension: NAME (lower-case letters, digits and underscores)", c.Category)
		}
		if c.Pole, err = ParsePole(pole); err != nil {
			return nil, p.Errorf(v, "category %s: %v", c.Category, err)
		}
		m.Categories = append(m.Categories, c)
	}
	return m, nil
}

// Import turns the entries of d that belong to a mapped category into a
// lexicon. Words keep leadlex matching (on stems, so "inspire" also matches
// "inspired"); wildcards match word prefixes as in LIWC. An entry in
// several mapped categories counts once, for the category that comes first
// in the mapping; categories on opposite poles are an error. Entries whose
// terms leadlex cannot match (punctuation, emoticons, one-letter wildcards)
// and entries that stem to an entry already imported are skipped with a
// warning. Categories the mapping names but d lacks are errors.
func Import(d *Dic, m *DicMap) (*Lexicon, []string, error) {
	byKey, rank, err := mappedCategories(d, m)
	if err != nil {
		return nil, nil, err
	}
	l := importedLexicon(d, m)
	warnings, err := importEntries(l, d, m, byKey, rank)
	if err != nil {
		return nil, nil, err
	}
	if len(l.Entries) == 0 {
		return nil, warnings, &Error{File: d.File, Msg: fmt.Sprintf("no entries imported: none of its %d entries is in a mapped category with a term leadlex can match", len(d.Entries))}
	}
	if err := l.Validate(); err != nil {
		return nil, nil, err
	}
	return l, warnings, nil
}

// mappedCategories indexes d's categories by ID and by name, and ranks
// the .dic categories the mapping names by their place in it (category
// ID -> index into m.Categories). A mapped category d lacks, or two
// mapping lines naming one category, are errors.
func mappedCategories(d *Dic, m *DicMap) (byKey map[string]*DicCategory, rank map[string]int, err error) {
	byKey = map[string]*DicCategory{}
	for i := range d.Categories {
		c := &d.Categories[i]
		byKey[c.ID], byKey[c.Name] = c, c
	}
	rank = map[string]int{}
	for i, cm := range m.Categories {
		c, ok := byKey[cm.Category]
		if !ok {
			return nil, nil, &Error{File: m.File, Line: cm.Line, Msg: fmt.Sprintf("category %q is not declared in %s", cm.Category, d.File)}
		}
		if _, dup := rank[c.ID]; dup {
			return nil, nil, &Error{File: m.File, Line: cm.Line, Msg: fmt.Sprintf("category %q names the same .dic category as an earlier line", cm.Category)}
		}
		rank[c.ID] = i
	}
	return byKey, rank, nil
}

// importedLexicon is the lexicon an import fills: the mapping's settings
// and dimensions, with a dimension added for every one it maps to but does
// not describe.
func importedLexicon(d *Dic, m *DicMap) *Lexicon {
	base := m.Lexicon
	l := &Lexicon{
		Name:        firstNonEmpty(base.Name, strings.TrimSuffix(filepath.Base(d.File), filepath.Ext(d.File))),
		Version:     base.Version,
		Description: base.Description,
		Dimensions:  slices.Clone(base.Dimensions),
		Skip:        base.Skip,
		Agents:      base.Agents,
		Negation:    base.Negation,
		setSkip:     base.setSkip,
		setAgents:   base.setAgents,
		setNegation: base.setNegation,
		Files:       []string{d.File},
	}
	for _, cm := range m.Categories {
		if _, i := l.Dimension(cm.Dimension); i < 0 {
			l.Dimensions = append(l.Dimensions, Dimension{Name: cm.Dimension})
		}
	}
	return l
}

// importEntries adds to l each entry of d in a mapped category, and
// returns the warnings for the entries it skips.
func importEntries(l *Lexicon, d *Dic, m *DicMap, byKey map[string]*DicCategory, rank map[string]int) ([]string, error) {
	source := firstNonEmpty(m.Source, filepath.Base(d.File))
	skip := l.SkipSet()
	seen := map[string]*Entry{}
	var warnings []string
	warn := func(line int, format string, args ...any) {
		warnings = append(warnings, fmt.Sprintf("%s:%d: %s", d.File, line, fmt.Sprintf(format, args...)))
	}
	for _, de := range d.Entries {
		chosen, err := entryCategory(d.File, de, m, rank)
		if err != nil {
			return nil, err
		}
		if chosen == nil {
			continue // in no mapped category
		}
		if err := checkTerm(de.Term); err != nil {
			warn(de.Line, "entry %q skipped: %v", de.Term, err)
			continue
		}
		e := Entry{Term: de.Term, Dimension: chosen.Dimension, Pole: chosen.Pole, Weight: chosen.Weight,
			Exact: chosen.Exact && len(stem.Words(de.Term)) > 1, Source: source, File: d.File, Line: de.Line,
			Note: "dic category " + byKey[chosen.Category].Name}
		key := e.Key(skip)
		if prev, ok := seen[key]; ok {
			if prev.Pole != e.Pole {
				return nil, &Error{File: d.File, Line: de.Line, Msg: fmt.Sprintf(
					"entry %q stems like %q at line %d but counts for %s there and %s here", e.Term, prev.Term, prev.Line, prev.Pole, e.Pole)}
			}
			warn(de.Line, "entry %q skipped: it stems like %q at line %d, which is imported", e.Term, prev.Term, prev.Line)
			continue
		}
		l.Entries = append(l.Entries, e)
		seen[key] = &l.Entries[len(l.Entries)-1]
	}
	return warnings, nil
}

// entryCategory returns the mapping line an entry counts for: of its
// mapped categories, the one that comes first in the mapping; nil when it
// is in none. Mapped categories on opposite poles are an error.
func entryCategory(file string, de DicEntry, m *DicMap, rank map[string]int) (*CategoryMap, error) {
	best := -1 // index into m.Categories
	for _, id := range de.Categories {
		r, ok := rank[id]
		if !ok {
			continue
		}
		if best >= 0 && m.Categories[best].Pole != m.Categories[r].Pole {
			return nil, conflict(file, de, &m.Categories[min(best, r)], &m.Categories[max(best, r)])
		}
		if best < 0 || r < best {
			best = r
		}
	}
	if best < 0 {
		return nil, nil
	}
	return &m.Categories[best], nil
}

func conflict(file string, de DicEntry, a, b *CategoryMap) error {
	return &Error{File: file, Line: de.Line, Msg: fmt.Sprintf(
		"entry %q is in category %s (%s/%s) and category %s (%s/%s): one word cannot count for both poles; map only one of them",
		de.Term, a.Category, a.Dimension, a.Pole, b.Category, b.Dimension, b.Pole)}
}

// MapPath returns where the category mapping of a .dic file is looked for
// when the .dic is given as a lexicon: beside it, with ".map.yaml" in place
// of ".dic" (my.dic -> my.map.yaml).
func MapPath(dic string) string {
	return strings.TrimSuffix(dic, filepath.Ext(dic)) + ".map.yaml"
}

// LoadDic reads a .dic file and its mapping and imports it (see Import).
// The lexicon's hash covers both files.
func LoadDic(dicPath, mapPath string) (*Lexicon, []string, error) {
	data, err := ReadFile(dicPath)
	if err != nil {
		return nil, nil, fmt.Errorf("read dictionary: %w", err)
	}
	mdata, err := ReadFile(mapPath)
	if errors.Is(err, os.ErrNotExist) && mapPath == MapPath(dicPath) {
		return nil, nil, &Error{File: dicPath, Msg: fmt.Sprintf(
			"a .dic needs a category mapping: write %s beside it (see `leadlex lexicon import --help`)", mapPath)}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read category mapping: %w", err)
	}
	d, err := ParseDic(dicPath, data)
	if err != nil {
		return nil, nil, err
	}
	m, err := ParseDicMap(mapPath, mdata)
	if err != nil {
		return nil, nil, err
	}
	l, warnings, err := Import(d, m)
	if err != nil {
		return nil, nil, err
	}
	h := sha256.New()
	h.Write(data)
	h.Write(mdata)
	l.Hash = hex.EncodeToString(h.Sum(nil))
	return l, warnings, nil
}

// dicCategory is one category of an exported .dic: entries of one
// dimension and pole with the same weight and exactness.
type dicCategory struct {
	dim    string
	pole   Pole
	weight float64
	exact  bool
}

func (c dicCategory) name() string {
	s := c.dim + "_" + c.pole.String()
	if c.weight != 1 {
		s += "_x" + FormatWeight(c.weight)
	}
	if c.exact {
		s += "_exact"
	}
	return s
}

// exportCategories lists the categories an export of l needs, in
// dimension, pole, weight order, and each entry's category index.
func exportCategories(l *Lexicon) ([]dicCategory, []int) {
	var cats []dicCategory
	index := map[dicCategory]int{}
	of := make([]int, len(l.Entries))
	for _, e := range l.SortedEntries() {
		if e.Cancel {
			continue
		}
		c := dicCategory{e.Dimension, e.Pole, e.Weight, e.Exact && e.Kind() == Phrase}
		if _, ok := index[c]; !ok {
			index[c] = len(cats)
			cats = append(cats, c)
		}
	}
	dimIndex := map[string]int{}
	for i, d := range l.Dimensions {
		dimIndex[d.Name] = i
	}
	slices.SortStableFunc(cats, func(a, b dicCategory) int {
		switch {
		case dimIndex[a.dim] != dimIndex[b.dim]:
			return dimIndex[a.dim] - dimIndex[b.dim]
		case a.pole != b.pole:
			return int(a.pole) - int(b.pole)
		case a.weight != b.weight:
			if a.weight < b.weight {
				return -1
			}
			return 1
		case a.exact != b.exact:
			if b.exact {
				return -1
			}
			return 1
		}
		return 0
	})
	for i, c := range cats {
		index[c] = i
	}
	for i := range l.Entries {
		e := &l.Entries[i]
		of[i] = index[dicCategory{e.Dimension, e.Pole, e.Weight, e.Exact && e.Kind() == Phrase}]
	}
	return cats, of
}

// WriteDic writes l as a LIWC-style .dic: one category per dimension, pole,
// weight and exactness (named like "vision_leadership" or
// "risk_management_x0.5"), numbered from 1, then the entries sorted by term.
// A .dic has no room for weights, provenance or negation; WriteDicMap writes
// the mapping that restores them on import. Phrases a context rule turns to
// another pole are written as entries of that pole; phrases a rule cancels
// are left out, since a .dic cannot say "count for neither pole". Neutral
// entries are left out for the same reason (the mapping's comment names
// them).
func WriteDic(w io.Writer, l *Lexicon) error {
	cats, of := exportCategories(l)
	bw := bufio.NewWriter(w)
	bw.WriteString("%\n")
	for i, c := range cats {
		fmt.Fprintf(bw, "%d\t%s\n", i+1, c.name())
	}
	bw.WriteString("%\n")
	order := make([]int, len(l.Entries))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(l.Entries[a].Term, l.Entries[b].Term) })
	for _, i := range order {
		if l.Entries[i].Cancel {
			continue // a .dic cannot say "count for neither pole"
		}
		fmt.Fprintf(bw, "%s\t%d\n", l.Entries[i].Term, of[i]+1)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write dic: %w", err)
	}
	return nil
}

// WriteDicMap writes the category mapping for the .dic WriteDic writes of l:
// with it, importing the .dic gives a lexicon that scores every text as l
// does (provenance and notes are not carried).
func WriteDicMap(w io.Writer, l *Lexicon) error {
	cats, _ := exportCategories(l)
	root := &yaml.Node{Kind: yaml.MappingNode}
	put := func(m *yaml.Node, k string, v *yaml.Node) { m.Content = append(m.Content, str(k), v) }
	put(root, "name", str(l.Name))
	if l.Version != "" {
		put(root, "version", str(l.Version))
	}
	if l.Description != "" {
		put(root, "description", str(l.Description))
	}
	put(root, "skip", flowList(l.Skip))
	put(root, "negation", negationNode(l.Negation))
	dims := &yaml.Node{Kind: yaml.SequenceNode}
	for _, d := range l.Dimensions {
		dims.Content = append(dims.Content, dimensionNode(d))
	}
	put(root, "dimensions", dims)
	cm := &yaml.Node{Kind: yaml.MappingNode}
	for _, c := range cats {
		v := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		put(v, "dimension", str(c.dim))
		put(v, "pole", str(c.pole.String()))
		if c.weight != 1 {
			put(v, "weight", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: FormatWeight(c.weight)})
		}
		if c.exact {
			put(v, "exact", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		put(cm, c.name(), v)
	}
	put(root, "categories", cm)
	head := "Category mapping for a .dic written by leadlex: import it with\n  leadlex lexicon import FILE.dic --map THIS_FILE"
	if len(l.Neutral) > 0 {
		terms := make([]string, len(l.Neutral))
		for i, e := range l.Neutral {
			terms[i] = e.Term
		}
		head += fmt.Sprintf("\n\nThe lexicon's %d neutral entries are left out of the .dic, which cannot\nuse up words without counting them; so the .dic counts words inside them\n(\"vision\" in \"dental and vision\"): %s", len(terms), strings.Join(terms, ", "))
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}, HeadComment: head}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write dic mapping: %w", err)
	}
	return enc.Close()
}

// IsDic reports whether a file name is a LIWC-style dictionary (".dic").
func IsDic(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".dic")
}

// invalidAt returns the byte offset of the first invalid UTF-8 sequence in s.
func invalidAt(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i
			}
		}
	}
	return len(s)
}
