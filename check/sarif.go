package check

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIF 2.1.0, the subset code-scanning dashboards read (GitHub code
// scanning among them).
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	DefaultConfiguration *sarifConfig `json:"defaultConfiguration,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// sarifLevel maps a severity to SARIF's result level.
func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes the report as a SARIF 2.1.0 log with one run. Columns
// are counted in Unicode code points (columnKind unicodeCodePoints);
// relative paths are given against %SRCROOT%, the folder the check ran in.
func WriteSARIF(w io.Writer, r *Report) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: r.Tool.Name, Version: r.Tool.Version, InformationURI: r.Tool.InformationURI,
			Rules: []sarifRule{},
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	index := map[string]int{}
	for _, ri := range r.Rules {
		index[ri.ID] = len(run.Tool.Driver.Rules)
		rule := sarifRule{ID: ri.ID, ShortDescription: sarifMessage{Text: ri.Description}}
		if ri.Severity != Off {
			rule.DefaultConfiguration = &sarifConfig{Level: sarifLevel(ri.Severity)}
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		ri, ok := index[f.Rule]
		if !ok {
			ri = len(run.Tool.Driver.Rules)
			index[f.Rule] = ri
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: f.Rule, ShortDescription: sarifMessage{Text: f.Rule}})
		}
		region := sarifRegion{StartLine: f.Line, StartColumn: f.Column}
		if !f.DocumentLevel() {
			region.EndLine, region.EndColumn = f.EndLine, f.EndColumn
		}
		run.Results = append(run.Results, sarifResult{
			RuleID:    f.Rule,
			RuleIndex: ri,
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: f.where(f.Summary())},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactFor(f.File),
				Region:           region,
			}}},
			PartialFingerprints: map[string]string{"leadlexFingerprint/v1": f.Fingerprint},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifArtifactFor turns a path into a URI: relative paths against
// %SRCROOT%, absolute ones as file URIs.
func sarifArtifactFor(path string) sarifArtifact {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // Windows drive letters
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	p = strings.TrimPrefix(p, "./")
	return sarifArtifact{URI: (&url.URL{Path: p}).EscapedPath(), URIBaseID: "%SRCROOT%"}
}
