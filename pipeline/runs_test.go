package pipeline

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/jdkato/prose/v2"

	"github.com/leadlex/leadlex/internal/corpusgen"
	"github.com/leadlex/leadlex/sections"
)

// tokenizeWhole is the plain way to tokenize: prose over the whole text,
// each token aligned with the text. runTokenizer must give the same tokens.
func tokenizeWhole(text string) []Token {
	doc, err := prose.NewDocument(text, proseOptions...)
	if err != nil {
		return nil
	}
	var dst []Token
	pos := 0
	for _, pt := range doc.Tokens() {
		start, end := align(text, pos, pt.Text)
		pos = end
		dst = appendSplit(dst, text, Token{Start: start, End: end, Text: pt.Text})
	}
	return dst
}

// tokenizeTexts are texts with the cases prose treats specially: quotes
// curly and straight, clitics, emoticons, abbreviations, joiners, white
// space other than spaces, the batch sentinel, and runs longer than are
// remembered.
var tokenizeTexts = []string{
	"",
	"   \n\t ",
	"Leaders inspire.",
	"“Inspiring” isn’t easy; they’ll say ‘no’ and we're (mostly) fine!",
	"Dr. Smith met U.S.A. officials at 5 p.m. Mr. Jones: $100, [sic] \"quoted\"",
	"a long-term, day-to-day plan and/or — the end—really",
	"We’ll grow 10% in 2027. Don't. DON'T. won't can't I'm you're",
	"  \n- café\r\n- naïve\u00a0bullet\u2003em\u2028line",
	"Fish &rsquo;n chips &rsquo;&rsquo; x&rsquo;s",
	"¯\\(ツ)/¯ :-) (-8 xD :( <3 O.o",
	"a\u201c\u201db \"\"'' x- -x -- ...!? (wow)",
	"sentinel \uE000 inside x\uE000y and \uE000",
	"https://example.com/a/very/long/path/that/goes/on/and/on/for/more/than/sixty-four/bytes?q=1 end.",
	strings.Repeat("long-", 30) + "word, and again " + strings.Repeat("long-", 30) + "word.",
}

func tokenString(text string, toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, "%d:%d:%q:%v ", t.Start, t.End, t.Text, t.Word)
		if text[t.Start:t.End] == "" && t.Text != "" {
			b.WriteString("(empty span) ")
		}
	}
	return b.String()
}

// TestRunTokenizerEqualsWhole guards the property runs.go relies on (prose
// tokenizes each white-space-separated run on its own): tokenizing run by
// run, with and without memory across texts, gives exactly the tokens of
// prose over the whole text, on tricky texts, the test corpus, and
// generated documents.
func TestRunTokenizerEqualsWhole(t *testing.T) {
	texts := runTestTexts(t)
	an := testAnalyzer(t)
	remembering := newRunTokenizer(an.matcher, 1000) // small: forgets and starts again during the test
	colliding := newRunTokenizer(an.matcher, 1000)
	colliding.hash = func(run string) uint64 { return uint64(len(run) % 3) } // runs share hashes all the time
	for i, text := range texts {
		want := tokenString(text, tokenizeWhole(text))
		if got := tokenString(text, Tokenize(nil, text)); got != want {
			t.Fatalf("text %d: Tokenize\n got %s\nwant %s", i, got, want)
		}
		if toks, _, _, _ := colliding.tokenize(text, nil, nil, nil, nil); tokenString(text, toks) != want {
			t.Fatalf("text %d: tokenizer with colliding hashes\n got %s\nwant %s", i, tokenString(text, toks), want)
		}
		if err := checkTokenizer(an, remembering, text, want); err != nil {
			t.Fatalf("text %d: remembering tokenizer: %v", i, err)
		}
	}
	if len(remembering.cur.index)+len(remembering.old.index) > 1000+maxRunsPerText(texts) {
		t.Errorf("remembered %d runs, limit 1000", len(remembering.cur.index)+len(remembering.old.index))
	}
}

// runTestTexts are the texts TestRunTokenizerEqualsWhole tokenizes: the
// tricky ones, the test corpus and 200 generated documents.
func runTestTexts(t *testing.T) []string {
	t.Helper()
	texts := append([]string(nil), tokenizeTexts...)
	filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".tsv")) {
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	if len(texts) < len(tokenizeTexts)+30 {
		t.Fatalf("found only %d test corpus files", len(texts)-len(tokenizeTexts))
	}
	g := corpusgen.New(corpusgen.Options{Seed: 3})
	for range 200 {
		texts = append(texts, g.Next().Text)
	}
	return texts
}

