package check

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
)

// Finding is one problem found in one document.
type Finding struct {
	File       string   `json:"file"`               // the file's path as reached, with forward slashes
	Document   string   `json:"document,omitempty"` // the record's id (path#N) when the file holds several documents
	Line       int      `json:"line"`               // 1-based; document-level findings point at line 1
	Column     int      `json:"column"`             // 1-based, in characters
	EndLine    int      `json:"end_line"`           // where the matched text ends (equal to Line/Column for document-level findings)
	EndColumn  int      `json:"end_column"`         // exclusive: the column just after the match
	Rule       string   `json:"rule"`               // "flag/micromanage", "threshold/balance", …
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Match      string   `json:"match,omitempty"`      // the text that matched; empty for document-level findings
	Suggestion string   `json:"suggestion,omitempty"` // what to write instead, or what would fix it
	// Replacements are texts that can replace Match as they stand (a flag's
	// suggestions); SARIF turns each into a fix.
	Replacements []string `json:"replacements,omitempty"`
	// Fingerprint identifies the finding across edits that move it: a
	// hash of the rule, the file's path relative to the policy folder, the
	// matched text and which occurrence of it this is. Baselines use it.
	Fingerprint string `json:"fingerprint"`
}

// Summary is the message with its suggestion, for formats with one text field.
func (f *Finding) Summary() string {
	if f.Suggestion == "" {
		return f.Message
	}
	return strings.TrimRight(f.Message, ".") + ". Suggestion: " + f.Suggestion
}

// DocumentLevel reports whether the finding is about the whole document
// (a threshold or requirement) rather than a span of text.
func (f *Finding) DocumentLevel() bool { return f.Match == "" }

// sortFindings orders one document's findings by position, then rule.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Rule, b.Rule))
	})
}

// fingerprint sets the fingerprints of one document's findings (sorted by
// position). rel is the document's path relative to the policy folder
// (with #N for records). The n-th finding with the same rule and matched
// text gets occurrence n, so inserting lines above a finding keeps its
// fingerprint, and a new occurrence of a known problem is new.
func fingerprint(fs []Finding, rel string) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		key := f.Rule + "\x00" + rel + "\x00" + strings.ToLower(f.Match)
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		f.Fingerprint = hex.EncodeToString(sum[:8])
	}
}

// Count tallies findings by severity.
type Count struct {
	Errors, Warnings, Infos int
}

// Add counts one finding.
func (c *Count) Add(f *Finding) {
	switch f.Severity {
	case Error:
		c.Errors++
	case Warning:
		c.Warnings++
	case Info:
		c.Infos++
	}
}

// Total is the number of findings counted.
func (c Count) Total() int { return c.Errors + c.Warnings + c.Infos }

// AtLeast reports how many findings have severity s or above.
func (c Count) AtLeast(s Severity) int {
	n := 0
	if s <= Error {
		n += c.Errors
	}
	if s <= Warning {
		n += c.Warnings
	}
	if s <= Info {
		n += c.Infos
	}
	return n
}
