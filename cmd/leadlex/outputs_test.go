package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputNeverOverwritesInput runs each command with an output that is
// one of its inputs (or inside an input folder, or the other output): each
// is a usage error, exit 2, and every file is left as it was.
func TestOutputNeverOverwritesInput(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".leadlex.yaml": "thresholds:\n  balance: {min: -1}\n",
		"c/t1.txt":      "We set the vision and coach the team.",
		"c/t2.md":       "# Plan\n\nWe track the budget.",
		"e.txt":         "We inspire people.",
		"lex.yaml":      "",
		"base.json":     "",
	})
	// A results file for report to read.
	results := filepath.Join(dir, "r.parquet")
	if code, _, stderr := leadlex(t, "score", filepath.Join(dir, "c"), "-o", results, "-q"); code != 0 {
		t.Fatalf("score for the report: exit %d: %s", code, stderr)
	}
	in := func(p string) string { return filepath.Join(dir, p) }
	cases := []struct {
		name string
		args []string
		want string // in the message
	}{
		{"score -o an input file", []string{"score", in("c"), "-o", in("c/t1.txt")}, "is also an input"},
		{"score -o the file scored", []string{"score", in("e.txt"), "-o", in("e.txt"), "--format", "csv"}, "is also an input"},
		{"score -o a readable file inside the input folder", []string{"score", in("c"), "-o", in("c/new.csv")}, "inside"},
		{"score -o under another spelling", []string{"score", in("c"), "-o", in("c/../c/./t2.md"), "--format", "jsonl"}, "is also an input"},
		{"score --sentences an input", []string{"score", in("c"), "-o", in("out.parquet"), "--sentences", in("c/t2.md")}, "is also an input"},
		{"score -o and --sentences the same", []string{"score", in("c"), "-o", in("same.parquet"), "--sentences", in("same.parquet")}, "are the same file"},
		{"score -o the lexicon", []string{"score", in("c"), "--lexicon", in("lex.yaml"), "-o", in("lex.yaml"), "--format", "csv"}, "is also an input"},
		{"check -o a checked file", []string{"check", in("c"), "--config", in(".leadlex.yaml"), "-o", in("c/t1.txt")}, "is also an input"},
		{"check -o the policy", []string{"check", in("c"), "--config", in(".leadlex.yaml"), "-o", in(".leadlex.yaml")}, "is also an input"},
		{"check -o the baseline read", []string{"check", in("c"), "--config", in(".leadlex.yaml"), "--baseline", in("base.json"), "-o", in("base.json")}, "is also an input"},
		{"check -o the baseline written", []string{"check", in("c"), "--config", in(".leadlex.yaml"), "--baseline", in("new.json"), "--write-baseline", "-o", in("new.json")}, "are the same file"},
		{"explain -o the file explained", []string{"explain", in("e.txt"), "-o", in("e.txt")}, "is also an input"},
		{"explain -f html -o an input", []string{"explain", "-f", "html", in("e.txt"), in("c/t2.md"), "-o", in("c/t2.md")}, "is also an input"},
		{"report -o the results", []string{"report", results, "-o", results}, "is also an input"},
	}
	before := snapshot(t, dir)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			if args[0] == "score" || args[0] == "check" {
				args = append(args, "-q")
			}
			code, _, stderr := leadlex(t, args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tc.want)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("files changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
	// Writing beside the input, or inside it with a type that is not read,
	// is fine.
	if code, _, stderr := leadlex(t, "score", in("c"), "-o", in("c/results.parquet"), "-q"); code != 0 {
		t.Errorf("-o a parquet file in the input folder: exit %d: %s", code, stderr)
	}
	if code, _, stderr := leadlex(t, "explain", in("e.txt"), "-o", in("e.html"), "-f", "html"); code != 0 {
		t.Errorf("explain beside its input: exit %d: %s", code, stderr)
	}
}

// snapshot lists the files under dir with their sizes and contents' start.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(rel + ":" + string(data[:min(len(data), 16)]) + "; ")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
