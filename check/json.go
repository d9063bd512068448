package check

import (
	"encoding/json"
	"io"
)

// jsonReport is the shape of the json format.
type jsonReport struct {
	Tool     string    `json:"tool"`
	Version  string    `json:"version"`
	Files    int       `json:"files"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	Infos    int       `json:"infos"`
	Findings []Finding `json:"findings"`
}

// WriteJSON writes the report as one JSON object: the tool, counts of
// files and findings by severity, and the findings with every field.
func WriteJSON(w io.Writer, r *Report) error {
	c := r.Count()
	out := jsonReport{
		Tool: r.Tool.Name, Version: r.Tool.Version, Files: r.Files,
		Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos,
		Findings: r.Findings,
	}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
