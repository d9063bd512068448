package check

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/leadlex/leadlex/internal/golden"
)

func TestCodeQualityGolden(t *testing.T) {
	rep := sampleReport(t)
	var buf bytes.Buffer
	if err := Write(&buf, "codequality", rep, WriteOptions{Root: ".."}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "codequality.golden", buf.Bytes())

	// What GitLab requires of every issue: description, check_name, a
	// unique fingerprint, a severity from its scale, a path relative to
	// the repository root and a begin line.
	var issues []struct {
		Description string
		CheckName   string `json:"check_name"`
		Fingerprint string
		Severity    string
		Location    struct {
			Path  string
			Lines struct{ Begin, End int }
		}
	}
	dec := json.NewDecoder(&buf)
	if err := dec.Decode(&issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != len(rep.Findings) || len(issues) == 0 {
		t.Fatalf("%d issues for %d findings", len(issues), len(rep.Findings))
	}
	seen := map[string]bool{}
	for _, is := range issues {
		switch {
		case is.Description == "" || is.Fingerprint == "" || is.CheckName == "":
			t.Errorf("issue without description or fingerprint: %+v", is)
		case seen[is.Fingerprint]:
			t.Errorf("fingerprint %s used twice", is.Fingerprint)
		case is.Severity != "major" && is.Severity != "minor" && is.Severity != "info":
			t.Errorf("severity %q", is.Severity)
		case is.Location.Lines.Begin < 1 || is.Location.Lines.End < is.Location.Lines.Begin:
			t.Errorf("lines %+v", is.Location.Lines)
		case len(is.Location.Path) < 14 || is.Location.Path[:14] != "testdata/check":
			t.Errorf("path %q is not relative to the repository root", is.Location.Path)
		}
		seen[is.Fingerprint] = true
	}
}
