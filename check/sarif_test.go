package check

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/leadlex/leadlex/internal/golden"
)

func TestSARIFGolden(t *testing.T) {
	rep := sampleReport(t)
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, rep); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "sarif.golden", buf.Bytes())
}

// TestSARIFParses reads the SARIF back with a schema of its own and checks
// what code-scanning dashboards rely on.
func TestSARIFParses(t *testing.T) {
	rep := sampleReport(t)
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID               string `json:"id"`
						ShortDescription struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						}
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						}
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || log.Schema == "" || len(log.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "leadlex" || d.Version != "test" || d.InformationURI == "" || run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("driver %s %s %s, columnKind %s", d.Name, d.Version, d.InformationURI, run.ColumnKind)
	}
	var ids []string
	for _, r := range d.Rules {
		if r.ShortDescription.Text == "" {
			t.Errorf("rule %s has no shortDescription", r.ID)
		}
		ids = append(ids, r.ID)
	}
	wantIDs := []string{"threshold/balance", "threshold/management_per_1k", "threshold/leadership_per_1k",
		"require/direction-or-people", "flag/micromanage", "flag/strict-supervision", "flag/rockstar", "flag/zero-tolerance"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("rule ids %q\nwant %q", ids, wantIDs)
	}
	if len(run.Results) != 15 {
		t.Fatalf("%d results, want 15", len(run.Results))
	}
	for _, r := range run.Results {
		if d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d (%s)", r.RuleID, r.RuleIndex, d.Rules[r.RuleIndex].ID)
		}
		if r.Level != "error" && r.Level != "warning" && r.Level != "note" {
			t.Errorf("level %q", r.Level)
		}
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.Region.StartLine < 1 || r.PartialFingerprints["leadlexFingerprint/v1"] == "" {
			t.Errorf("result %+v", r)
		}
	}
	// The micromanage finding in the café file: a CRLF file with
	// multi-byte characters before the match on its line.
	var found bool
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if r.RuleID == "flag/micromanage" && loc.ArtifactLocation.URI == "../testdata/check/jobs/retail/caf%C3%A9_shift_lead.txt" {
			found = true
			reg := loc.Region
			if reg.StartLine != 9 || reg.StartColumn != 29 || reg.EndLine != 9 || reg.EndColumn != 40 || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || r.Level != "error" {
				t.Errorf("café micromanage at %+v (%s)", reg, r.Level)
			}
		}
	}
	if !found {
		t.Error("no micromanage result for the café file")
	}
}
