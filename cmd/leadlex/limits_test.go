package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLexiconAndPolicySizeCaps checks that a lexicon or policy file over
// its limit is refused with a message that names the limit and the flag
// that raises it, and that the flag does raise it.
func TestLexiconAndPolicySizeCaps(t *testing.T) {
	dir := writeTree(t, map[string]string{"doc.txt": "We set the vision."})
	padding := strings.Repeat("# padding to make the file large\n", (1<<20)/33+1000)
	lexPath := filepath.Join(dir, "big.yaml")
	def, err := os.ReadFile("../../lexicon/default.yaml")
	must(t, err)
	must(t, os.WriteFile(lexPath, append(def, strings.Repeat(padding, 4)...), 0o644))
	policy := filepath.Join(dir, "policy.yaml")
	must(t, os.WriteFile(policy, []byte("thresholds:\n  balance: {min: -1}\n"+padding), 0o644))
	doc := filepath.Join(dir, "doc.txt")

	code, _, stderr := leadlex(t, "score", doc, "--lexicon", lexPath, "-o", "-", "-q")
	if code != exitUsage || !strings.Contains(stderr, "big.yaml is larger than the limit of 4 MB; raise it with --max-lexicon-bytes") {
		t.Errorf("lexicon over the limit: exit %d, %q", code, stderr)
	}
	if code, _, stderr := leadlex(t, "score", doc, "--lexicon", lexPath, "--max-lexicon-bytes", "8MB", "-o", "-", "-q"); code != 0 {
		t.Errorf("lexicon with the limit raised: exit %d, %q", code, stderr)
	}
	code, _, stderr = leadlex(t, "check", doc, "--config", policy, "-q")
	if code != exitUsage || !strings.Contains(stderr, "policy.yaml is larger than the limit of 1 MB; raise it with --max-policy-bytes") {
		t.Errorf("policy over the limit: exit %d, %q", code, stderr)
	}
	if code, _, stderr := leadlex(t, "check", doc, "--config", policy, "--max-policy-bytes", "2MB", "-q"); code != 0 {
		t.Errorf("policy with the limit raised: exit %d, %q", code, stderr)
	}
	// The limit is the run's: the next run has the default again.
	if code, _, _ := leadlex(t, "score", doc, "--lexicon", lexPath, "-o", "-", "-q"); code != exitUsage {
		t.Errorf("a raised limit outlived its run: exit %d", code)
	}
}
