// Package check runs a wording policy over documents for CI: it loads the
// policy file (.leadlex.yaml), evaluates its rules (score thresholds,
// required dimensions, flagged terms) on each document, and reports
// findings with file, line and column in text, JSON, GitHub workflow
// command and SARIF formats. A baseline file lets a team adopt the check
// without fixing every old finding first.
package check

import (
	"fmt"
	"strings"
)

// Severity is how serious a finding is. Off disables a rule.
type Severity uint8

// The severities, from least to most serious.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{Off: "off", Info: "info", Warning: "warning", Error: "error"}

// String returns "off", "info", "warning" or "error".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", s)
}

// ParseSeverity reads "error", "warning", "info" or "off" (case-insensitive).
func ParseSeverity(s string) (Severity, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, n := range severityNames {
		if t == n {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("severity %q: want error, warning, info or off", s)
}

// MarshalText writes the severity's name (for JSON).
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name (for JSON).
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// severityScale names the severities in an output format's own words
// (SARIF levels, Code Quality severities, GitHub workflow commands,
// terminal colours); any severity below Warning takes info's word.
type severityScale struct{ info, warning, error string }

// of returns the word for s.
func (sc severityScale) of(s Severity) string {
	switch s {
	case Error:
		return sc.error
	case Warning:
		return sc.warning
	}
	return sc.info
}

// ParseFailOn reads the level at which a check fails (the CLI's
// --fail-on): a severity, or "none" for a check that never fails (returned
// as a level above Error). Its error starts with the value, quoted.
func ParseFailOn(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "none", "never":
		return Error + 1, nil
	case "off":
		return Off, fmt.Errorf("%q: want error, warning, info or none", s)
	}
	v, err := ParseSeverity(s)
	if err != nil {
		return Off, fmt.Errorf("%q: want error, warning, info or none", s)
	}
	return v, nil
}
