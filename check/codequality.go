package check

import (
	"encoding/json"
	"io"
)

// GitLab Code Quality report (a subset of the Code Climate issue format):
// a JSON array with one issue per finding, which GitLab shows in merge
// requests when a job publishes it as artifacts:reports:codequality.
type codeQualityIssue struct {
	Type        string              `json:"type"`
	CheckName   string              `json:"check_name"`
	Description string              `json:"description"`
	Categories  []string            `json:"categories"`
	Severity    string              `json:"severity"`
	Fingerprint string              `json:"fingerprint"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	Path  string           `json:"path"`
	Lines codeQualityLines `json:"lines"`
}

type codeQualityLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// codeQualitySeverities maps the severities to Code Quality's scale
// (info, minor, major, critical, blocker).
var codeQualitySeverities = severityScale{info: "info", warning: "minor", error: "major"}

// WriteCodeQuality writes the report as a GitLab Code Quality JSON array.
// The fingerprint is the finding's (unique per rule, file, matched text and
// occurrence, so GitLab can tell new findings from old ones).
func WriteCodeQuality(w io.Writer, r *Report) error {
	issues := make([]codeQualityIssue, 0, len(r.Findings))
	for i := range r.Findings {
		f := &r.Findings[i]
		issues = append(issues, codeQualityIssue{
			Type:        "issue",
			CheckName:   f.Rule,
			Description: f.where(f.Summary()),
			Categories:  []string{"Style"},
			Severity:    codeQualitySeverities.of(f.Severity),
			Fingerprint: f.Fingerprint,
			Location: codeQualityLocation{
				Path:  f.File,
				Lines: codeQualityLines{Begin: f.Line, End: max(f.EndLine, f.Line)},
			},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}
