package evaluate

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/internal/shareddata"
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

// Corpora derived entries name, as the lexicon writes them.
const (
	devCorpus      = "sentences-dev.tsv, split dev"
	devPlusCorpus  = "sentences-dev.tsv, split dev + sentences-gathered.tsv g001-g425"
	devPlus4Corpus = "sentences-dev.tsv, split dev + sentences-gathered.tsv g001-g695"
	devPlus5Corpus = "sentences-dev.tsv, split dev + sentences-gathered.tsv g001-g747 + sentences-fresh.tsv f001-f321"
	devPlus6Corpus = "sentences-dev.tsv, split dev + sentences-gathered.tsv g001-g993 + sentences-fresh.tsv f001-f321 + sentences-fresh2.tsv h001-h296"
	devPlus7Corpus = devPlus6Corpus + " + sentences-fresh3.tsv k001-k281"
	minDevEntries  = 80 // the derived entries of 1.2.0
	minPlusEntries = 15 // those of 1.3.0 (gathered rows g001-g425, rounds one to three)
	minPlus4       = 35 // those of 1.4.0 (rows g001-g695, round four added)
	minPlus5       = 33 // those of 1.5.0 (rows g001-g747 and the fresh set's f001-f321)
	minPlus6       = 10 // those of 1.6.0 (rows g001-g993, f001-f321 and the second fresh set's h001-h296)
	minPlus7       = 14 // those of 1.7.0 (the same rows and the third fresh set's k001-k281)
	// jobsDevHalf: go run ./tools/jobsdev -derive dev.tsv, then leadlex
	// derive dev.tsv --ngram 3 --min-count 1 (executive postings as the
	// leadership texts, operational ones as the management texts).
	jobsDevHalf = "jobs-dev.tsv (dev half)"
	minJobsDev  = 20 // the job-post entries of 1.3.0
)

// jobPostScores runs derive on the role text of the dev half of
// jobs-dev.tsv as tools/jobsdev -derive writes it.
func jobPostScores(t *testing.T) (map[string]TermScore, error) {
	t.Helper()
	posts, err := ReadSplitJobPosts(filepath.Join(sharedData(), "jobs-dev.tsv"))
	if err != nil {
		return nil, err
	}
	an := pipeline.NewAnalyzer(lexicon.Default(), pipeline.DefaultLabels)
	return deriveByTerm(t, JobPostExamples(an, posts, HalfDev)), nil
}

// derivedScores runs derive as `leadlex derive FILE --split dev --ngram 3
// --min-count 1` does, on the dev split of sentences-dev.tsv together with
// the first gathered rows of the gathered sentences and the first fresh
// rows of the fresh sentences (all their rows, whatever their split; none
// when the count is 0), and returns the scores by stemmed term. rows holds
// the row counts of the gathered, fresh, fresh2 and fresh3 sets.
func derivedScores(t *testing.T, devPath string, rows [4]int) (map[string]TermScore, error) {
	t.Helper()
	all, err := ReadTSV(devPath)
	if err != nil {
		return nil, err
	}
	dev, err := FilterSplit(all, "dev")
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		name   string
		rows   int
		prefix string
	}{{"gathered", rows[0], "g"}, {"fresh", rows[1], "f"}, {"fresh2", rows[2], "h"}, {"fresh3", rows[3], "k"}} {
		if set.rows == 0 {
			continue
		}
		path := shareddata.SentenceSet(".", set.name)
		rows, err := ReadTSV(path)
		if err != nil {
			return nil, err
		}
		if len(rows) < set.rows {
			t.Fatalf("%s has %d rows; the derived entries name rows %s001-%s%03d", path, len(rows), set.prefix, set.prefix, set.rows)
		}
		dev = append(dev, rows[:set.rows]...)
	}
	return deriveByTerm(t, dev), nil
}

