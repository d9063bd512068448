package check

import (
	"bytes"
	"strings"
	"testing"
)

func TestFingerprintsSurviveLineShifts(t *testing.T) {
	c := newChecker(t, t.TempDir(), "flag: [micromanage, rockstar*]\nthresholds:\n  balance: {min: 0}\n")
	before := checkText(t, c, "jobs/a.txt", "Micromanage the rota. Monitor the budget.\nA rockstar who will micromanage.")
	after := checkText(t, c, "jobs/a.txt", "New intro line.\n\nMicromanage the rota. Monitor the budget and track the deadline.\nA rockstar who will micromanage.")
	if len(before) != 4 || len(after) != 4 {
		t.Fatalf("findings %v / %v", rules(before), rules(after))
	}
	prints := func(fs []Finding) map[string]bool {
		m := map[string]bool{}
		for _, f := range fs {
			m[f.Fingerprint] = true
		}
		return m
	}
	now := prints(after)
	for _, f := range before {
		if !now[f.Fingerprint] {
			t.Errorf("%s %q at %d:%d: fingerprint %s is gone after lines were added above", f.Rule, f.Match, f.Line, f.Column, f.Fingerprint)
		}
	}
	// Two occurrences of the same term have different fingerprints; the
	// same text in another file too.
	if len(prints(before)) != 4 {
		t.Errorf("fingerprints are not distinct: %v", prints(before))
	}
	other := checkText(t, c, "jobs/b.txt", "Micromanage the rota.")
	if f := findRule(other, "flag/micromanage"); prints(before)[f.Fingerprint] {
		t.Error("a finding in another file shares a fingerprint")
	}
}

func TestBaselineReportsOnlyNewFindings(t *testing.T) {
	c := newChecker(t, t.TempDir(), "flag: [micromanage, rockstar*]\n")
	old := checkText(t, c, "jobs/a.txt", "Micromanage the rota.")
	var buf bytes.Buffer
	if err := NewBaseline(old).Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"rule": "flag/micromanage"`) || !strings.Contains(buf.String(), `"match": "Micromanage"`) {
		t.Errorf("baseline file does not say what it holds:\n%s", buf.String())
	}
	b, err := ReadBaseline(&buf, "base.json")
	if err != nil {
		t.Fatal(err)
	}
	now := checkText(t, c, "jobs/a.txt", "Intro.\nMicromanage the rota. We want a rockstar who will micromanage.")
	fresh, known := b.Filter(now)
	if known != 1 || len(fresh) != 2 || fresh[0].Match != "rockstar" || fresh[1].Match != "micromanage" {
		t.Errorf("known %d, fresh %+v", known, fresh)
	}
}

func TestReadBaselineRejectsOtherFiles(t *testing.T) {
	for _, in := range []string{`{"runs": []}`, `{"version": 7, "findings": []}`, `{"version": 1, "findings": [{"rule": "x"}]}`, `not json`} {
		if _, err := ReadBaseline(strings.NewReader(in), "b.json"); err == nil || !strings.Contains(err.Error(), "baseline b.json") {
			t.Errorf("%s: error %v", in, err)
		}
	}
}
