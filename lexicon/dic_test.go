package lexicon

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleDic = "../testdata/lexicons/sample.dic"

func TestParseDicErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", "x.dic: file is empty"},
		{"no opening percent", "1\tfuture\n%\nvision\t1\n", "x.dic:1: expected a line holding only % to open the category header"},
		{"header not closed", "%\n1\tfuture\n", "x.dic:2: the category header is not closed"},
		{"empty header", "%\n%\nvision\t1\n", "x.dic:2: the category header is empty"},
		{"category without name", "%\n1\n%\n", `x.dic:2: category "1": expected an ID and a name`},
		{"category ID twice", "%\n1\tfuture\n1\tplans\n%\n", "x.dic:3: category ID 1 is already declared at line 2"},
		{"category name twice", "%\n1\tfuture\n2\tfuture\n%\n", "x.dic:3: category name future is already declared at line 2"},
		{"undeclared category", "%\n1\tfuture\n%\nvision\t1\nbudget\t7\n", `x.dic:5: entry "budget": category ID "7" is not declared`},
		{"no categories", "%\n1\tfuture\n%\nvision\n", `x.dic:4: entry "vision" has no category IDs`},
		{"no term", "%\n1\tfuture\n%\n\t1\n", "x.dic:4: entry has no term"},
		{"category twice on a line", "%\n1\tfuture\n%\nvision\t1\t1\n", `x.dic:4: entry "vision": category ID 1 is listed twice`},
		{"term twice", "%\n1\tfuture\n2\tplans\n%\nvision\t1\nVision\t2\n", `x.dic:6: entry "Vision" is already listed at line 5`},
		{"third percent", "%\n1\tfuture\n%\nvision\t1\n%\n", "x.dic:5: a third % line"},
		{"not UTF-8", "%\n1\tfuture\n%\ncaf\xe9\t1\n", "x.dic:4:4: not valid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseDic("x.dic", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
			if err != nil && !IsError(err) {
				t.Errorf("%v is not a *lexicon.Error", err)
			}
		})
	}
}

func TestParseDic(t *testing.T) {
	src := "\uFEFF%\r\n1\tfuture (Looking ahead)\r\n2 plans\r\n%\r\n\r\nlong  term\t1\r\ninnovat*\t1 2\r\nset a budget 2\r\nquarter 2 1\r\n"
	d, err := ParseDic("x.dic", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Categories) != 2 || d.Categories[0] != (DicCategory{"1", "future", "Looking ahead", 2}) || d.Categories[1].Name != "plans" {
		t.Errorf("categories %+v", d.Categories)
	}
	want := []string{"long term [1] 6", "innovat* [1 2] 7", "set a budget [2] 8", "quarter [2 1] 9"}
	var got []string
	for _, e := range d.Entries {
		got = append(got, fmt.Sprintf("%s %v %d", e.Term, e.Categories, e.Line))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("entries %q, want %q", got, want)
	}
}

func loadSample(t *testing.T) (*Lexicon, []string) {
	t.Helper()
	l, warnings, err := LoadDic(sampleDic, MapPath(sampleDic))
	if err != nil {
		t.Fatal(err)
	}
	return l, warnings
}

func TestImportSample(t *testing.T) {
	l, warnings := loadSample(t)
	if len(warnings) != 0 {
		t.Errorf("warnings %q", warnings)
	}
	if l.Name != "sample-dic" || l.Version != "0.1.0" || len(l.Dimensions) != 2 || l.Dimensions[0].Leadership == "" {
		t.Errorf("lexicon %q %q %+v", l.Name, l.Version, l.Dimensions)
	}
	if len(l.Entries) != 24 { // 25 lines, "um" is in the unmapped filler category
		t.Errorf("%d entries, want 24", len(l.Entries))
	}
	byTerm := map[string]*Entry{}
	for i := range l.Entries {
		byTerm[l.Entries[i].Term] = &l.Entries[i]
	}
	for term, want := range map[string]string{
		"inspire":          "direction/leadership/1/word",   // in future and people: future comes first in the mapping
		"coach*":           "control/leadership/1/prefix",   //
		"experiment*":      "control/leadership/2/prefix",   // novelty has weight 2
		"quarterly target": "direction/management/1/phrase", //
		"reconcile":        "control/management/1/word",
	} {
		e := byTerm[term]
		if e == nil {
			t.Errorf("%q not imported", term)
			continue
		}
		got := fmt.Sprintf("%s/%s/%s/%s", e.Dimension, e.Pole, FormatWeight(e.Weight), e.Kind())
		if got != want {
			t.Errorf("%q = %s, want %s", term, got, want)
		}
		if e.Source != "sample.dic" || e.File != sampleDic || e.Line == 0 || !strings.HasPrefix(e.Note, "dic category ") {
			t.Errorf("%q provenance %q %s:%d %q", term, e.Source, e.File, e.Line, e.Note)
		}
	}
	if byTerm["um"] != nil {
		t.Error("an entry of an unmapped category was imported")
	}
	if len(l.Hash) != 64 {
		t.Errorf("hash %q", l.Hash)
	}
	// Load picks up the mapping beside the .dic.
	viaLoad, err := Load(sampleDic)
	if err != nil || len(viaLoad.Entries) != len(l.Entries) || viaLoad.Hash != l.Hash {
		t.Errorf("Load(.dic) = %v entries, err %v", len(viaLoad.Entries), err)
	}
}

