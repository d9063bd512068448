package lexicon

import (
	"strings"

	"github.com/leadlex/leadlex/stem"
)

// roleWords name the job rather than describe the work: leader, manager and
// their verbs. A job title must not decide a score, so the default lexicon
// has no entry with one of them, derive never proposes them, and validate
// warns about them.
var roleWords = []string{"leader", "leaders", "leadership", "leaderships", "lead", "leads", "leading", "led",
	"manager", "managers", "management", "managements", "managerial", "manage", "manages", "managing", "managed"}

var roleStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range roleWords {
		m[w] = true
		m[stem.Stem(w)] = true
	}
	return m
}()

// IsRoleWord reports whether a lower-cased word of a term is a role word
// (leader, managers, leading, …) or a wildcard that matches one ("manag*").
func IsRoleWord(word string) bool {
	w := strings.ToLower(word)
	if p, ok := strings.CutSuffix(w, "*"); ok {
		for _, r := range roleWords {
			if strings.HasPrefix(r, p) {
				return true
			}
		}
		return roleStems[stem.Stem(p)]
	}
	return roleStems[w] || roleStems[stem.Stem(w)]
}

// RoleWord returns the first role word among the words of term, or "".
func RoleWord(term string) string {
	for _, w := range stem.Words(term) {
		if IsRoleWord(w) {
			return w
		}
	}
	return ""
}
