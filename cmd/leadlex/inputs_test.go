package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leadlexStdin runs the command line with the given standard input.
func leadlexStdin(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// scoreJSONL scores with the arguments and returns the JSONL rows.
func scoreJSONL(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	args = append([]string{"score", "-o", "-", "--format", "jsonl", "-q"}, args...)
	code, out, stderr := leadlexStdin(t, stdin, args...)
	if code != 0 || out == "" {
		t.Fatalf("%q: exit %d: %s", args, code, stderr)
	}
	return out
}

// mdFiles lists the Markdown files of the test corpus, sorted, as the
// glob below matches them.
func mdFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" && !strings.Contains(strings.TrimPrefix(p, corpusDir), "/.") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) < 3 {
		t.Fatalf("%d Markdown files: %v", len(files), err)
	}
	return files
}

func TestInputsGiveTheSameRows(t *testing.T) {
	files := mdFiles(t)
	want := scoreJSONL(t, "", files...)
	if n := strings.Count(want, "\n"); n != len(files) {
		t.Fatalf("%d rows for %d files", n, len(files))
	}
	list := filepath.Join(t.TempDir(), "list.txt")
	os.WriteFile(list, []byte(strings.Join(files, "\n")+"\n\n"), 0o644)

	for name, got := range map[string]string{
		"glob":              scoreJSONL(t, "", corpusDir+"/**/*.md"),
		"files-from FILE":   scoreJSONL(t, "", "--files-from", list),
		"files-from - NUL":  scoreJSONL(t, strings.Join(files, "\x00")+"\x00", "--files-from", "-"),
		"files-from - CRLF": scoreJSONL(t, strings.Join(files, "\r\n"), "--files-from", "-"),
	} {
		if got != want {
			t.Errorf("%s gives other rows:\n%s\nwant\n%s", name, got, want)
		}
	}

	// One document on standard input gives the row of the file it came
	// from, under the name given; the format comes from the name or
	// --stdin-format.
	for _, f := range files[:3] {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fromFile := scoreJSONL(t, "", f)
		if got := scoreJSONL(t, string(text), "-", "--stdin-name", f); got != fromFile {
			t.Errorf("stdin as %s:\n%s\nwant\n%s", f, got, fromFile)
		}
		// Without an extension, --stdin-format says it is Markdown: the
		// scores are the file's (only the names differ).
		viaFormat := scoreJSONL(t, string(text), "-", "--stdin-name", "piped", "--stdin-format", "md")
		if !strings.Contains(viaFormat, `"format":"md"`) || rowScores(viaFormat) != rowScores(fromFile) {
			t.Errorf("--stdin-format md:\n%s\nwant the scores of\n%s", viaFormat, fromFile)
		}
	}
	if got := scoreJSONL(t, "We set the vision and inspire people.", "-"); !strings.Contains(got, `"doc_id":"stdin"`) || !strings.Contains(got, `"format":"txt"`) {
		t.Errorf("default stdin name and format: %s", got)
	}
}

// rowScores is a JSONL row from its words column on.
func rowScores(row string) string {
	if i := strings.Index(row, `"words"`); i >= 0 {
		return row[i:]
	}
	return row
}

func TestInputsInCheckAndExplain(t *testing.T) {
	cfg := filepath.Join(checkDir, ".leadlex.yaml")
	_, byDir, _ := leadlex(t, "check", "--config", cfg, "--format", "json", checkDir+"/jobs/retail")
	_, byGlob, _ := leadlex(t, "check", "--config", cfg, "--format", "json", checkDir+"/jobs/retail/**/*.txt")
	if byDir == "" || strings.Count(byDir, `"rule"`) != strings.Count(byGlob, `"rule"`) {
		t.Errorf("check by glob finds other findings:\n%s\nwant\n%s", byGlob, byDir)
	}
	text := "We want someone who will micromanage the rota.\n"
	code, out, _ := leadlexStdin(t, text, "check", "--config", cfg, "-", "--stdin-name", "jobs/new.txt", "--format", "github")
	if code != 1 || !strings.Contains(out, "file=cmd/leadlex/jobs/new.txt,line=1,col=26") {
		t.Errorf("check -: exit %d\n%s", code, out)
	}
	// Suppression comments work on standard input too: they are read from
	// the piped text, not from a file of that name.
	piped := "<!-- leadlex-disable-next-line flag/micromanage -->\nWe want someone who will micromanage the rota.\n"
	code, out, _ = leadlexStdin(t, piped, "check", "--config", cfg, "-", "--stdin-name", "jobs/new.md", "--format", "github")
	if code != 0 || out != "" {
		t.Errorf("check - with a suppression comment: exit %d\n%s", code, out)
	}
	code, out, _ = leadlexStdin(t, "We set the vision.\n", "explain", "-", "--stdin-name", "memo.txt")
	if code != 0 || !strings.Contains(out, "== memo.txt ==") || !strings.Contains(out, "[L:set the vision]") {
		t.Errorf("explain -: exit %d\n%s", code, out)
	}
	code, out, _ = leadlex(t, "explain", corpusDir+"/**/bank_*.md")
	if code != 0 || !strings.Contains(out, "bank_transformation_kickoff.md") {
		t.Errorf("explain with a glob: exit %d\n%s", code, out)
	}
}

func TestInputErrorsBeforeOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.parquet")
	for _, tc := range []struct {
		name, stdin string
		args        []string
		stderr      string
	}{
		{"missing root", "", []string{"score", "/nonexistent", "-o", out}, "/nonexistent: no such file or directory"},
		{"missing among roots", "", []string{"score", corpusDir, filepath.Join(dir, "gone"), "-o", out}, "gone: no such file or directory"},
		{"glob matches nothing", "", []string{"score", corpusDir + "/**/*.nothing", "-o", out}, "matches no file"},
		{"stdin twice", "a\n", []string{"score", "-", "--files-from", "-", "-o", out}, "standard input can be read once"},
		{"missing list", "", []string{"score", "--files-from", filepath.Join(dir, "list"), "-o", out}, "--files-from"},
		{"missing listed file", "/nonexistent\n", []string{"score", "--files-from", "-", "-o", out}, "/nonexistent"},
		{"no paths", "", []string{"score", "-o", out}, "no PATH given"},
		{"bad stdin format", "x", []string{"score", "-", "--stdin-format", "pdf", "-o", out}, "--stdin-format"},
		{"check missing root", "", []string{"check", "--config", filepath.Join(checkDir, ".leadlex.yaml"), "/nonexistent"}, "no such file"},
		{"explain missing root", "", []string{"explain", "/nonexistent"}, "no such file"},
	} {
		code, _, stderr := leadlexStdin(t, tc.stdin, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", tc.name, code, stderr, tc.stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s: wrote %s", tc.name, out)
		}
	}
}
