package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
)

func TestExplainText(t *testing.T) {
	code, stdout, stderr := leadlex(t, "explain", filepath.Join(checkDir, "jobs/engineering/platform_architect.md"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"== ../../testdata/check/jobs/engineering/platform_architect.md ==",
		"to [L:set the direction] for it",
		"dimension     leadership  management\nvision               5.0         0.0\n",
		"balance 0.90 · label leadership · confidence 1.00",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestExplainHTMLFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "page.html")
	code, stdout, stderr := leadlex(t, "explain", filepath.Join(checkDir, "jobs/retail/café_shift_lead.txt"), "--format", "html", "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// The header names the lexicon the run really used, and this leadlex.
	lex := lexicon.Default()
	header := "<p>Lexicon " + lex.Name + " " + lex.Version + " · leadlex " + toolVersion() + " · "
	for _, want := range []string{"<!DOCTYPE html>", header, "Café Zürich", `<mark class="mgmt"`, "<svg", `<span class="label management">management</span>`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestExplainErrors(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"explain"}, "no PATH given"},
		{[]string{"explain", "nope.txt"}, "nope.txt: no such file"},
		{[]string{"explain", empty}, "empty.txt: empty file"},
		{[]string{"explain", empty, "--format", "pdf"}, `--format "pdf": want text or html`},
		{[]string{"explain", empty, "--color", "sometimes"}, `--color "sometimes"`},
	}
	for _, tt := range tests {
		code, stdout, stderr := leadlex(t, tt.args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q (want %q)", tt.args, code, stdout, stderr, tt.want)
		}
	}
}

// TestExplainReadFlags explains a Windows-1252 file and a CSV record with
// the reading flags score has.
func TestExplainReadFlags(t *testing.T) {
	root := writeTree(t, map[string]string{
		"memo.txt":  "Our caf\xe9 needs someone to inspire the team \x96 and set the vision.\n",
		"posts.csv": "key,body\np1,Track the budget and monitor the rota.\n",
	})
	code, stdout, stderr := leadlex(t, "explain", "--encoding", "windows-1252", filepath.Join(root, "memo.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Our café needs", "team – and", "label leadership"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, stderr = leadlex(t, "explain", "--text-column", "body", "--id-column", "key", filepath.Join(root, "posts.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"posts.csv#p1", "[M:budget]", "label management"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}
