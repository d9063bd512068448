package main

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestLongFuncs(t *testing.T) {
	got, err := LongFuncs(filepath.Join("testdata", "src"), 80)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got {
		lines = append(lines, filepath.ToSlash(f.File)+" "+f.Name+" "+strconv.Itoa(f.Lines))
	}
	// Fits (80 lines), the _test.go file, the generated long_gen.go and the
	// folder with its own go.mod are not listed.
	want := "testdata/src/long.go Long 81|testdata/src/long.go T.M 81|testdata/src/sub/sub.go inSub 81"
	if strings.Join(lines, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(lines, "|"), want)
	}
}

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"testdata/src"}, 1, "testdata/src/long.go:6: Long is 81 lines long (at most 80)\n"},
		{[]string{"-max", "81", "testdata/src"}, 0, ""},
		{[]string{"-max", "x"}, 2, ""},
		{[]string{"testdata/missing"}, 2, ""},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, &out, &errOut)
		if code != tt.code || !strings.HasPrefix(filepath.ToSlash(out.String()), tt.out) {
			t.Errorf("run %v = %d, %q (stderr %q); want %d, %q…", tt.args, code, out.String(), errOut.String(), tt.code, tt.out)
		}
	}
}
