// Package stem is how leadlex folds words so that text and lexicon terms
// meet: Snowball English stems with irregular past forms mapped to their
// base, and the split of a term into words at spaces and joiners.
package stem

import (
	"iter"
	"maps"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// Stem returns the Snowball English stem of a lower-cased word. Text tokens
// and lexicon terms go through the same function, so they meet on stems.
// Irregular verb forms that Snowball leaves apart ("took", "built") are
// first mapped to their base form, so "take risks" also matches "took a risk".
func Stem(word string) string {
	if base, ok := irregular[word]; ok {
		word = base
	}
	return english.Stem(word, false)
}

// irregular maps past forms of common verbs to their base form. Forms that
// are also everyday nouns or adjectives with another sense ("left",
// "found", "saw", "rose", "led") are left out on purpose.
var irregular = map[string]string{
	"took": "take", "taken": "take", "undertook": "undertake", "undertaken": "undertake",
	"made": "make", "built": "build", "rebuilt": "rebuild", "drove": "drive", "driven": "drive",
	"thought": "think", "brought": "bring", "gave": "give", "given": "give", "went": "go", "gone": "go",
	"chose": "choose", "chosen": "choose", "began": "begin", "begun": "begin", "grew": "grow", "grown": "grow",
	"spoke": "speak", "spoken": "speak", "told": "tell", "kept": "keep", "held": "hold", "met": "meet",
	"ran": "run", "felt": "feel", "sent": "send", "spent": "spend", "stood": "stand", "understood": "understand",
	"won": "win", "wrote": "write", "written": "write", "bought": "buy", "taught": "teach", "sought": "seek",
	"broke": "break", "broken": "break", "drew": "draw", "drawn": "draw", "threw": "throw", "thrown": "throw",
	"knew": "know", "known": "know", "became": "become", "overcame": "overcome", "paid": "pay", "said": "say",
	"shook": "shake", "shaken": "shake", "rang": "ring", "sang": "sing", "forgot": "forget", "forgotten": "forget",
	"foresaw": "foresee", "foreseen": "foresee", "struck": "strike", "swept": "sweep",
	"fought": "fight", "caught": "catch", "dealt": "deal", "meant": "mean", "lost": "lose", "sold": "sell",
	"slept": "sleep", "withdrew": "withdraw", "withdrawn": "withdraw", "upheld": "uphold",
	"oversaw": "oversee", "overseen": "oversee",
}

// IsJoiner reports whether r joins two words inside one token ("long-term",
// "day-to-day", "and/or"); such tokens are split into their words for matching.
func IsJoiner(r rune) bool {
	switch r {
	case '-', '/', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015':
		return true
	}
	return false
}

// Words splits a lexicon term into lower-cased words, the way text is split:
// at spaces and at joiners such as hyphens. Curly apostrophes become straight.
func Words(term string) []string {
	term = strings.ToLower(strings.ReplaceAll(term, "\u2019", "'"))
	return strings.FieldsFunc(term, func(r rune) bool { return unicode.IsSpace(r) || IsJoiner(r) })
}

// IsIrregular reports whether a lower-cased word is an irregular past form
// that Stem maps to its base before stemming.
func IsIrregular(word string) bool {
	_, ok := irregular[word]
	return ok
}

// IrregularForms yields the irregular past forms Stem knows.
func IrregularForms() iter.Seq[string] { return maps.Keys(irregular) }
