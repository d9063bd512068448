package pipeline

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"
)

// TestRunTokensEqualsProse checks that peeling long runs here gives
// prose's own tokens.
func TestRunTokensEqualsProse(t *testing.T) {
	runs := []string{
		strings.Repeat("[", 100) + "x",
		strings.Repeat("(", 70) + "lead" + strings.Repeat(")", 90),
		"\u201c" + strings.Repeat("\u201c", 40) + "team" + strings.Repeat("\u2019", 40),
		strings.Repeat("a.", 40) + strings.Repeat(")", 30) + ".",
		strings.Repeat("a.", 40) + strings.Repeat(".", 31),
		"U.S." + strings.Repeat(")", 80),
		"they'll" + strings.Repeat(")", 80),
		"don't" + strings.Repeat("!", 80),
		strings.Repeat("$", 65) + strings.Repeat(".", 65),
		strings.Repeat("&rsquo;", 20) + "x" + strings.Repeat("&rsquo;", 20),
		strings.Repeat("é", 40) + strings.Repeat("?", 70),
		strings.Repeat("x", 200),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"[", "]", "(", ")", "$", "\"", "'", ".", ",", "!", "?", ":", ";", "a", "B", "s", "l", "n", "t", "-", "\u201c", "\u2019", "é", ":)"}
	for range 300 {
		var b strings.Builder
		for range 60 + rng.IntN(120) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		runs = append(runs, b.String())
	}
	for _, run := range runs {
		if got, want := tokenTexts(runTokens(run)), tokenTexts(proseTokens(run)); got != want {
			t.Errorf("run %q:\n got %s\nwant %s", run, got, want)
		}
	}
}

// TestLongPunctuationRunIsLinear checks that a long run of punctuation
// costs about as much per byte as a short one: prose alone takes seconds
// on 8 KB of "[" and minutes on 64 KB.
func TestLongPunctuationRunIsLinear(t *testing.T) {
	for _, unit := range []string{"[", ")", ".", "\u201c", "$", "(a"} {
		run := strings.Repeat(unit, (256<<10)/len(unit))
		start := time.Now()
		toks := Tokenize(nil, run)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%d KB of %q took %v", len(run)>>10, unit, d)
		}
		if len(toks) == 0 {
			t.Errorf("%q: no tokens", unit)
		}
	}
}

func tokenTexts(toks []prose.Token) string {
	var b strings.Builder
	for _, tok := range toks {
		b.WriteString(tok.Text + "|")
	}
	return b.String()
}

// FuzzTokenizeTime checks that tokenizing takes time linear in the size of
// a text: a fuzzed run, repeated to 64 KB with and without spaces and with
// each byte stretched, must be tokenized within a generous budget per byte.
func FuzzTokenizeTime(f *testing.F) {
	for _, seed := range []string{"[", ")", ".", "$(", "a.", "'s", "n't", "\u201c", "U.S.)", ":)"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, run string) {
		if run == "" {
			return
		}
		k := max(1, (64<<10)/len(run))
		var stretched strings.Builder
		for i := 0; i < len(run); i++ {
			stretched.WriteString(strings.Repeat(run[i:i+1], k))
		}
		for _, text := range []string{strings.Repeat(run, k), strings.Repeat(run+" ", k/2), stretched.String()} {
			start := time.Now()
			Tokenize(nil, text)
			if d, budget := time.Since(start), 2*time.Second+time.Duration(len(text))*20*time.Microsecond; d > budget {
				t.Fatalf("%d bytes took %v, over %v; first bytes %q", len(text), d, budget, text[:min(len(text), 40)])
			}
		}
	})
}

// TestMaskedClitics: words whose lower case has another length in bytes
// before a clitic made prose cut at an offset of the lower-cased copy, past
// the end of the word (a panic that ended the run) or inside it. They are
// now split as prose splits their plain-letter counterparts.
func TestMaskedClitics(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"We ȺȺȺȺȺȺ'll go.", "We|ȺȺȺȺȺȺ|'ll|go|."},            // Ⱥ: 2 bytes, ⱥ 3 (was a panic)
		{"KKKKab'll", "KKKKab|'ll"},                           // Kelvin sign: 3 bytes, k 1 (was cut inside)
		{"İİİ'S team", "İİİ|'S|team"},                         // İ: 2 bytes, i 1
		{"ⱯⱯ’re here", "ⱯⱯ|'re|here"},                         // ’ becomes ' as prose makes it
		{"a\x95\x95\x95\x95'll b", "a\x95\x95\x95\x95|'ll|b"}, // bytes that are not UTF-8
		{"they'll don't", "they|'ll|do|n't"},                  // unmasked words as before
	} {
		var got []string
		for _, tok := range Tokenize(nil, tc.text) {
			got = append(got, tok.Text)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: tokens %q, want %q", tc.text, strings.Join(got, "|"), tc.want)
		}
	}
}
