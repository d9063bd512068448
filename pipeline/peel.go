package pipeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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

// prose finds a clitic ("they'll", "don't") in the lower-cased token and
// cuts the token itself at that offset. Where lower-casing changes the
// length in bytes (İ, Ⱥ, the Kelvin sign, bytes that are not UTF-8), the
// cut lands inside a character or past the end, and prose panics: one
// such word would end a whole run. maskedTokens gives prose the run with
// those characters masked by letters of the same length, and reads the
// tokens back from the run itself.

// needsMask reports whether prose could cut run in the wrong place: it
// has an apostrophe (every clitic does) and a character whose lower case
// is of another length.
func needsMask(run string) bool {
	if !strings.ContainsAny(run, "'\u2019;") { // ' and ’, and &rsquo;
		return false
	}
	for i := 0; i < len(run); {
		if run[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(run[i:])
		if r == utf8.RuneError && size == 1 || utf8.RuneLen(unicode.ToLower(r)) != size {
			return true
		}
		i += size
	}
	return false
}

// maskedTokens returns the tokens of a run that needsMask: prose's tokens
// of the run with every character whose lower case is of another length
// replaced by as many bytes of "x", with their text taken from the run.
func maskedTokens(run string) []prose.Token {
	b := []byte(run)
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || utf8.RuneLen(unicode.ToLower(r)) != size {
			for k := i; k < i+size; k++ {
				b[k] = 'x'
			}
		}
		i += size
	}
	masked := string(b)
	toks := peeledTokens(masked)
	pos := 0
	for i, t := range toks {
		start, end := align(masked, pos, t.Text)
		text := run[start:end]
		if t.Text != masked[start:end] {
			text = proseQuotes.Replace(text) // prose's own quote replacement
		}
		toks[i].Text, pos = text, end
	}
	return toks
}

// runTokens returns prose's tokens of one run (text without white space).
func runTokens(run string) []prose.Token {
	if needsMask(run) {
		return maskedTokens(run)
	}
	return peeledTokens(run)
}

// peeledTokens is runTokens for a run prose cuts right.
func peeledTokens(run string) []prose.Token {
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
