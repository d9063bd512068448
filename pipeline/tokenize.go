package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/leadlex/leadlex/stem"
)

// Token is one token of a text with its byte offsets in that text.
type Token struct {
	Start, End int    // byte offsets: text[Start:End] is the token as written
	Text       string // the token as the tokenizer gave it (straight quotes)
	Word       bool   // a word or number, not punctuation or a clitic
}

// proseOptions turn off prose's tagging, segmentation and entity
// extraction: they load models on every call and we need none of them.
var proseOptions = []prose.DocOpt{
	prose.WithTagging(false),
	prose.WithSegmentation(false),
	prose.WithExtraction(false),
}

// Tokenize splits text into tokens with prose's tokenizer, finds each
// token's byte offsets in text, and splits words joined by hyphens or
// slashes ("long-term" -> "long", "term"). Tokens are appended to dst.
// prose is asked once per distinct run of text between white space (see
// runTokenizer), which gives the same tokens as asking it about the whole.
func Tokenize(dst []Token, text string) []Token {
	dst, _, _, _ = newRunTokenizer(nil, 0).tokenize(text, dst, nil, nil, nil)
	return dst
}

// align finds tok in text at or after pos, skipping whitespace. prose
// replaces curly quotes with straight ones and "&rsquo;" with an
// apostrophe before tokenizing, so those count as equal here.
func align(text string, pos int, tok string) (start, end int) {
	for pos < len(text) {
		r, size := utf8.DecodeRuneInString(text[pos:])
		if !unicode.IsSpace(r) {
			break
		}
		pos += size
	}
	if end, ok := matchAt(text, pos, tok); ok {
		return pos, end
	}
	// Not where expected (should not happen): search ahead, else give the
	// token an empty span at the cursor so offsets stay monotonic.
	if i := strings.Index(text[pos:], tok); i >= 0 {
		return pos + i, pos + i + len(tok)
	}
	return pos, pos
}

// matchAt reports whether tok stands at text[pos:], allowing prose's quote
// normalisation, and where it ends.
func matchAt(text string, pos int, tok string) (int, bool) {
	i := pos
	for j := 0; j < len(tok); j++ {
		c := tok[j]
		if i < len(text) && text[i] == c {
			i++
			continue
		}
		n := 0
		switch c {
		case '"':
			n = prefixLen(text[i:], "\u201c", "\u201d")
		case '\'':
			n = prefixLen(text[i:], "\u2018", "\u2019", "&rsquo;")
		}
		if n == 0 {
			return 0, false
		}
		i += n
	}
	return i, true
}

func prefixLen(s string, options ...string) int {
	for _, o := range options {
		if strings.HasPrefix(s, o) {
			return len(o)
		}
	}
	return 0
}

// appendSplit appends t, split at joiners when it holds words on both sides
// of one ("long-term", "day-to-day", "and/or").
func appendSplit(dst []Token, text string, t Token) []Token {
	raw := text[t.Start:t.End]
	if !mayJoin(raw) || !strings.ContainsFunc(raw, stem.IsJoiner) || !strings.ContainsFunc(raw, isWordRune) {
		t.Word = isWord(t.Text)
		return append(dst, t)
	}
	start := -1
	for i, r := range raw {
		if stem.IsJoiner(r) {
			if start >= 0 {
				dst = appendPart(dst, text, t.Start+start, t.Start+i)
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = appendPart(dst, text, t.Start+start, t.End)
	}
	return dst
}

func appendPart(dst []Token, text string, start, end int) []Token {
	s := normalizeQuotes(text[start:end])
	return append(dst, Token{Start: start, End: end, Text: s, Word: isWord(s)})
}

var quoteReplacer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'")

func normalizeQuotes(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return quoteReplacer.Replace(s)
		}
	}
	return s
}

// mayJoin is a fast pre-check for appendSplit: an ASCII token without '-'
// or '/' holds no joiner.
func mayJoin(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '-' || c == '/' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isWord reports whether a token counts as a word: it has a letter or a
// digit and is not a clitic split off by the tokenizer ('s, 'll, n't).
func isWord(s string) bool {
	if s == "" || s[0] == '\'' || isClitic(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return strings.ContainsFunc(s[i:], isWordRune)
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			return true
		}
	}
	return false
}

func isClitic(s string) bool {
	return len(s) == 3 && (s[0] == 'n' || s[0] == 'N') && s[1] == '\'' && (s[2] == 't' || s[2] == 'T')
}
