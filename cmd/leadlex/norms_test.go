package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNormsBuildAndScore builds norms from the bundled corpus, then scores
// the corpus against them: every scored row gets a leadership percentile,
// and --label-by norms without --norms is a usage error.
func TestNormsBuildAndScore(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "n.yaml")
	code, _, stderr := leadlex(t, "norms", "build", corpusDir, "-o", out, "--name", "test-genre")
	if code != 0 || !strings.Contains(stderr, "percentiles of") {
		t.Fatalf("norms build: exit %d %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "name: test-genre") || !strings.Contains(string(data), "balance: [") {
		t.Fatalf("norms file: %v\n%.300s", err, data)
	}
	code, stdout, stderr := leadlex(t, "score", corpusDir, "-o", "-", "-q", "--norms", out)
	if code != 0 {
		t.Fatalf("score --norms: exit %d %s", code, stderr)
	}
	scored := 0
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r struct {
			Status               string   `json:"status"`
			LeadershipPercentile *float64 `json:"leadership_percentile"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if r.Status == "ok" {
			scored++
			if r.LeadershipPercentile == nil || *r.LeadershipPercentile < 0 || *r.LeadershipPercentile > 100 {
				t.Errorf("leadership_percentile %v", r.LeadershipPercentile)
			}
		}
	}
	if scored < 20 {
		t.Errorf("only %d scored rows", scored)
	}
	if code, _, stderr := leadlex(t, "score", corpusDir, "-o", "-", "-q", "--label-by", "norms"); code != 2 || !strings.Contains(stderr, "needs --norms") {
		t.Errorf("--label-by norms without --norms: exit %d %s", code, stderr)
	}
	if code, _, _ := leadlex(t, "norms", "build", corpusDir, "-o", out); code != 2 {
		t.Errorf("norms build without --name: exit %d, want 2", code)
	}
}
