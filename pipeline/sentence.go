package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a span of tokens that forms one sentence, list item or heading.
type Sentence struct {
	Start, End  int // byte offsets of the first token's start and the last token's end
	First, Last int // token indexes: tokens[First:Last]
	Words       int // word tokens in the sentence
}

// titles are abbreviations after which a full stop does not end a sentence.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "vs": true, "no": true, "approx": true, "dept": true,
	"fig": true, "inc": true, "ltd": true, "co": true, "corp": true, "gen": true,
}

// Segment splits tokens into sentences. A sentence ends at terminal
// punctuation (. ! ? …) followed by a token that does not start in lower
// case, at a blank line, and at the end of a list item or a line ending in a
// colon. Spans without a word (a lone bullet, a rule of dashes) are dropped.
// Sentences are appended to dst.
func Segment(dst []Sentence, text string, toks []Token) []Sentence {
	start := 0
	emit := func(end int) {
		if end <= start {
			return
		}
		s := Sentence{First: start, Last: end, Start: toks[start].Start, End: toks[end-1].End}
		for _, t := range toks[start:end] {
			if t.Word {
				s.Words++
			}
		}
		if s.Words > 0 {
			dst = append(dst, s)
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		if i > start && lineBreakEnds(text, toks, start, i) {
			emit(i)
		}
		if !isTerminal(toks[i].Text) {
			continue
		}
		j := i + 1
		for j < len(toks) && (isCloser(toks[j].Text) || isTerminal(toks[j].Text)) && toks[j-1].End == toks[j].Start {
			j++
		}
		if j < len(toks) && !endsHere(text, toks, i, j) {
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(toks))
	return dst
}

// lineBreakEnds reports whether a line break between toks[i-1] and toks[i]
// ends the sentence that began at toks[start].
func lineBreakEnds(text string, toks []Token, start, i int) bool {
	gap := text[toks[i-1].End:toks[i].Start]
	if len(gap) <= 1 && gap != "\n" {
		return false
	}
	nl := strings.Count(gap, "\n")
	switch {
	case nl == 0:
		return false
	case nl >= 2:
		return true
	}
	return isListMarker(toks, i) || isListMarker(toks, start) && lineStart(text, toks, start) ||
		toks[i-1].Text == ":"
}

// endsHere decides whether terminal punctuation at toks[i] (closers up to
// toks[j]) ends the sentence, looking at the token after it.
func endsHere(text string, toks []Token, i, j int) bool {
	next := toks[j].Text
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) {
		return false
	}
	if toks[i].Text == "." && i > 0 && toks[i-1].End == toks[i].Start {
		prev := strings.ToLower(toks[i-1].Text)
		if titles[prev] {
			return false
		}
		// "1." at the start of a line numbers a list item.
		if isDigits(prev) && lineStart(text, toks, i-1) {
			return false
		}
	}
	return true
}

// lineStart reports whether toks[i] is the first token on its line.
func lineStart(text string, toks []Token, i int) bool {
	if i == 0 {
		return true
	}
	return strings.Contains(text[toks[i-1].End:toks[i].Start], "\n")
}

// isListMarker reports whether toks[i] opens a list item or heading at the
// start of a line: "-", "*", "•", "#", or "1." / "1)".
func isListMarker(toks []Token, i int) bool {
	switch toks[i].Text {
	case "-", "*", "+", "•", "·", "–", "—", "▪", "●", "◦", "#", "##", "###", "####":
		return true
	}
	return isDigits(toks[i].Text) && i+1 < len(toks) && (toks[i+1].Text == "." || toks[i+1].Text == ")") &&
		toks[i].End == toks[i+1].Start
}

func isTerminal(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

func isCloser(s string) bool {
	switch s {
	case `"`, "'", ")", "]", "”", "’", "»":
		return true
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
