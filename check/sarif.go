package check

import (
	"cmp"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
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
	Name                 string       `json:"name,omitempty"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	HelpURI              string       `json:"helpUri,omitempty"`
	Help                 *sarifHelp   `json:"help,omitempty"`
	DefaultConfiguration *sarifConfig `json:"defaultConfiguration,omitempty"`
}

// sarifHelp is a rule's help: GitHub Advanced Security requires it.
type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
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
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifContent `json:"insertedContent,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
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

// sarifLevels maps the severities to SARIF's result levels.
var sarifLevels = severityScale{info: "note", warning: "warning", error: "error"}

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
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(ri))
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		ri, ok := index[f.Rule]
		if !ok {
			ri = len(run.Tool.Driver.Rules)
			index[f.Rule] = ri
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(RuleInfo{ID: f.Rule, Description: f.Rule, Help: f.Rule}))
		}
		region := sarifRegion{StartLine: f.Line, StartColumn: f.Column}
		if !f.DocumentLevel() {
			region.EndLine, region.EndColumn = f.EndLine, f.EndColumn
		}
		artifact := sarifArtifactFor(f.File)
		run.Results = append(run.Results, sarifResult{
			RuleID:    f.Rule,
			RuleIndex: ri,
			Level:     sarifLevels.of(f.Severity),
			Message:   sarifMessage{Text: f.where(f.Summary())},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: artifact,
				Region:           region,
			}}},
			PartialFingerprints: map[string]string{"leadlexFingerprint/v1": f.Fingerprint},
			Fixes:               sarifFixes(f, artifact, region),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRuleFor describes a rule: its description, the help for its kind
// and a link to that kind's section of the rules page.
func sarifRuleFor(ri RuleInfo) sarifRule {
	rule := sarifRule{
		ID:               ri.ID,
		Name:             pascalCase(ri.ID),
		ShortDescription: sarifMessage{Text: ri.Description},
		FullDescription:  sarifMessage{Text: cmp.Or(ri.Help, ri.Description)},
	}
	if ri.Anchor != "" {
		rule.HelpURI = ri.HelpURI()
		rule.Help = &sarifHelp{
			Text:     rule.FullDescription.Text + " See " + rule.HelpURI,
			Markdown: rule.FullDescription.Text + " [More about this rule](" + rule.HelpURI + ").",
		}
	}
	if ri.Severity != Off {
		rule.DefaultConfiguration = &sarifConfig{Level: sarifLevels.of(ri.Severity)}
	}
	return rule
}

// pascalCase turns a rule id into SARIF's "friendly name":
// flag/strict-supervision becomes FlagStrictSupervision.
func pascalCase(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sarifFixes offers each replacement of a span finding as a fix that
// replaces the matched text.
func sarifFixes(f *Finding, artifact sarifArtifact, region sarifRegion) []sarifFix {
	if f.DocumentLevel() {
		return nil
	}
	var out []sarifFix
	for _, text := range f.Replacements {
		out = append(out, sarifFix{
			Description: sarifMessage{Text: "Replace “" + f.Match + "” with “" + text + "”"},
			ArtifactChanges: []sarifArtifactChange{{
				ArtifactLocation: artifact,
				Replacements:     []sarifReplacement{{DeletedRegion: region, InsertedContent: &sarifContent{Text: text}}},
			}},
		})
	}
	return out
}

// sarifArtifactFor turns a path into a URI: relative paths against
// %SRCROOT%, absolute ones as file URIs. Colons are percent-encoded, so
// that a file named "colon:name.txt" never reads as the scheme "colon:".
func sarifArtifactFor(path string) sarifArtifact {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // Windows drive letters
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	p = strings.TrimPrefix(p, "./")
	uri := strings.ReplaceAll((&url.URL{Path: p}).EscapedPath(), ":", "%3A")
	return sarifArtifact{URI: uri, URIBaseID: "%SRCROOT%"}
}
