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
	role         []uint16          // by code: the word's roles in a subject clause (subjectNoun …)
	marks        ruleMarks         // codes the subject and predicate rules look for
}

// ruleMarks are the codes of the words the subject and predicate rules
// look for besides the @ lists, found once when the table is compiled; 0
// where cues.txt does not use the word (then no token has that code).
type ruleMarks struct {
	is, are, a, an uint16 // "is a", "are an" … (organisationPredicate)
	open, close    uint16 // the brackets around an abbreviation (skipAbbreviation)
	acronym        uint16 // <acronym>: a word in capitals no cue uses (Code)
}

// The roles a word can play in a sentence whose subject is the
// organisation ("The stroke service provides …", "Our team is …"); the
// word lists are the @ lines of cues.txt.
const (
	subjectNoun    uint16 = 1 << iota // service, team, trust: the organisation
	subjectVerb                       // is, has, provides: what it is or does
	subjectAdverb                     // also, currently: may stand before the verb
	subjectStop                       // looking, seeking: the organisation is recruiting, so the sentence is the role's
	subjectNot                        // role, you, experience: before the noun, the subject is the role or the person
	subjectSelf                       // our: opens a subject that is the organisation's whatever noun follows
	subjectWe                         // we: the organisation itself, which also takes a verb's base form
	subjectBase                       // provide, serve: a verb's base form, after "we"
	subjectDoing                      // provides, operates: what only an organisation does, after a name
	subjectPronoun                    // it, they: the organisation again, right after a sentence about it
	subjectModal                      // will, can, want: after "we", a promise or a wish, not what the organisation is
)

