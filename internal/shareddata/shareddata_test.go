package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFreshAndGatheredLookups checks where each lookup finds its file: the
// variable naming the file or its folder first (each lookup its own
// variable), then gathered/ beside the shared folder.
func TestFreshAndGatheredLookups(t *testing.T) {
	tmp := t.TempDir()
	tests := []struct {
		name, env, value, shared string
		lookup                   func(string) string
		want                     string
	}{
		{"fresh file", "LEADLEX_FRESH", "/x/f.tsv", "", Fresh, "/x/f.tsv"},
		{"fresh folder", "LEADLEX_FRESH", tmp, "", Fresh, filepath.Join(tmp, FreshName)},
		{"fresh beside shared", "LEADLEX_FRESH", "", "/w/shared", Fresh, "/w/gathered/" + FreshName},
		{"fresh2 file", "LEADLEX_FRESH2", "/x/h.tsv", "", Fresh2, "/x/h.tsv"},
		{"fresh2 folder", "LEADLEX_FRESH2", tmp, "", Fresh2, filepath.Join(tmp, Fresh2Name)},
		{"fresh2 beside shared", "LEADLEX_FRESH2", "", "/w/shared", Fresh2, "/w/gathered/" + Fresh2Name},
		{"fresh2 ignores LEADLEX_FRESH", "LEADLEX_FRESH", "/x/f.tsv", "/w/shared", Fresh2, "/w/gathered/" + Fresh2Name},
		{"gathered folder", "LEADLEX_GATHERED", tmp, "", Gathered, filepath.Join(tmp, GatheredName)},
		{"gathered beside shared", "LEADLEX_GATHERED", "", "/w/shared", Gathered, "/w/gathered/" + GatheredName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LEADLEX_FRESH", "")
			t.Setenv("LEADLEX_FRESH2", "")
			t.Setenv("LEADLEX_GATHERED", "")
			t.Setenv(tt.env, tt.value)
			t.Setenv("LEADLEX_SHARED", tt.shared)
			if got := tt.lookup("."); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFreshFoundInAncestor checks the walk up from dir when no variable is set.
func TestFreshFoundInAncestor(t *testing.T) {
	root := t.TempDir()
	want := filepath.Join(root, "gathered", FreshName)
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
	if got := Fresh(deep); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
