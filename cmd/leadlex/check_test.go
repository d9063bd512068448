package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const checkDir = "../../testdata/check"

// writeTree creates files (path -> content) under a new temporary folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const (
	cleanJob = "Set the direction for the product and inspire the team. Coach people, mentor them and help them grow.\n"
	badJob   = "Monitor the budget and track the deadline.\nWe want someone who will micromanage the rota.\n"
	policy   = "flag:\n  - term: micromanage\n    suggest: coach\n  - term: rockstar*\n    severity: warning\n"
)

func TestCheckExitCodes(t *testing.T) {
	root := writeTree(t, map[string]string{
		".leadlex.yaml":         policy,
		"jobs/clean.md":         cleanJob,
		"jobs/bad.md":           badJob,
		"jobs/warn.md":          "We need a rockstar.\n",
		"broken/.leadlex.yaml":  "flag:\n  - term: micromanage\n    severity: fatal\n",
		"latin1/.leadlex.yaml":  policy,
		"latin1/job.txt":        "caf\xe9 micromanage\n",
		"nothing/.leadlex.yaml": policy,
	})
	cfg := filepath.Join(root, ".leadlex.yaml")
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // a substring of standard output
		stderr   string // a substring of standard error
		noStdout bool
	}{
		{"clean", []string{"check", "--config", cfg, filepath.Join(root, "jobs/clean.md")}, 0, "", "1 file checked: 0 errors, 0 warnings, 0 infos", true},
		{"error finding", []string{"check", "--config", cfg, filepath.Join(root, "jobs")}, 1, "bad.md:2:26: error: “micromanage” is a flagged term. Suggestion: coach [flag/micromanage]", "3 files checked: 1 error, 1 warning", false},
		{"warning below fail-on", []string{"check", "--config", cfg, filepath.Join(root, "jobs/warn.md")}, 0, "warn.md:1:11: warning:", "", false},
		{"fail-on warning", []string{"check", "--config", cfg, "--fail-on", "warning", filepath.Join(root, "jobs/warn.md")}, 1, "warn.md:1:11: warning:", "", false},
		{"fail-on none", []string{"check", "--config", cfg, "--fail-on", "none", filepath.Join(root, "jobs")}, 0, "[flag/micromanage]", "", false},
		{"broken policy", []string{"check", "--config", filepath.Join(root, "broken/.leadlex.yaml"), root}, 2, "",
			filepath.Join(root, "broken/.leadlex.yaml") + `:3:15: flag.severity: severity "fatal": want error, warning, info or off`, true},
		{"missing policy file", []string{"check", "--config", filepath.Join(root, "nope.yaml"), root}, 2, "", "read policy:", true},
		{"bad format", []string{"check", "--config", cfg, "--format", "xml", root}, 2, "", `--format "xml": want text, json, github, sarif, codequality`, true},
		{"bad fail-on", []string{"check", "--config", cfg, "--fail-on", "fatal", root}, 2, "", `--fail-on "fatal"`, true},
		{"missing path", []string{"check", "--config", cfg, filepath.Join(root, "absent")}, 2, "", "absent: no such file or directory", true},
		{"unreadable document", []string{"check", "--config", cfg, filepath.Join(root, "latin1")}, 2, "", "job.txt: not valid UTF-8", false},
		{"decoded with --encoding", []string{"check", "--config", cfg, "--encoding", "utf-8,latin1", filepath.Join(root, "latin1")}, 1, "job.txt:1:6: error: “micromanage”", "1 file checked: 1 error", false},
		{"unknown encoding", []string{"check", "--config", cfg, "--encoding", "klingon", root}, 2, "", `--encoding "klingon": `, true},
		{"baseline missing", []string{"check", "--config", cfg, "--baseline", filepath.Join(root, "none.json"), root}, 2, "", "create it with --baseline", true},
		{"write-baseline without baseline", []string{"check", "--config", cfg, "--write-baseline", root}, 2, "", "--write-baseline needs --baseline", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := leadlex(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout, tt.stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.stderr)
			}
			if tt.noStdout && stdout != "" {
				t.Errorf("stdout should be empty, got %q", stdout)
			}
		})
	}
}

func TestCheckFindsPolicyAboveWorkingFolder(t *testing.T) {
	root := writeTree(t, map[string]string{
		".leadlex.yaml":        policy,
		"jobs/eng/bad.md":      badJob,
		"paths/.leadlex.yaml":  "paths: [jobs]\nflag: [deadline]\n",
		"paths/jobs/a.txt":     "Meet the deadline.\n",
		"paths/notes/todo.txt": "Deadline tomorrow.\n",
	})
	t.Chdir(filepath.Join(root, "jobs", "eng"))
	code, stdout, _ := leadlex(t, "check", ".")
	if code != 1 || stdout != "bad.md:2:26: error: “micromanage” is a flagged term. Suggestion: coach [flag/micromanage]\n" {
		t.Errorf("from jobs/eng: exit %d, stdout %q", code, stdout)
	}
	// With no policy above the working folder, the one above the first PATH is used.
	other := writeTree(t, map[string]string{"other/.leadlex.yaml": "flag: [budget]\n", "other/sub/job.txt": "Keep the budget.\n"})
	t.Chdir(t.TempDir())
	if code, stdout, _ := leadlex(t, "check", filepath.Join(other, "other/sub")); code != 1 || !strings.Contains(stdout, "[flag/budget]") {
		t.Errorf("policy above PATH: exit %d, stdout %q", code, stdout)
	}
	if code, _, stderr := leadlex(t, "check", "."); code != 2 || !strings.Contains(stderr, "no policy file: found no .leadlex.yaml in") {
		t.Errorf("no policy: exit %d, stderr %q", code, stderr)
	}
	// With no PATH, the policy's paths are checked.
	t.Chdir(filepath.Join(root, "paths"))
	if code, stdout, _ := leadlex(t, "check"); code != 1 || stdout != "jobs/a.txt:1:10: error: “deadline” is a flagged term [flag/deadline]\n" {
		t.Errorf("policy paths: exit %d, stdout %q", code, stdout)
	}
	// Without a policy of its own, the folder gets the one further up.
	if err := os.Remove(filepath.Join(root, "paths", ".leadlex.yaml")); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := leadlex(t, "check", "jobs"); code != 0 || stdout != "" {
		t.Errorf("root policy for paths/jobs: exit %d, stdout %q", code, stdout)
	}
}

