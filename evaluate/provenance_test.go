package evaluate

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
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

// TestDerivedProvenanceReproduces recomputes the statistic of every derived
// entry of the default lexicon from its corpus, as `leadlex derive
// sentences-dev.tsv --split dev --ngram 3 --min-count 1` computes it, so a
// derived provenance cannot drift from the data or be written by hand.
func TestDerivedProvenanceReproduces(t *testing.T) {
	path := filepath.Join(sharedData(), "sentences-dev.tsv")
	all, err := ReadTSV(path)
	if err != nil {
		t.Skipf("%v: set LEADLEX_SHARED to the shared folder to check derived provenance", err)
	}
	dev, err := FilterSplit(all, "dev")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Derive(dev, DeriveOptions{Count: CountOptions{MaxN: 3, Stop: DefaultStop}, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	byTerm := map[string]TermScore{}
	for _, s := range d.Scores {
		byTerm[s.Term] = s
	}
	stems := func(term string) string {
		var out []string
		for _, w := range stem.Words(term) {
			out = append(out, stem.Stem(strings.TrimSuffix(w, "*")))
		}
		return strings.Join(out, " ")
	}
	checked := 0
	for _, e := range lexicon.Default().Entries {
		if e.Provenance() != lexicon.DerivedProvenance || e.Generated() {
			continue
		}
		m := statRE.FindStringSubmatch(e.Statistic)
		if m == nil || e.Derived != "sentences-dev.tsv, split dev" {
			t.Errorf("%s: %q: provenance %q / %q", e.Location(), e.Term, e.Derived, e.Statistic)
			continue
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
			t.Errorf("%s: %q: derive counts no term %q on the dev split", e.Location(), e.Term, want)
			continue
		}
		z, own, other := s.Z, s.A, s.B
		if e.Pole == lexicon.Management {
			z, own, other = -z, s.B, s.A
		}
		gotZ := strconv.FormatFloat(z, 'f', 2, 64)
		if gotZ != m[1] || strconv.Itoa(own) != m[3] || strconv.Itoa(other) != m[5] || m[4] != e.Pole.String() {
			t.Errorf("%s: %q: statistic %q; derive gives z = %s, %d and %d", e.Location(), e.Term, e.Statistic, gotZ, own, other)
		}
		checked++
	}
	if checked < 80 {
		t.Errorf("checked %d derived entries, want the 80 or more of 1.2.0", checked)
	}
}
