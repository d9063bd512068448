package lexicon

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/leadlex/leadlex/stem"
)

// collisionFile is the reviewed list of words that share a Snowball stem
// with a word of a default-lexicon entry without being one of its
// inflections (succession → success, initiative → initial).
const collisionFile = "../testdata/stem-collisions.tsv"

// minCommon is how often a word must occur in the vocabulary texts to count
// as common.
const minCommon = 3

// vocabulary counts the words of the texts a collision could come from:
// the repository's test data, and where they are present the seed
// articles and the shared data sets (read in place, never copied).
func vocabulary(t *testing.T) (map[string]int, bool) {
	t.Helper()
	counts := map[string]int{}
	add := func(text string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			counts[w]++
		}
	}
	walk := func(root string) bool {
		found := false
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.Contains(path, "fuzz") && filepath.Base(path) != filepath.Base(collisionFile) {
				if b, err := os.ReadFile(path); err == nil {
					add(string(b))
					found = true
				}
			}
			return nil
		})
		return found
	}
	walk(filepath.Join("..", "testdata"))
	shared := walk(filepath.Join(sharedDir(), "seeds"))
	for _, f := range []string{"sentences-dev.tsv", "jobs-dev.tsv"} {
		if b, err := os.ReadFile(filepath.Join(sharedDir(), "data", f)); err == nil {
			add(string(b))
		} else {
			shared = false
		}
	}
	return counts, shared
}

// sharedDir is the folder of the shared seeds and data sets: $LEADLEX_SHARED,
// or ../shared beside the repository.
func sharedDir() string {
	if d := os.Getenv("LEADLEX_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared")
}

// inflections are the regular forms of a word: what matching on stems is
// for. A word of the same stem outside them is a collision to review.
func inflections(w string) []string {
	out := []string{w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "ers", w + "ly", w + "'s"}
	if base, ok := strings.CutSuffix(w, "e"); ok {
		out = append(out, base+"ing", base+"er", base+"ers")
	}
	if base, ok := strings.CutSuffix(w, "y"); ok {
		out = append(out, base+"ies", base+"ied", base+"ier", base+"iers", base+"ily")
	}
	if n := len(w); n > 2 && !strings.ContainsRune("aeiouwxy", rune(w[n-1])) && strings.ContainsRune("aeiou", rune(w[n-2])) {
		out = append(out, w+w[n-1:]+"ed", w+w[n-1:]+"ing", w+w[n-1:]+"er")
	}
	return out
}

// isInflection reports whether a and b are regular forms of one word
// ("assigned", "assigning") or one is an irregular form Stem maps to the
// other on purpose ("took", "take").
func isInflection(a, b string) bool {
	if slices.Contains(inflections(a), b) || slices.Contains(inflections(b), a) {
		return true
	}
	if stem.IsIrregular(a) || stem.IsIrregular(b) {
		return true // Stem maps the irregular form to its base on purpose
	}
	for _, x := range bases(a) {
		for _, y := range bases(b) {
			if x == y || slices.Contains(inflections(x), y) || slices.Contains(inflections(y), x) {
				return true
			}
		}
	}
	return false
}

// bases are the words w may be an inflection of.
func bases(w string) []string {
	out := []string{w}
	for _, suf := range []string{"s", "es", "ed", "d", "ing", "ly", "'s"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 2 {
			out = append(out, b, b+"e")
			if n := len(b); n > 2 && b[n-1] == b[n-2] {
				out = append(out, b[:n-1])
			}
		}
	}
	for _, suf := range []string{"ies", "ied"} {
		if b, ok := strings.CutSuffix(w, suf); ok {
			out = append(out, b+"y")
		}
	}
	return out
}

// Collision is a common word that matches an entry word's stem without
// being one of its inflections.
type collision struct{ entryWord, word, stem string }

func findCollisions(l *Lexicon, vocab map[string]int) []collision {
	skip := l.SkipSet()
	byStem := map[string][]string{}
	for w, n := range vocab {
		if n >= minCommon {
			byStem[stem.Stem(w)] = append(byStem[stem.Stem(w)], w)
		}
	}
	entryWords := map[string]bool{}
	for _, e := range l.Entries {
		for _, w := range stem.Words(e.Term) {
			if !strings.HasSuffix(w, "*") && !skip[w] {
				entryWords[w] = true
			}
		}
	}
	// Entry words collide with each other too: add them to the vocabulary.
	for w := range entryWords {
		if !slices.Contains(byStem[stem.Stem(w)], w) {
			byStem[stem.Stem(w)] = append(byStem[stem.Stem(w)], w)
		}
	}
	var out []collision
	for w := range entryWords {
		for _, v := range byStem[stem.Stem(w)] {
			if v != w && !isInflection(w, v) && !(entryWords[v] && v < w) {
				out = append(out, collision{w, v, stem.Stem(w)})
			}
		}
	}
	slices.SortFunc(out, func(a, b collision) int {
		return strings.Compare(a.entryWord+"\t"+a.word, b.entryWord+"\t"+b.word)
	})
	return out
}

// readReviewed reads the reviewed collisions: entry word, word, stem,
// verdict (same: the same sense, fine to match; different: another sense,
// with what was done in the note) and a note.
func readReviewed(t *testing.T) map[[2]string]string {
	t.Helper()
	f, err := os.Open(collisionFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[[2]string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		row := sc.Text()
		if line == 1 || row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) != 5 || (f[3] != "same" && f[3] != "different") || f[3] == "different" && f[4] == "" {
			t.Fatalf("%s:%d: want entry_word, word, stem, verdict (same or different) and a note (required for different): %q", collisionFile, line, row)
		}
		out[[2]string{f[0], f[1]}] = f[3]
	}
	return out
}

// TestStemCollisionsReviewed lists every pair of an entry word and a
// common word (or another entry's word) that meet under Snowball without
// being inflections of each other, and fails on a pair nobody reviewed.
func TestStemCollisionsReviewed(t *testing.T) {
	vocab, shared := vocabulary(t)
	reviewed := readReviewed(t)
	var missing []string
	for _, c := range findCollisions(Default(), vocab) {
		if _, ok := reviewed[[2]string{c.entryWord, c.word}]; !ok {
			missing = append(missing, fmt.Sprintf("%s\t%s\t%s\t?\t", c.entryWord, c.word, c.stem))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d unreviewed stem collisions; review each and add it to %s (same or different, with a note):\n%s",
			len(missing), collisionFile, strings.Join(missing, "\n"))
	}
	if !shared {
		t.Log("seeds or shared data sets not found: collisions were sought in the repository's test data only")
	}
}

func TestIsInflection(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"inspire", "inspiring", true}, {"plan", "planned", true}, {"policy", "policies", true}, {"risk", "risks", true},
		{"succession", "success", false}, {"initiative", "initial", false}, {"organization", "organize", false},
	} {
		if got := isInflection(tc.a, tc.b); got != tc.want {
			t.Errorf("isInflection(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