func TestCheckBaseline(t *testing.T) {
	root := writeTree(t, map[string]string{
		".leadlex.yaml": policy,
		"jobs/bad.md":   badJob,
		"jobs/warn.md":  "We need a rockstar.\n",
	})
	cfg := filepath.Join(root, ".leadlex.yaml")
	base := filepath.Join(root, ".leadlex-baseline.json")
	code, stdout, stderr := leadlex(t, "check", "--config", cfg, "--baseline", base, "--write-baseline", root)
	if code != 0 || stdout != "" || !strings.Contains(stderr, "wrote 2 findings to "+base) {
		t.Fatalf("write baseline: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	var b struct {
		Version  int
		Findings []struct{ Fingerprint, Rule, File, Match string }
	}
	data, _ := os.ReadFile(base)
	if err := json.Unmarshal(data, &b); err != nil || b.Version != 1 || len(b.Findings) != 2 {
		t.Fatalf("baseline %s: %v", data, err)
	}
	// Nothing new: exit 0 although the old finding is still there.
	code, stdout, stderr = leadlex(t, "check", "--config", cfg, "--baseline", base, root)
	if code != 0 || stdout != "" || !strings.Contains(stderr, "2 known findings not shown") {
		t.Errorf("unchanged: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	// Lines added above the old finding, and one new occurrence: only the new one fails.
	if err := os.WriteFile(filepath.Join(root, "jobs/bad.md"), []byte("Intro.\n\n"+badJob+"And micromanage the budget.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = leadlex(t, "check", "--config", cfg, "--baseline", base, root)
	if code != 1 || stdout != filepath.Join(root, "jobs/bad.md")+":5:5: error: “micromanage” is a flagged term. Suggestion: coach [flag/micromanage]\n" {
		t.Errorf("new finding: exit %d\nstdout %q", code, stdout)
	}
	// A fixed file shows in the summary.
	if err := os.WriteFile(filepath.Join(root, "jobs/warn.md"), []byte("We need an experienced engineer.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr = leadlex(t, "check", "--config", cfg, "--baseline", base, root)
	if !strings.Contains(stderr, "1 baseline entries not seen") {
		t.Errorf("fixed finding not reported: %s", stderr)
	}
}

func TestCheckFormatsAndOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "leadlex.sarif")
	code, stdout, _ := leadlex(t, "check", checkDir, "--format", "sarif", "-o", out)
	if code != 1 || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	var log struct {
		Version string
		Runs    []struct{ Results []json.RawMessage }
	}
	data, err := os.ReadFile(out)
	if err != nil || json.Unmarshal(data, &log) != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) != 15 {
		t.Fatalf("sarif file: %v %s", err, data[:min(len(data), 200)])
	}
	for format, want := range map[string]string{
		"json": `"rule": "flag/micromanage"`,
		// Annotation paths are relative to the repository root, not to
		// the working folder (cmd/leadlex) the test runs in.
		"github":      "::error file=testdata/check/jobs/retail/café_shift_lead.txt,line=9,col=29,endLine=9,endColumn=40,title=leadlex flag/micromanage::",
		"codequality": `"path": "testdata/check/jobs/retail/café_shift_lead.txt"`,
		"text":        "../../testdata/check/jobs/retail/café_shift_lead.txt:9:29: error: “micromanage” tells candidates",
	} {
		code, stdout, _ := leadlex(t, "check", checkDir, "--format", format)
		if code != 1 || !strings.Contains(stdout, want) {
			t.Errorf("%s: exit %d, output lacks %q:\n%s", format, code, want, stdout)
		}
		if strings.Contains(stdout, "\x1b[") {
			t.Errorf("%s: colour escapes when not on a terminal", format)
		}
	}
	// --root overrides the repository root.
	_, stdout, _ = leadlex(t, "check", checkDir, "--format", "github", "--root", "../../testdata")
	if want := "::error file=check/jobs/retail/café_shift_lead.txt,line=9"; !strings.Contains(stdout, want) {
		t.Errorf("--root: output lacks %q:\n%s", want, stdout)
	}
	_, stdout, _ = leadlex(t, "check", checkDir, "--color", "always")
	if !strings.Contains(stdout, "\x1b[31m") {
		t.Error("--color always gives no colour")
	}
}
