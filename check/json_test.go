package check

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/leadlex/leadlex/internal/golden"
)

func TestJSONGolden(t *testing.T) {
	rep := sampleReport(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, rep); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "json.golden", buf.Bytes())
	var back jsonReport
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Files != 5 || back.Errors != 7 || back.Warnings != 6 || back.Infos != 2 || len(back.Findings) != 15 {
		t.Errorf("counts %+v", back)
	}
	if f := back.Findings[2]; f.Rule != "flag/micromanage" || f.Severity != Error || f.Match != "Micromanaging" || f.Line != 7 || f.Column != 3 || f.EndColumn != 16 || f.Suggestion != "coach or support" || f.Fingerprint == "" {
		t.Errorf("finding %+v", f)
	}
}

func TestJSONEmptyFindingsIsArray(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, &Report{Tool: Tool{Name: "leadlex"}}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"findings": []`)) {
		t.Errorf("got %s", buf.Bytes())
	}
}