// checkTokenizer tokenizes text with rt and checks the tokens against
// want (tokenString of prose over the whole text) and each token's lower
// case, stem number, flags and can-start flag against the matcher's.
func checkTokenizer(an *Analyzer, rt *runTokenizer, text, want string) error {
	toks, words, starts, cues := rt.tokenize(text, nil, nil, nil, nil)
	if got := tokenString(text, toks); got != want {
		return fmt.Errorf("tokens\n got %s\nwant %s", got, want)
	}
	if len(words) != len(toks) || len(starts) != len(toks) || len(cues) != len(toks) {
		return fmt.Errorf("%d tokens, %d words, %d starts, %d cues", len(toks), len(words), len(starts), len(cues))
	}
	for k, tok := range toks {
		w := words[k]
		if w.Lower != strings.ToLower(tok.Text) {
			return fmt.Errorf("token %q: lower %q", tok.Text, w.Lower)
		}
		if want := sections.Code(tok.Text, w.Lower); cues[k] != want {
			return fmt.Errorf("token %q: cue %d, want %d", tok.Text, cues[k], want)
		}
		stem := ""
		if tok.Word {
			if stem = an.matcher.matchStem(w.Lower); stem == "" {
				stem = w.Lower
			}
		}
		if want := an.matcher.token(w.Lower, stem); w != want || starts[k] != an.matcher.canStart(w) {
			return fmt.Errorf("token %q: %+v start %v, want %+v (stem %q) %v", tok.Text, w, starts[k], want, stem, an.matcher.canStart(w))
		}
	}
	return nil
}

func maxRunsPerText(texts []string) int {
	most := 0
	for _, text := range texts {
		n := 0
		forEachRun(text, func(int, int) { n++ })
		most = max(most, n)
	}
	return most
}

func TestForEachRun(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"", ""},
		{"  ", ""},
		{"a", "a|"},
		{" ab  c\n", "ab|c|"},
		{"x\u00a0y\u2003z\u0085w", "x|y|z|w|"},
		{"é–è", "é–è|"},
	}
	for _, tc := range tests {
		var b strings.Builder
		forEachRun(tc.text, func(start, end int) { b.WriteString(tc.text[start:end] + "|") })
		if b.String() != tc.want {
			t.Errorf("forEachRun(%q) = %q, want %q", tc.text, b.String(), tc.want)
		}
	}
}

// TestTokenizeDroppedClitic pins down a case where prose drops part of a
// run ("'sup" loses everything after its "'s"): the next token is placed in
// its own run, not inside the dropped text where the same letters stand.
func TestTokenizeDroppedClitic(t *testing.T) {
	text := "x'sup up"
	toks := Tokenize(nil, text)
	if len(toks) != 2 || toks[1].Text != "up" || toks[1].Start != 6 {
		t.Errorf("Tokenize(%q) = %s, want up at offset 6", text, tokenString(text, toks))
	}
}

// TestRunPieceSize keeps a remembered token at 32 bytes: the pieces are
// most of each worker's memory of runs (two generations of 80,000).
func TestRunPieceSize(t *testing.T) {
	if got := unsafe.Sizeof(runPiece{}); got != 32 {
		t.Errorf("runPiece is %d bytes, want 32", got)
	}
}

// TestAddLower checks that the memory of runs lower-cases as
// strings.ToLower does, and keeps a lower-case token's own span.
func TestAddLower(t *testing.T) {
	for _, s := range []string{"team", "Team", "NASA", "e-Mail2", "Ärger", "İstanbul", "\xffABC", "K\u212a", "’s", ""} {
		m := newRunMemory(8, true)
		sp := m.add(s)
		lsp, lower := m.addLower(s, sp)
		if want := strings.ToLower(s); lower != want || m.str(lsp) != want {
			t.Errorf("%q: lower %q, span holds %q, want %q", s, lower, m.str(lsp), want)
		}
		if (lsp == sp) != (strings.ToLower(s) == s) {
			t.Errorf("%q: span %v, own span %v", s, lsp, sp)
		}
	}
}
