package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// docExample is one `leadlex …` line of a sh block in a Markdown page, the
// exit status its comment promises ("# exit 1: …", else 0) and the output
// block shown right after its sh block, if any.
type docExample struct {
	line   int
	args   []string
	exit   int
	output []string
}

var exitComment = regexp.MustCompile(`^#\s*exit (\d+)`)

// docExamples collects the leadlex command lines of the sh blocks of a
// Markdown text. Lines of an output block (a fence without a language) that
// directly follows a sh block are attached to that block's last command;
// "..." lines in it stand for lines left out.
func docExamples(t *testing.T, text string) []docExample {
	t.Helper()
	var (
		examples []docExample
		block    string // "" outside a fence, else its language or "output"
		lastSh   = -1   // index of the last example of the sh block just closed
		afterSh  bool
	)
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if lang, ok := strings.CutPrefix(line, "```"); ok {
			switch {
			case block == "" && lang == "":
				block = "output"
			case block == "":
				block, afterSh = lang, false
			default:
				afterSh = block == "sh"
				block = ""
				continue
			}
			if block != "output" || !afterSh {
				lastSh = -1
			}
			continue
		}
		switch {
		case block == "sh" && strings.HasPrefix(line, "leadlex "):
			cmd, comment, _ := strings.Cut(line, " #")
			cmd, _, _ = strings.Cut(cmd, " |") // the examples's own output is checked, not the pipe's
			cmd, _, _ = strings.Cut(cmd, " >")
			ex := docExample{line: n, args: strings.Fields(cmd)[1:]}
			if m := exitComment.FindStringSubmatch("#" + strings.TrimSpace(comment)); m != nil {
				ex.exit, _ = strconv.Atoi(m[1])
			}
			examples = append(examples, ex)
			lastSh = len(examples) - 1
		case block == "output" && lastSh >= 0 && strings.TrimSpace(line) != "..." && line != "":
			examples[lastSh].output = append(examples[lastSh].output, line)
		case block == "" && strings.TrimSpace(line) != "":
			lastSh, afterSh = -1, false
		}
	}
	return examples
}

// servers are the commands that run until stopped; their examples are
// checked by their own packages' tests, not run here.
var servers = map[string]bool{"serve": true, "lsp": true}

// TestREADMEExamples runs every leadlex command of the README's sh blocks in
// order and checks its exit status and the output the README shows for it.
// It also keeps one example per command on the README's first screen.
func TestREADMEExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the bundled corpus")
	}
	root := repoRoot(t)
	examples := readExamples(t, filepath.Join(root, "README.md"))
	covered := map[string]bool{}
	for _, ex := range examples {
		if len(ex.args) > 0 {
			covered[ex.args[0]] = true
		}
	}
	for _, cmd := range []string{"score", "check", "explain", "report", "eval", "derive", "lexicon"} {
		if !covered[cmd] {
			t.Errorf("README.md has no example of leadlex %s", cmd)
		}
	}
	dir := exampleDir(t, root)
	for _, ex := range examples {
		runExample(t, "README.md", dir, ex)
	}
}

// TestDocsExamples runs, page by page, the leadlex commands of the sh blocks
// of docs/*.md whose input files exist in this repository (the others name
// the reader's files: my-terms.yaml, jobs/), and checks them as
// TestREADMEExamples does.
func TestDocsExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the bundled corpus")
	}
	root := repoRoot(t)
	pages, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, page := range pages {
		name := "docs/" + filepath.Base(page)
		dir := exampleDir(t, root)
		for _, ex := range readExamples(t, page) {
			if missing := missingInput(t, dir, ex.args); missing != "" {
				t.Logf("%s:%d: not run: %s is the reader's file", name, ex.line, missing)
				continue
			}
			runExample(t, name, dir, ex)
			ran++
		}
	}
	if ran < 15 {
		t.Errorf("only %d examples of docs/ ran; keep the runnable ones on files of testdata/", ran)
	}
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func readExamples(t *testing.T, path string) []docExample {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return docExamples(t, string(data))
}

// exampleDir makes a temporary working folder in which testdata/ is the
// repository's, so that examples read the bundled files and write out/ and
// any other output there; it changes into it.
func exampleDir(t *testing.T, root string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "testdata"), filepath.Join(dir, "testdata")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	t.Chdir(dir)
	return dir
}

// missingInput returns the first input an example names that does not
// exist in dir: a path argument, or the value of a flag that names a file
// to read; "" when all exist.
func missingInput(t *testing.T, dir string, args []string) string {
	t.Helper()
	cmd, rest, err := newRootCmd(strings.NewReader(""), io.Discard, io.Discard).Find(args)
	if err != nil {
		t.Fatalf("leadlex %s: %v", strings.Join(args, " "), err)
	}
	if err := cmd.ParseFlags(rest); err != nil {
		t.Fatalf("leadlex %s: %v", strings.Join(args, " "), err)
	}
	var inputs []string
	if cmd.Name() != "show" && cmd.Name() != "list" { // their arguments are words
		inputs = append(inputs, cmd.Flags().Args()...)
	}
	for _, name := range []string{"lexicon", "map", "config"} {
		if f := cmd.Flags().Lookup(name); f != nil {
			if v, ok := f.Value.(pflag.SliceValue); ok {
				inputs = append(inputs, v.GetSlice()...)
			} else if f.Value.String() != "" {
				inputs = append(inputs, f.Value.String())
			}
		}
	}
	for _, in := range inputs {
		if in == "default" || in == "-" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, in)); err != nil {
			return in
		}
	}
	return ""
}

// runExample runs one example in dir and checks its exit status and output.
func runExample(t *testing.T, page, dir string, ex docExample) {
	t.Helper()
	if len(ex.args) > 0 && servers[ex.args[0]] {
		t.Logf("%s:%d: not run: leadlex %s serves until it is stopped (serve/docs_test.go runs docs/SERVE.md's curl examples against the server)", page, ex.line, ex.args[0])
		return
	}
	code, stdout, stderr := leadlexRun(ex.args)
	cmdline := "leadlex " + strings.Join(ex.args, " ")
	if code != ex.exit {
		t.Errorf("%s:%d: %s exited %d, the page says %d\n%s", page, ex.line, cmdline, code, ex.exit, stderr)
		return
	}
	for _, want := range ex.output {
		if !strings.Contains(stdout+stderr, want) {
			t.Errorf("%s:%d: %s does not print the page's line\n%s\nstdout:\n%s\nstderr:\n%s",
				page, ex.line, cmdline, want, stdout, stderr)
		}
	}
}

func leadlexRun(args []string) (code int, stdout, stderr string) {
	var out, errOut strings.Builder
	code = run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDocExamples(t *testing.T) {
	text := "```sh\nmake run\nleadlex score a -o out/x.parquet\nleadlex check b    # exit 1: findings\n```\n\n" +
		"```\nfound: 1\n...\n2 files\n```\n\n```sh\nleadlex eval c.tsv\n```\ntext\n```\nnot output\n```\n"
	got := docExamples(t, text)
	if len(got) != 3 {
		t.Fatalf("%d examples, want 3: %+v", len(got), got)
	}
	if strings.Join(got[0].args, " ") != "score a -o out/x.parquet" || got[0].exit != 0 || got[0].output != nil {
		t.Errorf("first example %+v", got[0])
	}
	if got[1].exit != 1 || strings.Join(got[1].output, "|") != "found: 1|2 files" || got[1].line != 4 {
		t.Errorf("second example %+v", got[1])
	}
	if got[2].output != nil {
		t.Errorf("an output block after prose is not the example's: %+v", got[2])
	}
}
