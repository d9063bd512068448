package evaluate

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
	"github.com/leadlex/leadlex/pipeline"
	"github.com/leadlex/leadlex/stem"
)

// sharedData is the folder of the shared data sets: $LEADLEX_SHARED/data,
// or ../shared/data beside the repository.
func sharedData() string {
	if d := os.Getenv("LEADLEX_SHARED"); d != "" {
		return filepath.Join(d, "data")
	}
	return filepath.Join("..", "..", "shared", "data")
}

var statRE = regexp.MustCompile(`^weighted log-odds z = (-?\d+\.\d\d)(?: \(for '([^']+)'\))?; (\d+) in (leadership|management) texts, (\d+) in (leadership|management) texts$`)

// The corpora derived entries name, and how derive was run on each.
const (
	sentencesDev = "sentences-dev.tsv, split dev" // leadlex derive sentences-dev.tsv --split dev --ngram 3 --min-count 1
	jobsDevHalf  = "jobs-dev.tsv (dev half)"      // go run ./tools/jobsdev -derive dev.tsv; leadlex derive dev.tsv --ngram 3 --min-count 1
)

// TestDerivedProvenanceReproduces recomputes the statistic of every derived
// entry of the default lexicon from its corpus, as the commands above
// compute it, so a derived provenance cannot drift from the data or be
// written by hand.
func TestDerivedProvenanceReproduces(t *testing.T) {
	scores := map[string]map[string]TermScore{}
	all, err := ReadTSV(filepath.Join(sharedData(), "sentences-dev.tsv"))
	if err != nil {
		t.Skipf("%v: set LEADLEX_SHARED to the shared folder to check derived provenance", err)
	}
	dev, err := FilterSplit(all, "dev")
	if err != nil {
		t.Fatal(err)
	}
	scores[sentencesDev] = deriveScores(t, dev)
	posts, err := ReadJobPosts(filepath.Join(sharedData(), "jobs-dev.tsv"))
	if err != nil {
		t.Skipf("%v: set LEADLEX_SHARED to the shared folder to check derived provenance", err)
	}
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	scores[jobsDevHalf] = deriveScores(t, JobPostExamples(an, posts, HalfDev))

	checked := map[string]int{}
	for _, e := range lexicon.Default().Entries {
		if e.Provenance() != lexicon.DerivedProvenance || e.Generated() {
			continue
		}
		m := statRE.FindStringSubmatch(e.Statistic)
		byTerm, ok := scores[e.Derived]
		if m == nil || !ok {
			t.Errorf("%s: %q: provenance %q / %q", e.Location(), e.Term, e.Derived, e.Statistic)
			continue
		}
		if checkStatistic(t, &e, m, byTerm) {
			checked[e.Derived]++
		}
	}
	if checked[sentencesDev] < 80 || checked[jobsDevHalf] < 20 {
		t.Errorf("checked %v derived entries, want the 80 or more of 1.2.0 and the 20 or more of 1.3.0", checked)
	}
}

// deriveScores derives the weighted log-odds of every term of 1 to 3
// words and returns them by term.
func deriveScores(t *testing.T, examples []Example) map[string]TermScore {
	t.Helper()
	d, err := Derive(examples, DeriveOptions{Count: CountOptions{MaxN: 3, Stop: DefaultStop}, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	byTerm := map[string]TermScore{}
	for _, s := range d.Scores {
		byTerm[s.Term] = s
	}
	return byTerm
}

// checkStatistic compares an entry's statistic (m, matched by statRE)
// with what derive gives, and reports whether the term was found.
func checkStatistic(t *testing.T, e *lexicon.Entry, m []string, byTerm map[string]TermScore) bool {
	t.Helper()
	stems := func(term string) string {
		var out []string
		for _, w := range stem.Words(term) {
			out = append(out, stem.Stem(strings.TrimSuffix(w, "*")))
		}
		return strings.Join(out, " ")
	}
	// The counted term: the entry's words, or the word it stands for.
	want := stems(e.Term)
	if m[2] != "" {
		want = stems(m[2])
	}
	s, ok := byTerm[want]
	if !ok {
		s, ok = byTerm[stems(strings.Join(strings.Fields(e.Key(nil)), " "))]
	}
	if !ok {
		t.Errorf("%s: %q: derive counts no term %q in %s", e.Location(), e.Term, want, e.Derived)
		return false
	}
	z, own, other := s.Z, s.A, s.B
	if e.Pole == lexicon.Management {
		z, own, other = -z, s.B, s.A
	}
	gotZ := strconv.FormatFloat(z, 'f', 2, 64)
	if gotZ != m[1] || strconv.Itoa(own) != m[3] || strconv.Itoa(other) != m[5] || m[4] != e.Pole.String() {
		t.Errorf("%s: %q: statistic %q; derive gives z = %s, %d and %d", e.Location(), e.Term, e.Statistic, gotZ, own, other)
	}
	return true
}
