package check

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

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

// TestSARIFSchema validates the SARIF of the sample report, written
// relative to the repository root, against the SARIF 2.1.0 JSON schema
// (testdata/sarif, from the SARIF Multitool's npm package), and checks
// what GitHub code scanning asks beyond the schema: fullDescription and
// helpUri on every rule, fixes for suggestions.
func TestSARIFSchema(t *testing.T) {
	schema := compileSchema(t, "testdata/sarif/sarif-2.1.0.json")
	rep := sampleReport(t)
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", rep, WriteOptions{Root: ".."}); err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("SARIF does not validate: %v", err)
	}

	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID              string `json:"id"`
						FullDescription struct{ Text string }
						HelpURI         string `json:"helpUri"`
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	for _, r := range run.Tool.Driver.Rules {
		if r.FullDescription.Text == "" || !strings.HasPrefix(r.HelpURI, RulesDoc+"#") {
			t.Errorf("rule %s: fullDescription %q, helpUri %q", r.ID, r.FullDescription.Text, r.HelpURI)
		}
	}
	var fixed bool
	for _, r := range run.Results {
		uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if !strings.HasPrefix(uri, "testdata/check/") {
			t.Errorf("URI %q is not relative to the repository root", uri)
		}
		if r.RuleID == "flag/micromanage" && uri == "testdata/check/jobs/retail/caf%C3%A9_shift_lead.txt" {
			fixed = true
			var got []string
			for _, fx := range r.Fixes {
				rp := fx.ArtifactChanges[0].Replacements[0]
				if rp.DeletedRegion.StartLine != 9 || rp.DeletedRegion.StartColumn != 29 || rp.DeletedRegion.EndColumn != 40 {
					t.Errorf("fix replaces %+v", rp.DeletedRegion)
				}
				got = append(got, rp.InsertedContent.Text)
			}
			if !slices.Equal(got, []string{"coach", "support"}) {
				t.Errorf("fixes insert %q, want coach, support", got)
			}
		}
	}
	if !fixed {
		t.Error("no micromanage result for the café file")
	}
}

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSARIFURINeverAScheme(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"colon:name.txt", "colon%3Aname.txt"},
		{"./colon:name.txt", "colon%3Aname.txt"},
		{"jobs/a:b/c d.md", "jobs/a%3Ab/c%20d.md"},
		{"jobs/café.md", "jobs/caf%C3%A9.md"},
	} {
		a := sarifArtifactFor(tc.path)
		if a.URI != tc.want || a.URIBaseID != "%SRCROOT%" {
			t.Errorf("%q: URI %q (base %q), want %q", tc.path, a.URI, a.URIBaseID, tc.want)
		}
		u, err := url.Parse(a.URI)
		if err != nil || u.Scheme != "" {
			t.Errorf("%q: URI %q parses with scheme %q (%v)", tc.path, a.URI, u.Scheme, err)
		}
	}
}
