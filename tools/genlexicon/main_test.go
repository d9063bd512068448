package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSourceMatchesCommitted checks that the committed default.gob is
// byte for byte what the generator writes from default.yaml.
func TestSourceMatchesCommitted(t *testing.T) {
	dir := filepath.Join("..", "..", "lexicon")
	data, err := os.ReadFile(filepath.Join(dir, "default.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "default.gob"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Snapshot(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("lexicon/default.gob is not what tools/genlexicon writes: run go generate ./lexicon")
	}
	again, err := Snapshot(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, got) {
		t.Fatal("two snapshots of default.yaml differ: the gob form is not deterministic")
	}
}

func TestRunWritesFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "default.gob")
	var stderr bytes.Buffer
	if code := run([]string{"-in", filepath.Join("..", "..", "lexicon", "default.yaml"), "-o", out}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 1000 || bytes.Contains(b, []byte("package lexicon")) {
		t.Fatalf("not a gob snapshot of the lexicon: %d bytes, %.40q", len(b), b)
	}
	if code := run([]string{"-in", filepath.Join(t.TempDir(), "missing.yaml"), "-o", out}, &stderr); code != 1 {
		t.Fatalf("missing input: exit %d, want 1", code)
	}
}
