package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/corpus"
)

func TestFindFromAndRoots(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "team", "jobs")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(sub, "a.md")
	policy := filepath.Join(root, "team", ".leadlex.yaml")
	for _, p := range []string{file, policy} {
		if err := os.WriteFile(p, []byte("min_words: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	elsewhere := t.TempDir()
	// The first start has no policy above it; the second, a file, does.
	got, err := FindFrom(root, []string{elsewhere, file})
	if err != nil || got != filepath.Join("team", ".leadlex.yaml") {
		t.Fatalf("FindFrom = %q, %v; want team/.leadlex.yaml relative to the working folder", got, err)
	}
	if got, _ := FindFrom(elsewhere, []string{elsewhere}); got != "" {
		t.Errorf("FindFrom with no policy = %q, want \"\"", got)
	}
	p, err := Load(policy)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Roots(root); len(got) != 1 || got[0] != "team" {
		t.Errorf("Roots(root) = %q, want [team]", got)
	}
	if got := p.Roots(elsewhere); len(got) != 1 || got[0] != p.Dir {
		t.Errorf("Roots(elsewhere) = %q, want the absolute %s", got, p.Dir)
	}
	msg := (&NoPolicyError{Starts: []string{"a", "b"}}).Error()
	if msg != "no policy file: found no .leadlex.yaml in a or b or the folders above it" {
		t.Errorf("NoPolicyError = %q", msg)
	}
}

func TestNewReportAndBaseline(t *testing.T) {
	f1 := Finding{Fingerprint: "one"}
	f2 := Finding{Fingerprint: "two"}
	docs := []Document{
		{Path: "a", Status: corpus.OK, Findings: []Finding{f1}},
		{Path: "b", Status: corpus.Skipped},
		{Path: "c", Status: corpus.Failed, Reason: "unreadable"},
		{Path: "d", Status: corpus.OK, Findings: []Finding{f2}},
	}
	rep, unreadable := NewReport(Tool{Name: "t"}, &Policy{}, docs)
	if rep.Files != 2 || len(rep.Findings) != 2 || len(unreadable) != 1 || unreadable[0].Path != "c" {
		t.Fatalf("report %+v, unreadable %+v", rep, unreadable)
	}
	base := NewBaseline([]Finding{f1, {Fingerprint: "gone"}})
	note := rep.SubtractBaseline(base)
	if len(rep.Findings) != 1 || rep.Findings[0].Fingerprint != "two" {
		t.Errorf("findings after the baseline: %+v", rep.Findings)
	}
	want := " (new since the baseline; 1 known findings not shown, 1 baseline entries not seen: fixed or not checked)"
	if !strings.HasPrefix(note, " (new since") || note != want {
		t.Errorf("note %q\nwant %q", note, want)
	}
}
