package lexicon

import "fmt"

// Lint lists what is allowed in a lexicon but worth a second look, one
// warning per line with the entry's file:line: an entry holding a role
// word (a job title should not decide a score), and a weight below 1 with
// no note saying why.
func Lint(l *Lexicon) []string {
	var out []string
	for i := range l.Entries {
		e := &l.Entries[i]
		if w := RoleWord(e.Term); w != "" {
			out = append(out, fmt.Sprintf("%s: entry %q contains the role word %q; a job title should not decide a score", e.Location(), e.Term, w))
		}
		if e.Weight < 1 && e.Note == "" {
			out = append(out, fmt.Sprintf("%s: entry %q is weighted down to %s without a note saying why", e.Location(), e.Term, FormatWeight(e.Weight)))
		}
	}
	return out
}
