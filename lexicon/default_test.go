package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seeds are the five articles the default lexicon is drawn from.
var seeds = []string{
	"000_9bd38622522702f2.txt", "001_d31d528514c85e6c.txt", "002_d6f976fe2dfd8338.txt",
	"003_692f50284f7fa99e.txt", "004_14a68fc0e593822b.txt",
}

func TestDefaultLexicon(t *testing.T) {
	l := Default()
	wantDims := []string{"vision", "time_horizon", "risk", "people", "culture", "change", "decisions", "alignment"}
	if len(l.Dimensions) != len(wantDims) {
		t.Fatalf("%d dimensions, want %d", len(l.Dimensions), len(wantDims))
	}
	for i, d := range l.Dimensions {
		if d.Name != wantDims[i] || d.Description == "" || d.Leadership == "" || d.Management == "" {
			t.Errorf("dimension %d = %+v, want %s with descriptions", i, d, wantDims[i])
		}
	}
	if len(l.Entries) < 300 {
		t.Errorf("%d entries, want at least 300", len(l.Entries))
	}
	for i, c := range l.Counts() {
		if c[Leadership] < 10 || c[Management] < 10 {
			t.Errorf("dimension %s has %d leadership and %d management entries; want 10 or more each", l.Dimensions[i].Name, c[0], c[1])
		}
	}
	used := map[string]int{}
	for _, e := range l.Entries {
		used[e.Source]++
		if !isSeed(e.Source) || e.Phrase == "" {
			t.Errorf("%s: entry %q has provenance %q / %q; want a seed file and a phrase", e.Location(), e.Term, e.Source, e.Phrase)
		}
		if e.Weight < 1 && e.Note == "" {
			t.Errorf("%s: entry %q is weighted down to %g without a note saying why", e.Location(), e.Term, e.Weight)
		}
	}
	for _, s := range seeds {
		if used[s] < 10 {
			t.Errorf("seed %s backs only %d entries", s, used[s])
		}
	}
}

func isSeed(name string) bool {
	for _, s := range seeds {
		if s == name {
			return true
		}
	}
	return false
}

func TestDefaultLexiconHasNoRoleWords(t *testing.T) {
	for _, e := range Default().Entries {
		if w := RoleWord(e.Term); w != "" {
			t.Errorf("%s: entry %q contains the role word %q", e.Location(), e.Term, w)
		}
	}
}

func TestIsRoleWord(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"leader", true}, {"Leadership", true}, {"leading", true}, {"led", true}, {"leads", true},
		{"manager", true}, {"managerial", true}, {"managing", true}, {"manag*", true}, {"lead*", true},
		{"lean", false}, {"learn", false}, {"vision", false}, {"mandate", false}, {"man", false}, {"innovat*", false},
	} {
		if got := IsRoleWord(tc.word); got != tc.want {
			t.Errorf("IsRoleWord(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
	if got := RoleWord("a people-manager role"); got != "manager" {
		t.Errorf("RoleWord = %q", got)
	}
}

// TestDefaultProvenanceIsVerbatim checks that every provenance phrase occurs
// word for word in its seed article. The articles live outside the
// repository (../shared/seeds, or the folder LEADLEX_SEEDS names); the test
// is skipped where they are absent.
func TestDefaultProvenanceIsVerbatim(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "seeds")
	if env := os.Getenv("LEADLEX_SEEDS"); env != "" {
		dir = env
	}
	text := map[string]string{}
	for _, s := range seeds {
		b, err := os.ReadFile(filepath.Join(dir, s))
		if err != nil {
			t.Skipf("seed articles not found at %s: %v", dir, err)
		}
		text[s] = string(b)
	}
	for _, e := range Default().Entries {
		if !strings.Contains(text[e.Source], e.Phrase) {
			t.Errorf("%s: phrase %q of %q is not in %s", e.Location(), e.Phrase, e.Term, e.Source)
		}
	}
}
