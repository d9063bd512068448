package check

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Metrics that thresholds can be set on: columns of the results file.
const (
	MetricBalance         = "balance"
	MetricLeadershipPer1k = "leadership_per_1k"
	MetricManagementPer1k = "management_per_1k"
	// Percentiles against the norms of a genre (leadlex check --norms).
	MetricBalancePercentile    = "balance_percentile"
	MetricLeadershipPercentile = "leadership_percentile"
)

// metrics lists the threshold metrics in the order they are reported.
var metrics = []string{MetricBalance, MetricLeadershipPer1k, MetricManagementPer1k, MetricBalancePercentile, MetricLeadershipPercentile}

// isPercentile reports whether a metric is a percentile of a genre's norms.
func isPercentile(metric string) bool {
	return metric == MetricBalancePercentile || metric == MetricLeadershipPercentile
}

// Policy is a parsed policy file: which lexicon to score with, the rules
// every document must pass, and overrides for paths that match globs.
type Policy struct {
	File      string     // the policy file, as given
	Dir       string     // its folder, absolute: globs, lexicon paths and fingerprints are relative to it
	Lexicons  []string   // lexicon files (resolved against Dir) or "default"; empty: the built-in lexicon
	Paths     []string   // what to check when no path is given (resolved against Dir); empty: Dir
	Exclude   []string   // globs of files not to check
	Rules     RuleSet    // the rules for every file
	Overrides []Override // applied in order to the files their globs match
}

// RuleSet is the rules that apply to one file.
type RuleSet struct {
	MinWords   int // documents with fewer words are not judged on thresholds or requirements
	Thresholds []Threshold
	Requires   []Require
	Flags      []Flag
}

// Threshold bounds one document metric. Min and Max are nil when not set.
type Threshold struct {
	ID       string // "threshold/balance"
	Metric   string // balance, leadership_per_1k or management_per_1k
	Min, Max *float64
	Severity Severity
	Line     int // line in the policy file
}

// Require asks that a document say something about at least one of the
// listed dimensions: at least MinHits weighted hits on the given pole.
type Require struct {
	ID       string   // "require/vision-or-people"
	AnyOf    []string // dimension names
	Pole     string   // leadership, management or any
	MinHits  float64
	Message  string
	Severity Severity
	Line     int
}

// Flag is a term or phrase the policy flags wherever it appears (stemmed
// like lexicon entries, so "micromanage" also flags "micromanaging").
type Flag struct {
	ID       string // "flag/micromanage"
	Term     string
	Exact    bool // phrases: no determiners skipped between the words
	Message  string
	Suggest  []string
	Severity Severity
	Line     int
}

// Override changes the rules for files whose path (relative to the policy
// folder, with forward slashes) matches one of its globs.
type Override struct {
	Paths      []string
	MinWords   *int
	Thresholds []Threshold // only the bounds and severity that are set replace the base ones
	Requires   []Require   // added
	Flags      []Flag      // added
	Severity   map[string]Severity
	Line       int

	severitySet []bool // per threshold: whether the override set a severity
}

// RuleInfo describes one rule for reports (SARIF's rule list).
type RuleInfo struct {
	ID          string
	Description string   // one sentence about this rule as the policy set it
	Help        string   // what the kind of rule checks and how to satisfy it
	Anchor      string   // the rule kind's section in docs/RULES.md (GitHub's slug of its heading)
	Severity    Severity // where the rule is defined; overrides may change it per path
}

// RulesDoc is the page that documents every kind of rule; RuleInfo.Anchor
// names a section of it.
const RulesDoc = "https://github.com/leadlex/leadlex/blob/main/docs/RULES.md"

// HelpURI is the documentation of the rule's kind.
func (ri RuleInfo) HelpURI() string { return RulesDoc + "#" + ri.Anchor }

// ruleKinds explain each kind of rule, by anchor, for RuleInfo.Help.
var ruleKinds = map[string]string{
	"thresholdbalance": "The balance is (L - M) / (L + M) over the document's weighted leadership (L) and management (M) hits, from -1 to 1. " +
		"To raise it, say where the work is heading and how people grow; to lower it, say what gets planned, checked and delivered.",
	"thresholdleadership_per_1k": "Weighted leadership hits per 1,000 words of the document's role text. " +
		"More wording about direction, people, change and the long term raises it.",
	"thresholdmanagement_per_1k": "Weighted management hits per 1,000 words of the document's role text. " +
		"Plans, budgets, checks and routine raise it; fewer of them lower it.",
	"require": "The document must have at least the policy's minimum of weighted hits on the given pole in at least one of the listed dimensions. " +
		"`leadlex explain FILE` shows which words count.",
	"flag": "The policy flags this word or phrase wherever it appears, matched on stems like lexicon entries, unless the sentence negates it. " +
		"Replace it with one of the suggestions, or suppress it with a leadlex-disable comment.",
}

