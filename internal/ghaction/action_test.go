// Package ghaction tests the repository's GitHub Action (action.yml): it
// parses the action and runs its shell steps the way the runner would,
// with the inputs substituted, against the sample policy in testdata/check.
package ghaction

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const repoRoot = "../.."

type action struct {
	Name   string
	Inputs map[string]struct {
		Description string
		Default     string
	}
	Runs struct {
		Using string
		Steps []step
	}
}

type step struct {
	Name             string
	ID               string
	If               string
	Uses             string
	With             map[string]string
	Shell            string
	Run              string
	Env              map[string]string
	WorkingDirectory string `yaml:"working-directory"`
}

func loadAction(t *testing.T) *action {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a
}

var expr = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// substitute fills in ${{ inputs.X }} and ${{ github.action_path }}, the
// expressions the runner would; any other expression fails the test.
func substitute(t *testing.T, s string, inputs map[string]string, actionPath string) string {
	t.Helper()
	return expr.ReplaceAllStringFunc(s, func(m string) string {
		e := expr.FindStringSubmatch(m)[1]
		switch {
		case e == "github.action_path":
			return actionPath
		case strings.HasPrefix(e, "inputs."):
			v, ok := inputs[strings.TrimPrefix(e, "inputs.")]
			if !ok {
				t.Errorf("expression %s names an input the action does not declare", m)
			}
			return v
		}
		t.Errorf("expression %s cannot be evaluated locally", m)
		return ""
	})
}

// runAction runs every shell step of the action with the given inputs (the
// rest at their defaults) and returns the check step's exit code and output.
func runAction(t *testing.T, a *action, set map[string]string, runnerTemp string) (code int, stdout string, outputs string) {
	t.Helper()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{}
	for name, in := range a.Inputs {
		inputs[name] = in.Default
	}
	for name, v := range set {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("the action has no input %q", name)
		}
		inputs[name] = v
	}
	outFile := filepath.Join(runnerTemp, "github-output")
	os.WriteFile(outFile, nil, 0o644)
	for _, s := range a.Runs.Steps {
		if s.Run == "" {
			continue
		}
		if s.Shell != "bash" {
			t.Errorf("step %q: shell %q, want bash", s.Name, s.Shell)
		}
		if expr.MatchString(s.Run) {
			t.Errorf("step %q puts an expression into its script; pass it through env", s.Name)
		}
		if _, skip := map[string]bool{"Build leadlex": true}[s.Name]; skip && os.Getenv("LEADLEX_ACTION_SKIP_BUILD") != "" {
			continue
		}
		cmd := exec.Command("bash", "-c", s.Run)
		cmd.Dir = root
		if s.WorkingDirectory != "" {
			cmd.Dir = filepath.Join(root, substitute(t, s.WorkingDirectory, inputs, root))
		}
		cmd.Env = append(os.Environ(), "RUNNER_TEMP="+runnerTemp, "GITHUB_WORKSPACE="+root,
			"GITHUB_OUTPUT="+outFile, "GITHUB_PATH="+filepath.Join(runnerTemp, "github-path"))
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+substitute(t, v, inputs, root))
		}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		c := 0
		if ee, ok := err.(*exec.ExitError); ok {
			c = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("step %q: %v", s.Name, err)
		}
		if s.ID != "check" {
			if c != 0 {
				t.Fatalf("step %q exited %d:\n%s%s", s.Name, c, out.String(), errOut.String())
			}
			continue
		}
		code, stdout = c, out.String()
		if c > 1 {
			t.Fatalf("check step exited %d:\n%s%s", c, stdout, errOut.String())
		}
	}
	o, _ := os.ReadFile(outFile)
	return code, stdout, string(o)
}

func TestActionShape(t *testing.T) {
	a := loadAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	var setupGo, upload bool
	for _, s := range a.Runs.Steps {
		switch {
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			setupGo = strings.Contains(s.With["go-version-file"], "go.mod")
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			upload = strings.Contains(s.If, "inputs.sarif") && strings.Contains(s.If, "always()")
		}
	}
	if !setupGo || !upload {
		t.Errorf("setup-go from go.mod: %v; SARIF upload when inputs.sarif is set, also after a failed check: %v", setupGo, upload)
	}
	for _, name := range []string{"paths", "config", "fail-on", "sarif", "working-directory", "args"} {
		if in, ok := a.Inputs[name]; !ok || in.Description == "" {
			t.Errorf("input %q missing or undocumented", name)
		}
	}
}

// TestActionRuns builds leadlex as the action does and checks the sample
// folder: annotations name files relative to the repository root, also
// from another working directory, and the SARIF file is written.
func TestActionRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds leadlex; skipped with -short")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	a := loadAction(t)
	tmp := t.TempDir()
	sarif := filepath.Join(tmp, "leadlex.sarif")
	code, stdout, outputs := runAction(t, a, map[string]string{"paths": "testdata/check", "sarif": sarif}, tmp)
	want := "::error file=testdata/check/jobs/retail/café_shift_lead.txt,line=9,col=29,endLine=9,endColumn=40,title=leadlex flag/micromanage::"
	if code != 1 || !strings.Contains(stdout, want) {
		t.Errorf("exit %d (want 1), annotations lack %q:\n%s", code, want, stdout)
	}
	if data, err := os.ReadFile(sarif); err != nil || !bytes.Contains(data, []byte(`"uri": "testdata/check/jobs/retail/caf%C3%A9_shift_lead.txt"`)) {
		t.Errorf("SARIF file: %v\n%.300s", err, data)
	}
	if !strings.Contains(outputs, "sarif="+sarif) {
		t.Errorf("GITHUB_OUTPUT %q lacks sarif=%s", outputs, sarif)
	}

	// From a working directory below the root, with a narrower path and
	// --fail-on none: same paths in the annotations, exit 0.
	t.Setenv("LEADLEX_ACTION_SKIP_BUILD", "1")
	code, stdout, _ = runAction(t, a, map[string]string{
		"working-directory": "testdata/check", "paths": "jobs/retail", "fail-on": "none",
	}, tmp)
	if code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("working-directory: exit %d (want 0), annotations lack %q:\n%s", code, want, stdout)
	}
	if strings.Contains(stdout, "engineering/") {
		t.Errorf("paths input not applied:\n%s", stdout)
	}
}