// deriveByTerm runs derive with the settings the derived entries were
// made with (--ngram 3 --min-count 1) and returns the scores by stemmed term.
func deriveByTerm(t *testing.T, examples []Example) map[string]TermScore {
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

// TestDerivedProvenanceReproduces recomputes the statistic of every derived
// entry of the default lexicon from its corpus, as `leadlex derive
// sentences-dev.tsv --split dev --ngram 3 --min-count 1` computes it (for
// 1.3.0's to 1.7.0's entries, on the dev split of sentences-dev.tsv
// and the gathered rows they name, g001-g425, g001-g695, g001-g747 with the
// fresh rows f001-f321, or g001-g993 with f001-f321 and the second fresh
// set's h001-h296, and for 1.7.0's also the third fresh set's k001-k281,
// together), so a derived
// provenance cannot drift from the data or be written by hand.
func TestDerivedProvenanceReproduces(t *testing.T) {
	devPath := filepath.Join(sharedData(), "sentences-dev.tsv")
	scores := map[string]map[string]TermScore{}
	var err error
	if scores[devCorpus], err = derivedScores(t, devPath, [4]int{}); err != nil {
		t.Skipf("%v: set LEADLEX_SHARED to the shared folder to check derived provenance", err)
	}
	for corpus, rows := range map[string][4]int{devPlusCorpus: {425}, devPlus4Corpus: {695}, devPlus5Corpus: {747, 321}, devPlus6Corpus: {993, 321, 296}, devPlus7Corpus: {993, 321, 296, 281}} {
		if scores[corpus], err = derivedScores(t, devPath, rows); err != nil {
			t.Logf("%v: the entries derived from %s are not checked (set LEADLEX_GATHERED, LEADLEX_FRESH, LEADLEX_FRESH2 and LEADLEX_FRESH3)", err, corpus)
			delete(scores, corpus)
		}
	}
	if scores[jobsDevHalf], err = jobPostScores(t); err != nil {
		t.Logf("%v: the entries derived from jobs-dev are not checked", err)
		delete(scores, jobsDevHalf)
	}
	stems := func(term string) string {
		var out []string
		for _, w := range stem.Words(term) {
			out = append(out, stem.Stem(strings.TrimSuffix(w, "*")))
		}
		return strings.Join(out, " ")
	}
	checked := map[string]int{}
	for _, e := range lexicon.Default().Entries {
		if e.Provenance() != lexicon.DerivedProvenance || e.Generated() {
			continue
		}
		m := statRE.FindStringSubmatch(e.Statistic)
		if m == nil || e.Derived != devCorpus && e.Derived != devPlusCorpus && e.Derived != devPlus4Corpus && e.Derived != devPlus5Corpus && e.Derived != devPlus6Corpus && e.Derived != devPlus7Corpus && e.Derived != jobsDevHalf {
			t.Errorf("%s: %q: provenance %q / %q", e.Location(), e.Term, e.Derived, e.Statistic)
			continue
		}
		byTerm, ok := scores[e.Derived]
		if !ok {
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
			t.Errorf("%s: %q: derive counts no term %q in %s", e.Location(), e.Term, want, e.Derived)
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
		checked[e.Derived]++
	}
	if checked[devCorpus] < minDevEntries {
		t.Errorf("checked %d entries derived from %s, want the %d or more of 1.2.0", checked[devCorpus], devCorpus, minDevEntries)
	}
	if _, ok := scores[devPlusCorpus]; ok && checked[devPlusCorpus] < minPlusEntries {
		t.Errorf("checked %d entries derived from %s, want the %d or more of 1.3.0", checked[devPlusCorpus], devPlusCorpus, minPlusEntries)
	}
	if _, ok := scores[devPlus4Corpus]; ok && checked[devPlus4Corpus] < minPlus4 {
		t.Errorf("checked %d entries derived from %s, want the %d or more of 1.4.0", checked[devPlus4Corpus], devPlus4Corpus, minPlus4)
	}
	if _, ok := scores[devPlus5Corpus]; ok && checked[devPlus5Corpus] < minPlus5 {
		t.Errorf("checked %d entries derived from %s, want the %d or more of 1.5.0", checked[devPlus5Corpus], devPlus5Corpus, minPlus5)
	}
	if _, ok := scores[devPlus6Corpus]; ok && checked[devPlus6Corpus] < minPlus6 {
		t.Errorf("checked %d entries derived from %s, want the %d or more of 1.6.0", checked[devPlus6Corpus], devPlus6Corpus, minPlus6)
	}
	if _, ok := scores[devPlus7Corpus]; ok && checked[devPlus7Corpus] < minPlus7 {
		t.Errorf("checked %d entries derived from %s, want the %d or more of 1.7.0", checked[devPlus7Corpus], devPlus7Corpus, minPlus7)
	}
	if _, ok := scores[jobsDevHalf]; ok && checked[jobsDevHalf] < minJobsDev {
		t.Errorf("checked %d entries derived from %s, want the %d or more of 1.3.0", checked[jobsDevHalf], jobsDevHalf, minJobsDev)
	}
}
