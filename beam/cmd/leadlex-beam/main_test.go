package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/parquet-go/parquet-go"

	"github.com/leadlex/leadlex/results"
)

const corpusDir = "../../../testdata/corpus"

func TestMain(m *testing.M) { ptest.Main(m) }

// leadlexBeam parses args as the command line would and runs the job on
// the default runner (Prism, in process).
func leadlexBeam(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var o options
	fs := flag.NewFlagSet("leadlex-beam", flag.ContinueOnError)
	o.register(fs)
	o.flags = fs
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	code := run(context.Background(), &o, fs.Args(), &stderr)
	return code, stderr.String()
}

func TestRunWritesShards(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	prefix := filepath.Join(t.TempDir(), "results")
	code, stderr := leadlexBeam(t, "--input", corpusDir, "--output", prefix, "--shards", "2", "--top-terms", "3")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "36 documents: 31 scored, 4 skipped, 1 error in") {
		t.Errorf("summary: %q", stderr)
	}
	names, _ := filepath.Glob(prefix + "*")
	want := []string{prefix + "-00000-of-00002.parquet", prefix + "-00001-of-00002.parquet"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("files %v, want %v", names, want)
	}
	rows := 0
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			t.Fatal(err)
		}
		rows += int(pf.NumRows())
		cmd, _ := pf.Lookup(results.MetaCommand)
		wantCmd := "leadlex-beam --input=" + corpusDir + " --output=" + prefix + " --shards=2 --top-terms=3"
		if cmd != wantCmd {
			t.Errorf("command metadata %q, want %q", cmd, wantCmd)
		}
		if at, _ := pf.Lookup(results.MetaCreatedAt); at != "2023-11-14T22:13:20Z" {
			t.Errorf("created_at %q", at)
		}
		f.Close()
	}
	if rows != 36 {
		t.Errorf("%d rows, want 36", rows)
	}
}

func TestRunExitCodes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--input", corpusDir, "--output", out, "--fail-on-error"}, exitViolation, "1 documents have status error"},
		{[]string{"--input", corpusDir + "/memos", "--output", out, "--fail-on-error"}, exitOK, "7 documents: 7 scored"},
		{[]string{"--output", out}, exitUsage, "--input is required"},
		{[]string{"--input", corpusDir}, exitUsage, "--output is required"},
		{[]string{"--input", corpusDir, "--output", out, "--shards", "0"}, exitUsage, "--shards must be 1 or more"},
		{[]string{"--input", corpusDir, "--output", out, "--margin", "1"}, exitUsage, "--margin"},
		{[]string{"--input", corpusDir + "/missing", "--output", out}, exitUsage, "no such file"},
		{[]string{"--input", corpusDir, "--output", out, "--lexicon", "missing.yaml"}, exitUsage, "lexicon"},
		{[]string{"--input", corpusDir, "--output", out, "extra"}, exitUsage, "unexpected arguments"},
		{[]string{"--input", corpusDir + "/*.none", "--output", out}, exitUsage, "no files match --input"},
	} {
		code, stderr := leadlexBeam(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, want %d with %q; stderr:\n%s", tc.args, code, tc.code, tc.msg, stderr)
		}
	}
}