var subjectLists = map[string]uint16{
	"@noun": subjectNoun, "@verb": subjectVerb,
	"@adverb": subjectAdverb, "@stop": subjectStop, "@not": subjectNot, "@self": subjectSelf,
	"@we": subjectWe, "@base": subjectBase, "@doing": subjectDoing,
	"@pronoun": subjectPronoun, "@modal": subjectModal,
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
// "kind:heading weight word…", and the word lists of the subject rule,
// "@list word…"; # starts a comment.
func compileCues(text string) (*cueTable, error) {
	t := &cueTable{vocab: map[string]uint16{}, headingWords: map[string]bool{}}
	root := &cueNode{}
	roles := map[uint16]uint16{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if strings.HasPrefix(f[0], "@") {
			bit, ok := subjectLists[f[0]]
			if !ok || len(f) < 2 {
				return nil, fmt.Errorf("line %d: want a word list (@self, @we, @noun, @verb, @base, @adverb, @stop, @not) and its words", n+1)
			}
			for _, word := range f[1:] {
				code, err := t.code(word)
				if err != nil {
					return nil, fmt.Errorf("line %d: %w", n+1, err)
				}
				roles[code] |= bit
			}
			continue
		}
		if err := t.addCue(root, f); err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	if err := t.findMarks(); err != nil {
		return nil, err
	}
	t.root = make([]*cueNode, len(t.vocab)+1)
	for _, e := range root.next {
		t.root[e.code] = e.to
	}
	t.role = make([]uint16, len(t.vocab)+1)
	for code, bits := range roles {
		t.role[code] = bits
	}
	return t, nil
}

// findMarks fills in t.marks. The brackets get codes of their own, since
// no cue uses them; the words of "is a" keep the codes the cues gave them.
func (t *cueTable) findMarks() error {
	var err error
	if t.marks.open, err = t.code("("); err != nil {
		return err
	}
	if t.marks.close, err = t.code(")"); err != nil {
		return err
	}
	t.marks.is, t.marks.are, t.marks.a, t.marks.an = t.vocab["is"], t.vocab["are"], t.vocab["a"], t.vocab["an"]
	t.marks.acronym = t.vocab["<acronym>"]
	return nil
}

// addCue adds the cue of one line's fields to the trie under root.
func (t *cueTable) addCue(root *cueNode, f []string) error {
	if len(f) < 3 {
		return fmt.Errorf("want kind, weight and a phrase")
	}
	name, heading := strings.CutSuffix(f[0], ":heading")
	kind, err := ParseKind(name)
	if err != nil {
		return err
	}
	w, err := strconv.ParseFloat(f[1], 64)
	if err != nil || w <= 0 {
		return fmt.Errorf("weight %q: want a positive number", f[1])
	}
	node := root
	for _, word := range f[2:] {
		code, err := t.code(word)
		if err != nil {
			return err
		}
		node = node.child(code)
	}
	if node.cue {
		return fmt.Errorf("phrase %q is listed twice", strings.Join(f[2:], " "))
	}
	node.cue, node.kind, node.weight, node.heading = true, kind, w, heading
	if heading {
		t.headingWords[f[2]] = true
	}
	return nil
}

// code returns the code of a cue word, giving it the next one if it has
// none yet.
func (t *cueTable) code(word string) (uint16, error) {
	if code, ok := t.vocab[word]; ok {
		return code, nil
	}
	if strings.ContainsRune(word, '’') || strings.Index(word, "'") > 0 {
		// No token looks like that: the tokenizer straightens quotes and
		// splits "you'll" into "you" and "'ll".
		return 0, fmt.Errorf("word %q: write a contraction as the tokenizer splits it (you 'll)", word)
	}
	if len(t.vocab) >= int(GlueCode)-1 {
		return 0, fmt.Errorf("too many distinct words")
	}
	code := uint16(len(t.vocab) + 1)
	t.vocab[word] = code
	return code, nil
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
	c := cues.vocab[normalise(lower)]
	if c == 0 && isAcronym(tok) {
		return cues.marks.acronym
	}
	return c
}

// isAcronym reports whether tok is an abbreviation written in capitals,
// two to five letters (digits allowed after the first): "CUH", "MMP",
// "FVC". A cue word keeps its own code ("DBS", "EEO").
func isAcronym(tok string) bool {
	if len(tok) < 2 || len(tok) > 5 || tok[0] < 'A' || tok[0] > 'Z' {
		return false
	}
	for i := 1; i < len(tok); i++ {
		if c := tok[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// scan adds the weight of every cue phrase found in codes to sc, taking
// the longest cue at each position and going on after it.
func (t *cueTable) scan(codes []uint16, sc *scores) {
	sc.heading = -1
	var roleAt [subjectReach + 1]float64 // the role weight of the cue starting at each of the first words
	for i := 0; i < len(codes); {
		best, end := t.longest(codes, i)
		if best == nil {
			i++
			continue
		}
		before := sc.weight[Role]
		// A heading counts fully, and carries over to later sentences, only
		// where it stands as one: at the start of the part, before a colon,
		// or alone; elsewhere it is an ordinary word ("keep the schedule").
		standing := i == 0 || len(codes) <= 8 || end < len(codes) && codes[end] == t.vocab[":"]
		switch {
		case best.heading && best.kind == Role && standing:
			sc.weight[Role]++ // a role heading names the section more than it describes the role
		case best.heading && best.kind == Role:
			sc.weight[Role] += roleWordWeight
		case best.heading && !standing:
			sc.weight[best.kind] += min(best.weight, 0.5)
		default:
			sc.weight[best.kind] += best.weight
			if best.kind != Role && best.weight >= sureWeight {
				sc.sure = best.kind
			}
		}
		if best.heading && standing {
			sc.heading = int(best.kind)
		}
		if i < len(roleAt) {
			roleAt[i] = sc.weight[Role] - before
		}
		i = end
	}
	if at := t.subjectAt(codes); at >= 0 {
		// The organisation's noun is its subject, not the role's wording
		// ("The team includes …": "team" is a role cue elsewhere).
		sc.weight[AboutCompany] += subjectWeight
		sc.weight[Role] -= roleAt[at]
	} else if t.organisationPredicate(codes) {
		sc.weight[AboutCompany] += subjectWeight
	}
}

// roleWordWeight is what a role heading's word adds where it does not
// stand as a heading: in running prose "experience", "skills" or
// "requirements" are as often the organisation's ("decades of
// experience", "complex medical requirements") as the role's.
const roleWordWeight = 0.5

// subjectWeight is what a part whose subject is the organisation, or that
// says what an organisation is, adds to about_company; subjectReach is how
// many tokens into the part the organisation noun may stand, selfReach how
// many after an @self opener any noun may ("Our focus is …"), and
// predicateReach how many words after "is a" the organisation noun may;
// stopReach how many words after the verb an @stop word blocks the rule
// ("We are a busy restaurant looking for …" recruits), and nameReach how
// many words a name may have before its @doing verb (nameSubject).
const (
	subjectWeight  = 1.5
	subjectReach   = 16
	selfReach      = 3
	predicateReach = 6
	stopReach      = 8
	nameReach      = 4
)

// organisationSubject reports whether a part opens with the organisation
// as its subject: within its first subjectReach tokens an organisation
// noun, then a verb that says what it is or does ("The stroke service
// provides …", "Riverside Hospital has …"), adverbs allowed before and
// after the verb; after "our", any word in the first selfReach tokens
// serves as the noun ("Our focus is …"). Not when a word that names the
// role or the person stands before the noun ("The post holder's team
// is …"), nor when a recruiting or requirement word follows the verb
// ("The team is looking …", "Working in a team is essential").
func (t *cueTable) organisationSubject(codes []uint16) bool {
	return t.subjectAt(codes) >= 0
}

// subjectAt is organisationSubject that returns where the organisation's
// noun stands (the first word of a name, "we", the organisation noun, or
// the word after "our" that serves as one), or -1.
func (t *cueTable) subjectAt(codes []uint16) int {
	if len(codes) < 3 {
		return -1
	}
	if t.nameSubject(codes) {
		return 0
	}
	if best, _ := t.longest(codes, 0); best != nil && best.kind == Role && !best.heading {
		return -1 // a duty opens the part ("Ensure the unit delivers …"): its subject is the post holder
	}
	selfFrom, selfTo := -1, -1 // after "our", any word of these serves as the noun
	if t.roleOf(codes[0])&subjectSelf != 0 {
		selfFrom, selfTo = 1, selfReach
	}
	for i := 0; i < len(codes)-1 && i <= subjectReach; i++ {
		if t.roleOf(codes[i])&subjectNot != 0 {
			return -1
		}
		role := t.roleOf(codes[i])
		if i > 0 {
			role &^= subjectWe // "we" opens the part or is not the organisation ("Today we are …")
		}
		if role&(subjectNoun|subjectWe) == 0 && (i < selfFrom || i > selfTo) {
			continue
		}
		verbs := subjectVerb
		if role&subjectWe != 0 {
			verbs |= subjectBase // "we provide", "we also serve"
		}
		j := t.skipAdverbs(codes, t.skipAbbreviation(codes, i+1))
		if j >= len(codes) || t.roleOf(codes[j])&verbs == 0 {
			continue
		}
		if t.stopAfter(codes, j) {
			return -1
		}
		return i
	}
	return -1
}

// pronounSubject reports whether a part opens with an @pronoun ("it",
// "they") followed, adverbs allowed, by an @verb, with no @stop word
// within stopReach words after it ("It has strong links …"). The caller
// counts it only right after a sentence that ended about the company,
// where the pronoun names the organisation again.
func (t *cueTable) pronounSubject(codes []uint16) bool {
	if len(codes) < 3 || t.roleOf(codes[0])&subjectPronoun == 0 {
		return false
	}
	j := t.skipAdverbs(codes, 1)
	if j >= len(codes) || t.roleOf(codes[j])&subjectVerb == 0 {
		return false
	}
	return !t.stopAfter(codes, j)
}

// weSubject reports whether a part opens with "we" followed, adverbs
// allowed, by any word but an @modal one (will, can, want, encourage …),
// with no @stop word within stopReach words ("We set ambitious goals",
// "We work within a recovery model"). The caller counts it only in a
// document that has shown the role's wording already: a memo says "we"
// of its own plans ("We keep to the budget").
func (t *cueTable) weSubject(codes []uint16) bool {
	if len(codes) < 3 || t.roleOf(codes[0])&subjectWe == 0 {
		return false
	}
	j := t.skipAdverbs(codes, 1)
	if j >= len(codes) || t.roleOf(codes[j])&(subjectModal|subjectStop) != 0 {
		return false
	}
	return !t.stopAfter(codes, j)
}

// stopAfter reports whether an @stop word stands within stopReach words
// after the verb at codes[j]: the organisation is recruiting ("… is
// looking for …"), so the part is the role's.
func (t *cueTable) stopAfter(codes []uint16, j int) bool {
	for k := j + 1; k < len(codes) && k <= j+stopReach; k++ {
		if t.roleOf(codes[k])&subjectStop != 0 {
			return true
		}
	}
	return false
}

// nameSubject reports whether a part opens with a name, up to nameReach
// words that no cue uses or organisation nouns ("Riverside Clinic",
// "Acme Health"), followed by an @doing verb, one that says what only an
// organisation does ("… provides", "… operates", "… employs").
func (t *cueTable) nameSubject(codes []uint16) bool {
	for i := 1; i < len(codes) && i <= nameReach; i++ {
		c := codes[i-1]
		if c != 0 && t.roleOf(c)&subjectNoun == 0 {
			return false
		}
		if t.roleOf(codes[i])&subjectDoing != 0 {
			return true
		}
	}
	return false
}

// organisationPredicate reports whether a part says what an organisation
// is: "is a", "is an" or "are a" followed, within predicateReach words, by
// an organisation noun ("Acme is a family-owned consulting firm", "Ward 12
// is a busy surgical ward", "There is a level 2 unit"), with no word
// naming the role or the person before the noun ("This is a varied role",
// "This is a static post").
func (t *cueTable) organisationPredicate(codes []uint16) bool {
	is, are, a, an := t.marks.is, t.marks.are, t.marks.a, t.marks.an
	for i := 0; i+2 < len(codes); i++ {
		if codes[i] == 0 || codes[i] != is && codes[i] != are || codes[i+1] != a && codes[i+1] != an {
			continue
		}
		for j := i + 2; j < len(codes) && j <= i+1+predicateReach; j++ {
			role := t.roleOf(codes[j])
			if role&subjectNot != 0 {
				break
			}
			if role&subjectNoun != 0 {
				return true
			}
		}
	}
	return false
}

// skipAbbreviation returns the index after a short parenthesis at
// codes[j] (the abbreviation after a name: "… NHS Foundation Trust (CPFT)
// provides …"), or j.
func (t *cueTable) skipAbbreviation(codes []uint16, j int) int {
	if j >= len(codes) || codes[j] == 0 || codes[j] != t.marks.open {
		return j
	}
	for k := j + 1; k < len(codes) && k <= j+4; k++ {
		if codes[k] == t.marks.close {
			return k + 1
		}
	}
	return j
}

func (t *cueTable) skipAdverbs(codes []uint16, j int) int {
	for j < len(codes) && t.roleOf(codes[j])&subjectAdverb != 0 {
		j++
	}
	return j
}

func (t *cueTable) roleOf(code uint16) uint16 {
	if int(code) < len(t.role) {
		return t.role[code]
	}
	return 0
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
