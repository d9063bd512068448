package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// firstRow returns the term column of the first table row after the line
// that starts with heading.
func firstRow(t *testing.T, out, heading string) string {
	t.Helper()
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, heading) && i+2 < len(lines) {
			if f := strings.Fields(lines[i+2]); len(f) > 1 {
				return f[1]
			}
		}
	}
	t.Fatalf("no %q table in\n%s", heading, out)
	return ""
}

func TestDeriveFolders(t *testing.T) {
	out := filepath.Join(t.TempDir(), "proposed.yaml")
	code, stdout, stderr := leadlex(t, "derive", "../../testdata/derive/leadership", "../../testdata/derive/management", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := firstRow(t, stdout, "top leadership terms"); got != "reimagine" {
		t.Errorf("top leadership term %q, want reimagine\n%s", got, stdout)
	}
	if got := firstRow(t, stdout, "top management terms"); got != "reconcile" {
		t.Errorf("top management term %q, want reconcile\n%s", got, stdout)
	}
	if !strings.Contains(stderr, "proposed entries to "+out) {
		t.Errorf("stderr %q", stderr)
	}
	// The written lexicon is valid and names where each entry came from.
	code, vout, verr := leadlex(t, "lexicon", "validate", "--strict", out)
	if code != 0 {
		t.Fatalf("derived lexicon: exit %d %s", code, verr)
	}
	_, show, _ := leadlex(t, "lexicon", "show", "--lexicon", out, "reimagine")
	if !strings.Contains(show, "provenance  derived") || !strings.Contains(show, "statistic   weighted log-odds z = ") ||
		!strings.Contains(show, "note        first seen at ../../testdata/derive/leadership/") ||
		!strings.Contains(show, "pole        leadership") {
		t.Errorf("show reimagine:\n%s\n%s", show, vout)
	}
}

func TestDeriveTSVAndErrors(t *testing.T) {
	code, stdout, stderr := leadlex(t, "derive", "../../testdata/labeled/tune.tsv", "--ngram", "2", "--top", "5")
	if code != 0 || !strings.Contains(stdout, "50 leadership texts") || !strings.Contains(stdout, "counts are texts with the term") {
		t.Errorf("derive tsv: exit %d %s\n%s", code, stderr, stdout)
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"derive", "../../testdata/derive/leadership"}, "is a folder: give two folders"},
		{[]string{"derive", "a", "b", "c"}, "accepts between 1 and 2 arg(s)"},
		{[]string{"derive", "../../testdata/labeled/tune.tsv", "--ngram", "9"}, "--ngram must be from 1 to 4"},
		{[]string{"derive", "../../testdata/labeled/tune.tsv", "--count", "bytes"}, `--count "bytes"`},
		{[]string{"derive", "../../testdata/derive/leadership", "../../testdata/nowhere"}, "nowhere"},
	} {
		if code, _, stderr := leadlex(t, tc.args...); code != 2 || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d %q; want 2 %q", tc.args, code, stderr, tc.msg)
		}
	}
}
