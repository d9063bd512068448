package check

import (
	"strings"
	"unicode"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/stem"
)

// flagStarts is what the first word of a flagged term can be: a stem, or a
// prefix for wildcards. Most texts contain none of them, and checking that
// with a plain word split is much cheaper than a second tokenization.
type flagStarts struct {
	stems    map[string]bool
	prefixes []string
}

func (fs *flagStarts) add(term string) {
	words := stem.Words(term)
	if len(words) == 0 {
		return
	}
	if p, ok := strings.CutSuffix(words[0], "*"); ok {
		fs.prefixes = append(fs.prefixes, p)
		return
	}
	if fs.stems == nil {
		fs.stems = map[string]bool{}
	}
	fs.stems[stem.Stem(words[0])] = true
}

// maxStartCache bounds the per-worker cache of words looked at.
const maxStartCache = 100_000

// mayOccur reports whether a word of text could begin a flagged term. It
// splits at anything that is not a letter or digit, which splits at least
// as finely as the tokenizer (hyphens, slashes, apostrophes), so it never
// says no where the matcher would find a term. cache remembers words seen.
func (fs *flagStarts) mayOccur(text string, cache map[string]bool) bool {
	for off := 0; off < len(text); {
		start, end := nextWord(text, off)
		if start < 0 {
			return false
		}
		off = end
		w := text[start:end]
		hit, ok := cache[w]
		if !ok {
			lower := strings.ToLower(w)
			hit = fs.stems[stem.Stem(lower)]
			for _, p := range fs.prefixes {
				hit = hit || strings.HasPrefix(lower, p)
			}
			if len(cache) >= maxStartCache {
				clear(cache)
			}
			cache[w] = hit
		}
		if hit {
			return true
		}
	}
	return false
}

// spanFinding is a finding about a span of the analysed text, before its
// byte offsets are turned into a place in the file.
type spanFinding struct {
	Finding
	start, end int // byte offsets in the analysed text
}

// Position is a place in a file (a 1-based line and column in characters).
type Position = corpus.Position

// placeAt sets the finding's start and end positions.
func (f *spanFinding) placeAt(start, end Position) {
	f.Line, f.Column, f.EndLine, f.EndColumn = start.Line, start.Column, end.Line, end.Column
}

// flagFindings finds the active flagged terms in text. A flagged term that
// is negated ("we never micromanage", "no strict supervision") is not
// flagged: the text is saying the right thing.
func (c *Checker) flagFindings(sc *pipeline.Scorer, active []Flag, text string) []spanFinding {
	byID := make(map[string]*Flag, len(active))
	for i := range active {
		byID[active[i].ID] = &active[i]
	}
	var out []spanFinding
	for _, h := range sc.Analyze(text).Hits {
		f, ok := byID[c.flagID[h.Entry]]
		if !ok || h.Negated || !h.Counts { // no finding inside boilerplate
			continue
		}
		match := text[h.Start:h.End]
		out = append(out, spanFinding{
			Finding: Finding{
				Rule:         f.ID,
				Severity:     f.Severity,
				Message:      flagMessage(f, match),
				Match:        match,
				Suggestion:   strings.Join(f.Suggest, " or "),
				Replacements: f.Suggest,
			},
			start: h.Start, end: h.End,
		})
	}
	return out
}

// flagMessage is the flag's message with {match} and {term} filled in, or
// a default naming the match.
func flagMessage(f *Flag, match string) string {
	if f.Message == "" {
		if strings.EqualFold(match, f.Term) || strings.HasSuffix(f.Term, "*") {
			return "“" + match + "” is a flagged term"
		}
		return "“" + match + "” is flagged (as “" + f.Term + "”)"
	}
	return strings.NewReplacer("{match}", match, "{term}", f.Term).Replace(f.Message)
}

// isWordRune reports whether r belongs to a word for mayOccur.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// nextWord finds the next run of letters and digits at or after off.
func nextWord(s string, off int) (start, end int) {
	start = -1
	for i, r := range s[off:] {
		if isWordRune(r) {
			if start < 0 {
				start = off + i
			}
			continue
		}
		if start >= 0 {
			return start, off + i
		}
	}
	if start < 0 {
		return -1, -1
	}
	return start, len(s)
}
