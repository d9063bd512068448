package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
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

var exitComment = regexp.MustCompile(`#.*\bexit (\d+)`)

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
			ex := docExample{line: n, args: strings.Fields(cmd)[1:]}
			if m := exitComment.FindStringSubmatch("#" + comment); m != nil {
				ex.exit, _ = strconv.Atoi(m[1])
			}
			examples = append(examples, ex)
			lastSh = len(examples) - 1
		case block == "output" && lastSh >= 0 && line != "..." && line != "":
			examples[lastSh].output = append(examples[lastSh].output, line)
		case block == "" && strings.TrimSpace(line) != "":
			lastSh, afterSh = -1, false
		}
	}
	return examples
}

// TestREADMEExamples runs every leadlex command of the README's sh blocks in
// order, from the repository root with out/ redirected to a temporary
// folder, and checks its exit status and the output the README shows for it.
// It also keeps one example per command on the README's first screen.
func TestREADMEExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the bundled corpus")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples := docExamples(t, string(data))
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
	out := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	t.Chdir(root)
	for _, ex := range examples {
		args := make([]string, len(ex.args))
		for i, a := range ex.args {
			if rest, ok := strings.CutPrefix(a, "out/"); ok {
				a = filepath.Join(out, rest)
			}
			args[i] = a
		}
		code, stdout, stderr := leadlexRun(args)
		if code != ex.exit {
			t.Errorf("README.md:%d: leadlex %s exited %d, the README says %d\n%s",
				ex.line, strings.Join(ex.args, " "), code, ex.exit, stderr)
			continue
		}
		for _, want := range ex.output {
			if !strings.Contains(stdout+stderr, want) {
				t.Errorf("README.md:%d: leadlex %s does not print the README's line\n%s\nstdout:\n%s\nstderr:\n%s",
					ex.line, strings.Join(ex.args, " "), want, stdout, stderr)
			}
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
