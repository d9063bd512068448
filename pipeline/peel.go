package pipeline

import (
	"slices"
	"strings"

	"github.com/jdkato/prose/v2"
)

// prose's tokenizer peels the punctuation off a run one character at a
// time, and every step re-reads the whole run (it lower-cases it, counts
// its runes, matches a regular expression against it and prepends to a
// slice): a run of n brackets, dots or quotes costs n² — 4 KB of "[[[["
// takes a second, 8 KB four. peelRun does the peeling prose would do on a
// long run in one pass and leaves prose only the short remainder: the
// tokens are prose's, in time linear in the run.

// peelAbove is the length above which a run is peeled here: prose handles
// shorter ones in little time, and every emoticon prose knows is shorter.
const peelAbove = 64

// proseQuotes is the replacement prose makes before tokenizing.
var proseQuotes = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// proseClitics are the endings prose splits off ("they'll", "don't"); a
// run that holds one anywhere is split there, and never peeled from its end.
var proseClitics = []string{"'ll", "'s", "'re", "'m", "n't"}

// runTokens returns prose's tokens of one run (text without white space).
func runTokens(run string) []prose.Token {
	if len(run) <= peelAbove {
		return proseTokens(run)
	}
	tok := proseQuotes.Replace(run)
	var head, tail []prose.Token
	for len(tok) > peelAbove && strings.IndexByte(`$("[`, tok[0]) >= 0 {
		head = append(head, prose.Token{Text: tok[:1]})
		tok = tok[1:]
	}
	if len(tok) > peelAbove && !hasClitic(strings.ToLower(tok)) {
		pairs := letterDotPairs(tok)
		for len(tok) > peelAbove && strings.IndexByte(`,)"]!;.?:'`, tok[len(tok)-1]) >= 0 {
			if n := len(tok); n%2 == 0 && n <= pairs {
				break // an abbreviation such as "U.S.": prose keeps it whole
			}
			tail = append(tail, prose.Token{Text: tok[len(tok)-1:]})
			tok = tok[:len(tok)-1]
		}
	}
	slices.Reverse(tail)
	return append(append(head, proseTokens(tok)...), tail...)
}

func hasClitic(lower string) bool {
	return slices.ContainsFunc(proseClitics, func(c string) bool { return strings.Contains(lower, c) })
}

// letterDotPairs returns the length of the longest prefix of s made of
// letter-dot pairs ("a.b.c."): s[:n] matches the first of prose's patterns for
// abbreviations it keeps whole ("U.S.")
// when n is even, at least 4 and at most that length.
func letterDotPairs(s string) int {
	n := 0
	for n+1 < len(s) && isASCIILetter(s[n]) && s[n+1] == '.' {
		n += 2
	}
	return n
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
