package check

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/internal/golden"
)

func TestGitHubGolden(t *testing.T) {
	rep := sampleReport(t)
	var buf bytes.Buffer
	if err := WriteGitHub(&buf, rep); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "github.golden", buf.Bytes())
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 15 {
		t.Fatalf("%d lines, want one per finding", len(lines))
	}
	want := "::error file=../testdata/check/jobs/engineering/backend_team_lead.md,line=7,col=3,endLine=7,endColumn=16,title=leadlex flag/micromanage::“Micromanaging” tells candidates"
	if !strings.HasPrefix(lines[2], want) {
		t.Errorf("line 3 %q\nwant prefix %q", lines[2], want)
	}
	if !strings.HasPrefix(lines[len(lines)-1], "::error ") || !strings.Contains(buf.String(), "::notice file=") || !strings.Contains(buf.String(), "::warning file=") {
		t.Error("severities are not mapped to error, warning and notice")
	}
}

func TestGitHubEscaping(t *testing.T) {
	rep := &Report{Tool: Tool{Name: "leadlex"}, Findings: []Finding{{
		File: "jobs/a,b:c.md", Line: 2, Column: 3, EndLine: 2, EndColumn: 5, Rule: "flag/x",
		Severity: Warning, Message: "100% sure\r\nsecond line: yes, really", Match: "x",
	}}}
	var buf bytes.Buffer
	if err := WriteGitHub(&buf, rep); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=jobs/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=5,title=leadlex flag/x::100%25 sure%0D%0Asecond line: yes, really\n"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
}
