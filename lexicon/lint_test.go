package lexicon

import (
	"strings"
	"testing"
)

func TestLint(t *testing.T) {
	src := header + `        - {term: inspire, source: s}
        - {term: team leader, source: s}
        - {term: empower, source: s, weight: 0.5}
        - {term: coach, source: s, weight: 0.5, note: also a noun}
`
	l, err := Parse("lint.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(Lint(l), "\n")
	want := `lint.yaml:9: entry "team leader" contains the role word "leader"; a job title should not decide a score
lint.yaml:10: entry "empower" is weighted down to 0.5 without a note saying why`
	if got != want {
		t.Errorf("Lint:\n%s\nwant\n%s", got, want)
	}
	if w := Lint(Default()); len(w) != 0 {
		t.Errorf("the default lexicon has lint warnings:\n%s", strings.Join(w, "\n"))
	}
}
