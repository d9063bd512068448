package check

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
)

// Inline suppression. In Markdown and HTML (and in text) a comment turns
// rules off and on:
//
//	<!-- leadlex-disable flag/micromanage -->   rules off from this line on
//	<!-- leadlex-enable -->                     all back on (or name rules)
//	<!-- leadlex-disable-next-line flag -->     rules off for the next line
//
// Text files have no comments, so there a line that holds only the
// directive, optionally after # or //, does the same:
//
//	# leadlex-disable-next-line flag/rockstar
//
// Rules are named by id (flag/micromanage) or by kind (flag, threshold,
// require), separated by spaces or commas; no rule names every rule. A
// leadlex-enable with no rules ends every disable; with rules, it ends the
// disables of those rules (enabling one flag does not undo disabling the
// whole kind).
// Document-level findings (thresholds, requirements) are suppressed by a
// leadlex-disable that names them, anywhere in the file.

// directive is one suppression comment.
type directive struct {
	line     int    // 1-based line of the comment
	verb     string // disable, enable or disable-next-line
	rules    []string
	lineForm bool // a text file's directive line: its own words are never findings
}

var (
	commentDirectiveRE = regexp.MustCompile(`<!--\s*leadlex-(disable-next-line|disable|enable)\b([^>]*?)-->`)
	lineDirectiveRE    = regexp.MustCompile(`(?m)^[ \t]*(?:#+|//)?[ \t]*leadlex-(disable-next-line|disable|enable)\b([^\n]*)$`)
)

// parseDirectives finds the suppression comments in a file's source, in
// order; lineForm also accepts the text files' line form.
func parseDirectives(src string, lineForm bool) []directive {
	if !strings.Contains(src, "leadlex-") {
		return nil
	}
	var out []directive
	add := func(re *regexp.Regexp, lineForm bool) {
		for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
			rules := strings.FieldsFunc(src[m[4]:m[5]], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\r' })
			out = append(out, directive{
				line:  1 + strings.Count(src[:m[0]], "\n"),
				verb:  src[m[2]:m[3]],
				rules: rules, lineForm: lineForm,
			})
		}
	}
	add(commentDirectiveRE, false)
	if lineForm {
		add(lineDirectiveRE, true)
	}
	// Both forms may be present: keep file order.
	slices.SortStableFunc(out, func(a, b directive) int { return cmp.Compare(a.line, b.line) })
	return out
}

// names reports whether a directive's rule list covers a rule id: the id
// itself or its kind (the part before the slash).
func names(rules []string, id string) bool {
	for _, r := range rules {
		if r == id || strings.HasPrefix(id, r+"/") {
			return true
		}
	}
	return false
}

// suppressed reports whether the directives turn the finding off.
func suppressed(ds []directive, f *Finding) bool {
	if f.DocumentLevel() {
		for _, d := range ds {
			if d.verb == "disable" && names(d.rules, f.Rule) {
				return true
			}
		}
		return false
	}
	all := false
	var off []string
	for _, d := range ds {
		if d.line > f.Line {
			break
		}
		if d.lineForm && d.line == f.Line {
			return true
		}
		switch d.verb {
		case "disable-next-line":
			if d.line == f.Line-1 && (len(d.rules) == 0 || names(d.rules, f.Rule)) {
				return true
			}
		case "disable":
			if len(d.rules) == 0 {
				all = true
			}
			off = append(off, d.rules...)
		case "enable":
			if len(d.rules) == 0 {
				all, off = false, nil
				continue
			}
			kept := off[:0:0]
			for _, r := range off {
				if !names(d.rules, r) {
					kept = append(kept, r)
				}
			}
			off = kept
		}
	}
	return all || names(off, f.Rule)
}

// unsuppressed drops the findings the source's directives turn off.
func unsuppressed(fs []Finding, src string, lineForm bool) []Finding {
	ds := parseDirectives(src, lineForm)
	if len(ds) == 0 {
		return fs
	}
	out := fs[:0]
	for i := range fs {
		if !suppressed(ds, &fs[i]) {
			out = append(out, fs[i])
		}
	}
	return out
}
