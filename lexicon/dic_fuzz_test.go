package lexicon

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// FuzzParseDic checks that no input makes the .dic parser or importer panic,
// that what it accepts is well formed, and that an imported dictionary
// survives export and re-import unchanged. Seeds: testdata/fuzz/FuzzParseDic.
func FuzzParseDic(f *testing.F) {
	f.Add([]byte("%\n1\tfuture\n2\tplans\n%\nvision\t1\nbudget plan\t2\ninnovat*\t1 2\n"))
	f.Add([]byte("%\n1 a\n%\nlong term 1\nx\t1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseDic("f.dic", data)
		if err != nil {
			if !IsError(err) {
				t.Fatalf("error %v is not a *lexicon.Error", err)
			}
			return
		}
		declared := map[string]bool{}
		for _, c := range d.Categories {
			declared[c.ID] = true
		}
		for _, e := range d.Entries {
			if strings.TrimSpace(e.Term) == "" || strings.ContainsAny(e.Term, "\t\n") || len(e.Categories) == 0 || e.Line == 0 {
				t.Fatalf("bad entry %+v", e)
			}
			for _, c := range e.Categories {
				if !declared[c] {
					t.Fatalf("entry %q has undeclared category %q", e.Term, c)
				}
			}
		}
		for _, c := range d.Categories {
			if len(c.ID) > 1000 {
				return // too long for a plain YAML key in the mapping this test writes
			}
		}
		// Map every category: every third to management, weights 1 to 3.
		var m strings.Builder
		m.WriteString("categories:\n")
		for i, c := range d.Categories {
			pole := "leadership"
			if i%3 == 2 {
				pole = "management"
			}
			fmt.Fprintf(&m, "  %q: {dimension: d%d, pole: %s, weight: %d, exact: %v}\n", c.ID, i%2, pole, 1+i%3, i%4 == 0)
		}
		mapping, err := ParseDicMap("f.map.yaml", []byte(m.String()))
		if err != nil {
			t.Fatalf("generated mapping: %v\n%s", err, m.String())
		}
		l, _, err := Import(d, mapping)
		if err != nil {
			return
		}
		back, _ := exportDic(t, l)
		if fmt.Sprint(matchingFacts(back)) != fmt.Sprint(matchingFacts(l)) {
			var buf bytes.Buffer
			WriteDic(&buf, l)
			t.Fatalf("export and re-import changed the lexicon:\n%s", buf.String())
		}
	})
}
