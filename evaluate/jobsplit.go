package evaluate

import (
	"crypto/sha256"
	"hash/fnv"
	"strings"
	"unicode"

	"github.com/leadlex/leadlex/pipeline"
)

// The halves of a job-posting set: wording is chosen on the dev half only;
// the held-out half is measured once, afterwards.
const (
	HalfDev     = "dev"
	HalfHeldOut = "heldout"
)

// Near-duplicate grouping: postings that share most of their uncommon
// word runs (the same advert posted for two sites, a re-issued vacancy)
// go to the same half, so a posting's twin cannot carry tuned wording
// into the held-out half.
const (
	shingleWords = 6   // words per run compared
	commonRun    = 50  // a run found in more postings than this is shared boilerplate, not evidence
	nearDupShare = 0.5 // Jaccard of the uncommon runs at or above which two postings are one group
)

// SplitJobPosts assigns every post to the dev or the held-out half by its
// source id and sets Half: near-duplicate postings (see nearDupShare) form
// a group, and a group goes to the dev half when the SHA-256 of its
// smallest source id starts with an even byte. The rule depends on the
// source ids and texts alone, so it is the same on every run and splits
// each board about in half.
func SplitJobPosts(posts []JobPost) {
	groups := nearDuplicateGroups(posts)
	key := make(map[int]string, len(posts))
	for i, g := range groups {
		if k, ok := key[g]; !ok || posts[i].Source < k {
			key[g] = posts[i].Source
		}
	}
	for i := range posts {
		sum := sha256.Sum256([]byte(key[groups[i]]))
		posts[i].Half = HalfHeldOut
		if sum[0]%2 == 0 {
			posts[i].Half = HalfDev
		}
	}
}

// nearDuplicateGroups returns, per post, the index of the first post of
// its group (union-find over pairs whose uncommon runs overlap by
// nearDupShare or more).
func nearDuplicateGroups(posts []JobPost) []int {
	runs := make([][]uint64, len(posts))
	df := map[uint64]int{}
	for i := range posts {
		runs[i] = shingles(posts[i].Text)
		for _, h := range runs[i] {
			df[h]++
		}
	}
	index := map[uint64][]int32{}
	rare := make([]int, len(posts))
	for i, rs := range runs {
		for _, h := range rs {
			if df[h] <= commonRun {
				index[h] = append(index[h], int32(i))
				rare[i]++
			}
		}
	}
	parent := make([]int, len(posts))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	shared := map[int32]int{}
	for i, rs := range runs {
		clear(shared)
		for _, h := range rs {
			if df[h] > commonRun {
				continue
			}
			for _, j := range index[h] {
				if int(j) > i {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			if float64(n) >= nearDupShare*float64(rare[i]+rare[j]-n) {
				a, b := find(i), find(int(j))
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	out := make([]int, len(posts))
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// shingles returns the distinct hashed runs of shingleWords lower-cased
// words of text.
func shingles(text string) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	seen := map[uint64]bool{}
	var out []uint64
	for i := 0; i+shingleWords <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		if s := h.Sum64(); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// JobPostExamples returns the role text of the executive and operational
// posts of one half as examples for Derive: executive posts labelled
// leadership, operational ones management. Boilerplate is cut out as the
// analyzer finds it (the analyzer's lexicon does not change which words
// are boilerplate), and whitespace runs become one space.
func JobPostExamples(an *pipeline.Analyzer, posts []JobPost, half string) []Example {
	sc := pipeline.NewScorer(an)
	var out []Example
	for _, p := range posts {
		label := map[string]string{"executive": "leadership", "operational": "management"}[p.Group]
		if p.Half != half || label == "" {
			continue
		}
		text := strings.Join(strings.Fields(RoleText(sc.Analyze(p.Text))), " ")
		out = append(out, Example{Label: label, Text: text, Source: p.Source, Line: p.Line, Split: half})
	}
	return out
}

// RoleText returns an analysed text with its boilerplate cut out, a space
// standing for each cut.
func RoleText(a *pipeline.Analysis) string {
	var b strings.Builder
	at := 0
	for _, s := range a.Boilerplate {
		if s.Start > at {
			b.WriteString(a.Text[at:s.Start])
			b.WriteByte(' ')
		}
		at = max(at, s.End)
	}
	if at < len(a.Text) {
		b.WriteString(a.Text[at:])
	}
	return b.String()
}
