package sectionlabels

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/sections"
)

func TestPostingRef(t *testing.T) {
	cases := map[string]string{
		"stochastictalk/nhs_jobs_data:data/916162067.json@abc#vacancy_id=916162067": "nhs:916162067",
		"arshkon/linkedin-job-postings:postings_sample.csv@def#job_id=3486250934":   "linkedin:3486250934",
	}
	for source, want := range cases {
		if got := PostingRef(source); got != want {
			t.Errorf("PostingRef(%q) = %q, want %q", source, got, want)
		}
	}
	if got := Board("linkedin:3486250934"); got != "linkedin" {
		t.Errorf("Board = %q", got)
	}
}

func TestReadRejectsBadRows(t *testing.T) {
	dir := t.TempDir()
	good := "# comment\nposting\tstart\tend\tkind\tsplit\nnhs:1\t0\t10\tbenefits\tdev\n"
	cases := map[string]string{
		"good":          good,
		"unknown kind":  good + "nhs:1\t10\t20\tperks\tdev\n",
		"empty span":    good + "nhs:1\t20\t20\trole\tdev\n",
		"missing field": good + "nhs:1\t20\t30\trole\n",
	}
	for name, text := range cases {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".tsv")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		labels, err := Read(path)
		if name == "good" {
			if err != nil || len(labels) != 1 || labels[0] != (Label{"nhs:1", 0, 10, sections.Benefits, "dev"}) {
				t.Errorf("good file: %v, %v", labels, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestConfusion(t *testing.T) {
	var c Confusion
	c.Add(sections.Benefits, sections.AboutCompany) // both boilerplate: a hit
	c.Add(sections.Benefits, sections.Role)
	c.Add(sections.Role, sections.HowToApply)
	c.Add(sections.Role, sections.Role)
	if c != (Confusion{TP: 1, FP: 1, FN: 1, TN: 1}) || c.Precision() != 0.5 || c.Recall() != 0.5 {
		t.Errorf("confusion %+v: precision %v recall %v", c, c.Precision(), c.Recall())
	}
}
