package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	dir := t.TempDir()
	results := filepath.Join(dir, "results.parquet")
	if code, _, stderr := leadlex(t, "score", corpusDir, "-o", results, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page := filepath.Join(dir, "report.html")
	code, stdout, stderr := leadlex(t, "report", results, "-o", page, "--by", "folder:2", "--top", "5", "--title", "Hiring language")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "36 documents in 12 groups; wrote "+page+"\n" || stdout != "" {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	for _, want := range []string{"<title>Hiring language</title>", "The 5 most leadership-leaning documents",
		`data-chart="dimensions"`, ">jobs/engineering<", ">jobs/public_sector<"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}

	// To stdout.
	code, stdout, _ = leadlex(t, "report", results, "-o", "-")
	if code != 0 || !strings.HasPrefix(stdout, "<!DOCTYPE html>") || !strings.Contains(stdout, `data-chart="balance"`) {
		t.Errorf("exit %d, stdout starts %q", code, stdout[:min(len(stdout), 40)])
	}
}

func TestReportErrors(t *testing.T) {
	dir := t.TempDir()
	results := filepath.Join(dir, "results.parquet")
	sentences := filepath.Join(dir, "sentences.parquet")
	if code, _, stderr := leadlex(t, "score", corpusDir+"/memos", "-o", results, "--sentences", sentences, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"report"}, "accepts 1 arg(s), received 0"},
		{[]string{"report", filepath.Join(dir, "none.parquet")}, "no such file"},
		{[]string{"report", sentences}, "not a results file"},
		{[]string{"report", results, "--by", "confidence"}, "--by confidence: cannot group by a column of numbers"},
		{[]string{"report", results, "--top", "0"}, "--top must be 1 or more"},
		{[]string{"report", results, "-o", dir}, "is a folder"},
	}
	for _, tc := range tests {
		code, _, stderr := leadlex(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); err == nil {
		t.Error("a failed report wrote report.html")
	}
}