// Rel returns path relative to the policy folder with forward slashes, or
// the path as given (slashed) when it is not under that folder.
func (p *Policy) Rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(p.Dir, abs)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// Excluded reports whether a path (relative to the policy folder) matches
// an exclude glob.
func (p *Policy) Excluded(rel string) bool {
	return matchAny(p.Exclude, rel)
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

// For returns the rules for a file, given its path relative to the policy
// folder: the base rules, changed by every override that matches in order,
// with severities set by rule id applied last. Rules set to off are left out.
func (p *Policy) For(rel string) RuleSet {
	rs := RuleSet{
		MinWords:   p.Rules.MinWords,
		Thresholds: slices.Clone(p.Rules.Thresholds),
		Requires:   slices.Clone(p.Rules.Requires),
		Flags:      slices.Clone(p.Rules.Flags),
	}
	sev := map[string]Severity{}
	for _, o := range p.Overrides {
		if !matchAny(o.Paths, rel) {
			continue
		}
		if o.MinWords != nil {
			rs.MinWords = *o.MinWords
		}
		for i, t := range o.Thresholds {
			j := slices.IndexFunc(rs.Thresholds, func(b Threshold) bool { return b.Metric == t.Metric })
			if j < 0 {
				rs.Thresholds = append(rs.Thresholds, t)
				continue
			}
			b := &rs.Thresholds[j]
			if t.Min != nil {
				b.Min = t.Min
			}
			if t.Max != nil {
				b.Max = t.Max
			}
			if o.severitySet[i] {
				b.Severity = t.Severity
			}
			b.Line = t.Line
		}
		rs.Requires = append(rs.Requires, o.Requires...)
		rs.Flags = append(rs.Flags, o.Flags...)
		for id, s := range o.Severity {
			sev[id] = s
		}
	}
	for i := range rs.Thresholds {
		rs.Thresholds[i].Severity = pick(sev, rs.Thresholds[i].ID, rs.Thresholds[i].Severity)
	}
	rs.Thresholds = slices.DeleteFunc(rs.Thresholds, func(t Threshold) bool {
		return t.Severity == Off || (t.Min == nil && t.Max == nil)
	})
	for i := range rs.Requires {
		rs.Requires[i].Severity = pick(sev, rs.Requires[i].ID, rs.Requires[i].Severity)
	}
	rs.Requires = slices.DeleteFunc(rs.Requires, func(r Require) bool { return r.Severity == Off })
	for i := range rs.Flags {
		rs.Flags[i].Severity = pick(sev, rs.Flags[i].ID, rs.Flags[i].Severity)
	}
	rs.Flags = slices.DeleteFunc(rs.Flags, func(f Flag) bool { return f.Severity == Off })
	return rs
}

func pick(m map[string]Severity, id string, def Severity) Severity {
	if s, ok := m[id]; ok {
		return s
	}
	return def
}

// RuleInfos lists every rule the policy defines, base and overrides, once
// each, in the order they first appear.
func (p *Policy) RuleInfos() []RuleInfo {
	var out []RuleInfo
	seen := map[string]bool{}
	add := func(id, anchor, desc string, sev Severity) {
		if !seen[id] {
			seen[id] = true
			out = append(out, RuleInfo{ID: id, Description: desc, Help: desc + " " + ruleKinds[anchor], Anchor: anchor, Severity: sev})
		}
	}
	sets := p.ruleSets()
	for _, rs := range sets {
		for _, t := range rs.Thresholds {
			add(t.ID, "threshold"+t.Metric, thresholdDescription(t.Metric), t.Severity)
		}
	}
	for _, rs := range sets {
		for _, r := range rs.Requires {
			add(r.ID, "require", fmt.Sprintf("The text must say something about %s (%s wording).", strings.Join(r.AnyOf, " or "), poleWords(r.Pole)), r.Severity)
		}
	}
	for _, rs := range sets {
		for _, f := range rs.Flags {
			desc := fmt.Sprintf("Flags “%s”.", f.Term)
			if len(f.Suggest) > 0 {
				desc = fmt.Sprintf("Flags “%s”; suggests %s.", f.Term, quoteList(f.Suggest))
			}
			add(f.ID, "flag", desc, f.Severity)
		}
	}
	return out
}

func thresholdDescription(metric string) string {
	switch metric {
	case MetricBalance:
		return "The document's balance of leadership and management wording stays within the policy's bounds."
	case MetricLeadershipPer1k:
		return "Leadership hits per 1,000 words stay within the policy's bounds."
	case MetricBalancePercentile:
		return "Where the document's balance stands among the genre's documents (--norms) stays within the policy's bounds."
	case MetricLeadershipPercentile:
		return "Where the document's leadership hits per 1,000 words stand among the genre's documents (--norms) stay within the policy's bounds."
	}
	return "Management hits per 1,000 words stay within the policy's bounds."
}

func poleWords(pole string) string {
	if pole == "any" {
		return "leadership or management"
	}
	return pole
}

// quoteList renders ["a", "b"] as “a” or “b”.
func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "“" + w + "”"
	}
	return strings.Join(q, " or ")
}
