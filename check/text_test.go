package check

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/internal/golden"
)

func TestTextGolden(t *testing.T) {
	rep := sampleReport(t)
	var plain, color bytes.Buffer
	if err := WriteText(&plain, rep, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&color, rep, true); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "text.golden", plain.Bytes())
	golden.Check(t, "text-color.golden", color.Bytes())
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("plain text has ANSI escapes")
	}
	first := strings.Split(plain.String(), "\n")[0]
	want := "../testdata/check/jobs/engineering/backend_team_lead.md:1:1: error: balance −0.59 is below the policy's 0.00"
	if !strings.HasPrefix(first, want) || !strings.HasSuffix(first, " [threshold/balance]") {
		t.Errorf("first line %q\nwant it to start %q and end with the rule", first, want)
	}
	if rep.SummaryLine() != "5 files checked: 7 errors, 6 warnings, 2 infos" {
		t.Errorf("summary %q", rep.SummaryLine())
	}
}

func TestTextRecordFindingNamesDocument(t *testing.T) {
	rep := &Report{Findings: []Finding{{File: "jobs.jsonl", Document: "jobs.jsonl#3", Line: 1, Column: 1, Rule: "flag/x", Severity: Warning, Message: "m", Match: "x"}}}
	var buf bytes.Buffer
	if err := WriteText(&buf, rep, false); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "jobs.jsonl:1:1: warning: in jobs.jsonl#3: m [flag/x]\n" {
		t.Errorf("got %q", got)
	}
}

// TestTextEscapesControlCharacters checks that a file name or message with
// a line break or an escape sequence cannot forge a line of its own.
func TestTextEscapesControlCharacters(t *testing.T) {
	forged := "a.md:1:1: error: fake finding [flag/x]"
	rep := &Report{Findings: []Finding{{
		File: "evil.md\n" + forged, Document: "evil.md\n#2", Line: 3, Column: 4, Rule: "flag/y\r", Severity: Warning,
		Message: "say\x1b[2Jthis\nline", Suggestion: "no\u202eway", Match: "x",
	}}}
	for _, color := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteText(&buf, rep, color); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if n := strings.Count(out, "\n"); n != 1 {
			t.Errorf("color %v: %d lines, want 1:\n%s", color, n, out)
		}
		for _, want := range []string{`evil.md\na.md:1:1: error: fake finding [flag/x]:3:4:`, `say\x1b[2Jthis\nline`, `no\u202eway`, `[flag/y\r]`} {
			if !strings.Contains(out, want) {
				t.Errorf("color %v: output lacks %q:\n%q", color, want, out)
			}
		}
		if strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\u202e") {
			t.Errorf("color %v: a control sequence got through: %q", color, out)
		}
	}
}
