package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// lookups lists every set kept in gathered/ outside the repository: the
// variable that names its file and the file's name.
var lookups = []struct {
	set, env, name string
}{
	{"gathered", "LEADLEX_GATHERED", "sentences-gathered.tsv"},
	{"fresh", "LEADLEX_FRESH", "sentences-fresh.tsv"},
	{"fresh2", "LEADLEX_FRESH2", "sentences-fresh2.tsv"},
	{"fresh3", "LEADLEX_FRESH3", "sentences-fresh3.tsv"},
	{"fresh4", "LEADLEX_FRESH4", "sentences-fresh4.tsv"},
}

// TestFreshAndGatheredLookups checks where each lookup finds its file: the
// variable naming the file or its folder first (each lookup its own
// variable, deaf to the others'), then gathered/ beside the shared folder.
func TestFreshAndGatheredLookups(t *testing.T) {
	tmp := t.TempDir()
	for _, l := range lookups {
		tests := []struct {
			name, value, shared, other, want string
		}{
			{"file", "/x/set.tsv", "", "", "/x/set.tsv"},
			{"folder", tmp, "", "", filepath.Join(tmp, l.name)},
			{"beside shared", "", "/w/shared", "", "/w/gathered/" + l.name},
			{"ignores the other variables", "", "/w/shared", "/x/other.tsv", "/w/gathered/" + l.name},
		}
		for _, tt := range tests {
			t.Run(l.env+" "+tt.name, func(t *testing.T) {
				for _, o := range lookups {
					t.Setenv(o.env, tt.other)
				}
				t.Setenv(l.env, tt.value)
				t.Setenv("LEADLEX_SHARED", tt.shared)
				if got := SentenceSet(".", l.set); got != tt.want {
					t.Errorf("got %q, want %q", got, tt.want)
				}
			})
		}
	}
}

// TestFreshFoundInAncestor checks the walk up from dir when no variable is set.
func TestFreshFoundInAncestor(t *testing.T) {
	root := t.TempDir()
	want := filepath.Join(root, "gathered", SetFile("fresh"))
	if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(want, []byte("split\tlabel\ttext\tsource\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(root, "repo", "cmd", "leadlex")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("LEADLEX_FRESH", "")
	t.Setenv("LEADLEX_SHARED", "")
	if got := SentenceSet(deep, "fresh"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
