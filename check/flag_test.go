package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/corpus"
)

const flagPolicy = `
flag:
  - term: micromanage
    message: "“{match}” signals control (flagged as {term})"
    suggest: [coach, support]
  - term: strict supervision
    severity: warning
  - term: rockstar*
    severity: info
  - term: work hard play hard
    exact: true
`

func TestFlagMatchesInflectionsAndPhrases(t *testing.T) {
	c := newChecker(t, t.TempDir(), flagPolicy)
	text := "You will be micromanaging nobody.\nNew starters are strictly supervised. Rockstars and rockstar developers welcome. We work hard, play hard."
	fs := checkText(t, c, "a.txt", text)
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+"="+f.Match)
	}
	want := "flag/micromanage=micromanaging flag/strict-supervision=strictly supervised flag/rockstar=Rockstars flag/rockstar=rockstar"
	if strings.Join(got, " ") != want {
		t.Fatalf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	f := fs[0]
	if f.Severity != Error || f.Message != "“micromanaging” signals control (flagged as micromanage)" || f.Suggestion != "coach or support" {
		t.Errorf("micromanage finding %+v", f)
	}
	if f.Line != 1 || f.Column != 13 || f.EndLine != 1 || f.EndColumn != 26 {
		t.Errorf("micromanaging at %d:%d-%d:%d, want 1:13-1:26", f.Line, f.Column, f.EndLine, f.EndColumn)
	}
	if s := fs[1]; s.Severity != Warning || s.Line != 2 || s.Column != 18 || s.Message != "“strictly supervised” is flagged (as “strict supervision”)" {
		t.Errorf("strict supervision finding %+v", s)
	}
	if r := fs[2]; r.Severity != Info || r.Message != "“Rockstars” is a flagged term" {
		t.Errorf("rockstar finding %+v", r)
	}
}

func TestFlagSkipsNegatedUses(t *testing.T) {
	c := newChecker(t, t.TempDir(), flagPolicy)
	fs := checkText(t, c, "a.txt", "We never micromanage. There is no strict supervision here, and we don't micromanage.")
	if len(fs) != 0 {
		t.Errorf("negated uses flagged: %v", rules(fs))
	}
}

func TestFlagPositionInMultiByteCRLFFile(t *testing.T) {
	dir := t.TempDir()
	c := newChecker(t, dir, flagPolicy)
	// Line 3 starts with multi-byte characters; lines end in CRLF.
	text := "Café Zürich — Schichtleitung ☕\r\n\r\nGrüße: wir micromanage nie? Doch: crème brûlée, strict supervision.\r\nEnde\r\n"
	path := filepath.Join(dir, "café.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := corpus.ReadFile(path, corpus.Options{Positions: true})
	if len(docs) != 1 || docs[0].Status != corpus.OK {
		t.Fatalf("read: %+v", docs)
	}
	fs := c.Check(docs[0]).Findings
	if len(fs) != 2 {
		t.Fatalf("findings %v, want micromanage and strict supervision", rules(fs))
	}
	// "Grüße: wir " is 11 characters (13 bytes): micromanage starts at column 12.
	if f := fs[0]; f.Line != 3 || f.Column != 12 || f.EndLine != 3 || f.EndColumn != 23 || f.File != filepath.ToSlash(path) {
		t.Errorf("micromanage at %s:%d:%d-%d:%d, want line 3, columns 12-23", f.File, f.Line, f.Column, f.EndLine, f.EndColumn)
	}
	// "…Doch: crème brûlée, " puts strict supervision at column 49.
	if f := fs[1]; f.Line != 3 || f.Column != 49 || f.EndColumn != 67 {
		t.Errorf("strict supervision at %d:%d-%d, want 3:49-67", f.Line, f.Column, f.EndColumn)
	}
}

func TestFlagPositionInExtractedText(t *testing.T) {
	// A reader that extracts text (HTML here) maps offsets of the text
	// back to the file: findings point into the file.
	dir := t.TempDir()
	c := newChecker(t, dir, flagPolicy)
	raw := "<html><body>\n<h1>Shift lead</h1>\n<p>You will <em>micromanage</em> the rota.</p>\n</body></html>\n"
	path := filepath.Join(dir, "job.html")
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := corpus.ReadFile(path, corpus.Options{Positions: true})
	if len(docs) != 1 || docs[0].Status != corpus.OK {
		t.Fatalf("read: %+v", docs)
	}
	d := c.Check(docs[0])
	if len(d.Findings) != 1 {
		t.Fatalf("findings %v", rules(d.Findings))
	}
	if f := d.Findings[0]; f.Line != 3 || f.Column != 17 || f.EndColumn != 28 {
		t.Errorf("micromanage at %d:%d-%d, want 3:17-28", f.Line, f.Column, f.EndColumn)
	}
}

func TestFlagInRecordPointsAtFileWithDocument(t *testing.T) {
	dir := t.TempDir()
	c := newChecker(t, dir, flagPolicy)
	d := c.Check(corpus.Doc{ID: "jobs.jsonl#3", Path: filepath.Join(dir, "jobs.jsonl"), Format: "jsonl", Status: corpus.OK, Text: "Please micromanage."})
	if len(d.Findings) != 1 {
		t.Fatalf("findings %v", rules(d.Findings))
	}
	f := d.Findings[0]
	if f.Document != "jobs.jsonl#3" || f.Line != 1 || f.Column != 1 || !strings.HasSuffix(f.File, "/jobs.jsonl") {
		t.Errorf("record finding %+v", f)
	}
}

func TestFlagPrefilterNeverMissesAMatch(t *testing.T) {
	c := newChecker(t, t.TempDir(), flagPolicy+"  - take a risk\n  - e-mail blast\n")
	texts := []string{
		"A ROCKSTAR's attitude.", "strictly-supervised", "He took a risk once.",
		"Send the e-mail blast.", "Micro\u00ADmanage", "micromanaged/strict supervision",
		"Nothing to see here.", "The rock star of the team.", "",
	}
	for _, text := range texts {
		sc := c.newScorers()
		found := len(c.flagFindings(sc.flags, c.policy.Rules.Flags, text)) > 0
		if may := c.starts.mayOccur(text, sc.words); found && !may {
			t.Errorf("%q: the pre-filter says no, the matcher finds a term", text)
		}
	}
	sc := c.newScorers()
	if c.starts.mayOccur("Nothing to see here.", sc.words) {
		t.Error("the pre-filter lets everything through")
	}
}