func TestImportErrors(t *testing.T) {
	dic := "%\n1\tfuture\n2\tplans\n3\tpeople\n%\nvision\t1\t2\nbudget\t2\n"
	tests := []struct{ name, mapping, want string }{
		{"both poles", "categories:\n  future: {dimension: vision, pole: leadership}\n  plans: {dimension: vision, pole: management}\n",
			`x.dic:6: entry "vision" is in category future (vision/leadership) and category plans (vision/management)`},
		{"unknown category", "categories:\n  ghosts: {dimension: vision, pole: leadership}\n", `m.yaml:2: category "ghosts" is not declared in x.dic`},
		{"same category by name and ID", "categories:\n  future: {dimension: vision, pole: leadership}\n  \"1\": {dimension: vision, pole: leadership}\n", `m.yaml:3: category "1" names the same .dic category`},
		{"bad pole", "categories:\n  future: {dimension: vision, pole: up}\n", `m.yaml:2:11: category future: pole "up": want leadership or management`},
		{"no dimension", "categories:\n  future: {pole: leadership}\n", "m.yaml:2:11: category future: expected dimension: NAME"},
		{"bad weight", "categories:\n  future: {dimension: v, pole: leadership, weight: -1}\n", "m.yaml:2:52: category future weight: expected a number in (0, 100]"},
		{"unknown field", "categories:\n  future: {dimension: v, pole: leadership, polarity: 1}\n", `m.yaml:2:44: category future: unknown field "polarity"`},
		{"mapped twice", "categories:\n  future: {dimension: v, pole: leadership}\n  future: {dimension: v, pole: leadership}\n", `m.yaml:3:3: category "future" is mapped twice`},
		{"no categories", "name: x\n", "m.yaml:1:1: missing required field categories"},
		{"entries in mapping", "dimensions:\n  - name: v\n    entries:\n      leadership:\n        - {term: x, source: s}\ncategories: {}\n", `m.yaml:2:5: dimension "v": a mapping gives no entries`},
		{"empty", "", "m.yaml: file is empty; expected a category mapping with categories"},
	}
	d, err := ParseDic("x.dic", []byte(dic))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseDicMap("m.yaml", []byte(tc.mapping))
			if err == nil {
				_, _, err = Import(d, m)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestImportSkipsUnmatchableTerms(t *testing.T) {
	d, err := ParseDic("x.dic", []byte("%\n1\tfuture\n%\n:)\t1\na*\t1\nvision\t1\nvisions\t1\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseDicMap("m.yaml", []byte("categories:\n  future: {dimension: vision, pole: leadership}\n"))
	if err != nil {
		t.Fatal(err)
	}
	l, warnings, err := Import(d, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries) != 1 || l.Entries[0].Term != "vision" || l.Name != "x" || l.Entries[0].Source != "x.dic" {
		t.Errorf("entries %+v name %q", l.Entries, l.Name)
	}
	want := []string{`x.dic:4: entry ":)" skipped: word ":)": punctuation is not matched`, `x.dic:5: entry "a*" skipped`, `x.dic:7: entry "visions" skipped: it stems like "vision" at line 6`}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %q", warnings)
	}
	for i, w := range want {
		if !strings.HasPrefix(warnings[i], w) {
			t.Errorf("warning %q, want prefix %q", warnings[i], w)
		}
	}
}

// exportDic writes l as .dic plus mapping and imports them again.
func exportDic(t testing.TB, l *Lexicon) (*Lexicon, string) {
	t.Helper()
	var dic, mapping bytes.Buffer
	if err := WriteDic(&dic, l); err != nil {
		t.Fatal(err)
	}
	if err := WriteDicMap(&mapping, l); err != nil {
		t.Fatal(err)
	}
	d, err := ParseDic("out.dic", dic.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, dic.String())
	}
	m, err := ParseDicMap("out.map.yaml", mapping.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, mapping.String())
	}
	back, warnings, err := Import(d, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings on re-import: %q", warnings)
	}
	return back, dic.String()
}

// matchingFacts renders what matters for scoring: per entry its key, dimension,
// pole, weight and exactness; and the lexicon's skip words and negation.
func matchingFacts(l *Lexicon) map[string]string {
	out := map[string]string{
		"#skip":     fmt.Sprint(l.Skip),
		"#negation": fmt.Sprint(l.Negation),
		"#dims":     fmt.Sprint(l.Dimensions),
	}
	skip := l.SkipSet()
	for i := range l.Entries {
		e := &l.Entries[i]
		out[e.Key(skip)] = fmt.Sprintf("%s/%s/%g/%v", e.Dimension, e.Pole, e.Weight, e.Exact)
	}
	return out
}

func TestExportDicRoundTrip(t *testing.T) {
	sample, _ := loadSample(t)
	for name, l := range map[string]*Lexicon{"default": Default(), "sample": sample} {
		t.Run(name, func(t *testing.T) {
			back, dic := exportDic(t, l)
			if fmt.Sprint(matchingFacts(back)) != fmt.Sprint(matchingFacts(l)) {
				t.Errorf("re-imported lexicon differs")
			}
			if back.Name != l.Name || back.Version != l.Version {
				t.Errorf("name/version %q %q", back.Name, back.Version)
			}
			if !strings.HasPrefix(dic, "%\n1\t"+l.Dimensions[0].Name+"_leadership") {
				t.Errorf("dic starts %q", dic[:40])
			}
		})
	}
}

func TestWriteYAMLRoundTrip(t *testing.T) {
	custom, err := Parse("c.yaml", []byte("name: c\nversion: \"1.0\"\nskip: [the]\nnegation: {window: 5, words: [not, \"no\"]}\n"+
		"dimensions:\n  - name: risk\n    entries:\n      management:\n        - {term: \"true\", source: \"1.0\", phrase: \"it's \\\"quoted\\\"\", note: \"#1\"}\n"+
		"        - {term: set the plan, exact: true, weight: 0.25, source: s}\n"))
	if err != nil {
		t.Fatal(err)
	}
	sample, _ := loadSample(t)
	for name, l := range map[string]*Lexicon{"default": Default(), "custom": custom, "sample": sample} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteYAML(&buf, l); err != nil {
				t.Fatal(err)
			}
			back, err := Parse("back.yaml", buf.Bytes())
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			if fmt.Sprint(matchingFacts(back)) != fmt.Sprint(matchingFacts(l)) {
				t.Errorf("written lexicon differs:\n%s", buf.String())
			}
			for i := range l.SortedEntries() {
				a, b := l.SortedEntries()[i], back.SortedEntries()[i]
				if a.Term != b.Term || a.Source != b.Source || a.Phrase != b.Phrase || a.Note != b.Note {
					t.Errorf("entry %q/%q/%q/%q came back as %q/%q/%q/%q", a.Term, a.Source, a.Phrase, a.Note, b.Term, b.Source, b.Phrase, b.Note)
				}
			}
		})
	}
}

func TestWriteCSV(t *testing.T) {
	l, err := Parse("c.yaml", []byte(header+"        - {term: \"innovat*\", weight: 1.5, source: a.txt, phrase: \"new, bold\", note: n}\n"+
		"      management:\n        - {term: day-to-day, source: b.txt}\n"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, l); err != nil {
		t.Fatal(err)
	}
	want := "dimension,pole,term,kind,weight,exact,source,phrase,derived,statistic,note,file,line\n" +
		"vision,leadership,innovat*,prefix,1.5,false,a.txt,\"new, bold\",,,n,c.yaml,8\n" +
		"vision,management,day-to-day,phrase,1,false,b.txt,,,,,c.yaml,10\n"
	if buf.String() != want {
		t.Errorf("csv\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestLoadDicNeedsMapping(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "lonely.dic")
	if err := os.WriteFile(p, []byte("%\n1\tfuture\n%\nvision\t1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), "lonely.map.yaml beside it") {
		t.Errorf("err = %v", err)
	}
}
