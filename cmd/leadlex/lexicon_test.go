package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/lexicon"
)

const (
	sampleDic = "../../testdata/lexicons/sample.dic"
	miniYAML  = "../../testdata/lexicons/mini.yaml"
)

func TestLexiconList(t *testing.T) {
	code, out, stderr := leadlex(t, "lexicon", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lex := lexicon.Default()
	for i, c := range lex.Counts() {
		want := []string{lex.Dimensions[i].Name, strconv.Itoa(c[lexicon.Leadership]), strconv.Itoa(c[lexicon.Management])}
		if !hasRow(out, want) {
			t.Errorf("no row %v in\n%s", want, out)
		}
	}
	written := 0
	for _, c := range lex.Counts() {
		written += c[0] + c[1]
	}
	if !strings.Contains(out, strconv.Itoa(written)+" entries in 8 dimensions, and 37 phrases of context rules") {
		t.Errorf("no totals in\n%s", out)
	}

	code, out, _ = leadlex(t, "lexicon", "list", "--lexicon", miniYAML, "risk")
	if code != 0 || !hasRow(out, []string{"leadership", "take risks", "phrase", "2", "test"}) || strings.Contains(out, "budget") {
		t.Errorf("list risk: exit %d\n%s", code, out)
	}
	code, _, stderr = leadlex(t, "lexicon", "list", "nowhere")
	if code != 2 || !strings.Contains(stderr, `no dimension "nowhere"`) {
		t.Errorf("list nowhere: exit %d %s", code, stderr)
	}
}

// hasRow reports whether some line of out starts with the given fields,
// separated by any white space.
func hasRow(out string, fields []string) bool {
	want := strings.Join(fields, " ")
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.Join(strings.Fields(line), " "), want) {
			return true
		}
	}
	return false
}

func TestLexiconShow(t *testing.T) {
	code, out, stderr := leadlex(t, "lexicon", "show", "--lexicon", miniYAML, "inspiring", "innovators")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"inspire\n", "pole        leadership (direction)", "source      test", `phrase      "inspire"`,
		"defined at  " + miniYAML + ":12", "innovat*\n", `matches     "innovators"`, "kind        prefix"} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q:\n%s", want, out)
		}
	}
	code, _, stderr = leadlex(t, "lexicon", "show", "blorp")
	if code != 1 || !strings.Contains(stderr, `no entry matches "blorp"`) {
		t.Errorf("show blorp: exit %d %q", code, stderr)
	}
}

// TestLexiconValidate checks each kind of mistake is rejected with exit 1
// and the file and line of the mistake.
func TestLexiconValidate(t *testing.T) {
	dir := t.TempDir()
	head := "name: t\nversion: \"1\"\ndimensions:\n  - name: vision\n    entries:\n      leadership:\n"
	tests := []struct{ name, content, want string }{
		{"yaml syntax", "name: [oops\n", "bad.yaml:1: invalid YAML"},
		{"tab indentation", "name: t\ndimensions:\n\t- name: v\n", "bad.yaml:3: invalid YAML"},
		{"missing name", "dimensions: []\n", "bad.yaml:1:1: missing required field name"},
		{"unknown field", "name: t\nversoin: 1\ndimensions: []\n", `bad.yaml:2:1: lexicon: unknown field "versoin"`},
		{"unknown pole", "name: t\ndimensions:\n  - name: v\n    entries:\n      leaders:\n        - {term: x, source: s}\n", `bad.yaml:5:7: dimension v entries: unknown field "leaders"`},
		{"missing source", head + "        - {term: inspire}\n", `bad.yaml:7:11: entry "inspire": missing required field source`},
		{"missing term", head + "        - {source: s}\n", "bad.yaml:7:11: entry: missing required field term"},
		{"bad weight", head + "        - {term: inspire, source: s, weight: lots}\n", `bad.yaml:7:46: entry weight: expected a number, got "lots"`},
		{"negative weight", head + "        - {term: inspire, source: s, weight: -2}\n", `bad.yaml:7:11: entry "inspire": weight -2 is out of range`},
		{"bad wildcard", head + "        - {term: \"*vision\", source: s}\n", `bad.yaml:7:11: entry "*vision": word "*vision": '*' may only end a word`},
		{"punctuation", head + "        - {term: \"vision.\", source: s}\n", "bad.yaml:7:11: entry \"vision.\": word \"vision.\": punctuation is not matched"},
		{"duplicate", head + "        - {term: inspire, source: s}\n        - {term: inspires, source: s}\n", `bad.yaml:8: entry "inspires" duplicates "inspire" at line 7`},
		{"both poles", head + "        - {term: vision, source: s}\n      management:\n        - {term: vision, source: s}\n", `bad.yaml:9: entry "vision" conflicts with "vision" at line 7`},
		{"dimension twice", "name: t\ndimensions:\n  - name: v\n  - name: v\n", `bad.yaml:4:5: dimension "v" is defined twice`},
		{"bad negation", "name: t\nnegation: {window: -1}\ndimensions: []\n", "bad.yaml:2:20: negation.window: expected a whole number from 0 to 20"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, "bad.yaml")
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, stderr := leadlex(t, "lexicon", "validate", p)
			if code != 1 || !strings.Contains(stderr, filepath.Join(dir, tc.want)) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", code, out, stderr, tc.want)
			}
		})
	}

	// A valid file, a .dic with its mapping, and the two together.
	code, out, stderr := leadlex(t, "lexicon", "validate", miniYAML, sampleDic)
	if code != 0 || !strings.Contains(out, "mini.yaml: ok: 13 entries (7 leadership, 6 management) in 2 dimensions") ||
		!strings.Contains(out, "sample.dic: ok: 24 entries") {
		t.Errorf("valid files: exit %d\n%s\n%s", code, out, stderr)
	}
	// Warnings: a role word, a weight below 1 without a note; --strict fails on them.
	warn := filepath.Join(dir, "warn.yaml")
	os.WriteFile(warn, []byte(head+"        - {term: great leader, source: s}\n        - {term: vision, weight: 0.5, source: s}\n"), 0o644)
	code, _, stderr = leadlex(t, "lexicon", "validate", warn)
	if code != 0 || !strings.Contains(stderr, `warn.yaml:7: entry "great leader" contains the role word "leader"`) ||
		!strings.Contains(stderr, `warn.yaml:8: entry "vision" is weighted down to 0.5 without a note`) {
		t.Errorf("warnings: exit %d %q", code, stderr)
	}
	if code, _, _ = leadlex(t, "lexicon", "validate", "--strict", warn); code != 1 {
		t.Errorf("--strict with warnings: exit %d, want 1", code)
	}
	// A broken .dic: the line of the mistake.
	badDic := filepath.Join(dir, "bad.dic")
	os.WriteFile(badDic, []byte("%\n1\tfuture\n%\nvision\t2\n"), 0o644)
	os.WriteFile(lexicon.MapPath(badDic), []byte("categories:\n  future: {dimension: v, pole: leadership}\n"), 0o644)
	code, _, stderr = leadlex(t, "lexicon", "validate", badDic)
	if code != 1 || !strings.Contains(stderr, `bad.dic:4: entry "vision": category ID "2" is not declared`) {
		t.Errorf("bad dic: exit %d %q", code, stderr)
	}
	// Unreadable files are exit 2, and no arguments a usage error.
	if code, _, stderr = leadlex(t, "lexicon", "validate", filepath.Join(dir, "missing.yaml")); code != 2 || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("missing file: exit %d %q", code, stderr)
	}
	if code, _, _ = leadlex(t, "lexicon", "validate"); code != 2 {
		t.Errorf("no file: exit %d", code)
	}
}

func TestLexiconExportImport(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := leadlex(t, "lexicon", "export", "--lexicon", miniYAML)
	if code != 0 || !strings.HasPrefix(out, "# Written by leadlex from "+miniYAML) {
		t.Fatalf("export yaml: exit %d %s\n%s", code, stderr, out)
	}
	if _, err := lexicon.Parse("x.yaml", []byte(out)); err != nil {
		t.Errorf("exported YAML does not parse: %v", err)
	}
	code, out, _ = leadlex(t, "lexicon", "export", "--lexicon", miniYAML, "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, strings.Join(lexicon.CSVHeader, ",")+"\n") || strings.Count(out, "\n") != 14 {
		t.Errorf("export csv: exit %d\n%s", code, out)
	}
	code, out, stderr = leadlex(t, "lexicon", "export", "--lexicon", miniYAML, "--format", "dic")
	if code != 0 || !strings.HasPrefix(out, "%\n1\tvision_leadership_x0.5\n2\tvision_leadership\n") || !strings.Contains(stderr, "--map-out") {
		t.Errorf("export dic: exit %d %s\n%s", code, stderr, out)
	}
	if code, _, stderr = leadlex(t, "lexicon", "export", "--format", "xml"); code != 2 || !strings.Contains(stderr, `--format "xml"`) {
		t.Errorf("bad format: exit %d %s", code, stderr)
	}

	// Import the sample dictionary; the result loads and keeps its entries.
	imported := filepath.Join(dir, "sample.yaml")
	code, _, stderr = leadlex(t, "lexicon", "import", sampleDic, "--map", lexicon.MapPath(sampleDic), "-o", imported)
	if code != 0 || !strings.Contains(stderr, "imported 24 entries from "+sampleDic+" (0 skipped)") {
		t.Fatalf("import: exit %d %s", code, stderr)
	}
	if code, out, _ = leadlex(t, "lexicon", "validate", imported); code != 0 || !strings.Contains(out, "24 entries") {
		t.Errorf("imported lexicon: exit %d %s", code, out)
	}
	noMap := filepath.Join(dir, "lonely.dic")
	os.WriteFile(noMap, []byte("%\n1\tf\n%\nx\t1\n"), 0o644)
	if code, _, stderr = leadlex(t, "lexicon", "import", noMap); code != 2 || !strings.Contains(stderr, "lonely.map.yaml beside it") {
		t.Errorf("import without mapping: exit %d %s", code, stderr)
	}
}

// TestExportDicScoresTheSame exports the default lexicon as .dic (the
// mapping lands beside it) and scores the corpus with it: rows equal the
// default lexicon's, except where a neutral entry (left out of a .dic)
// stands.
func TestExportDicScoresTheSame(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	dir := t.TempDir()
	dic := filepath.Join(dir, "leadlex.dic")
	code, _, stderr := leadlex(t, "lexicon", "export", "-o", dic)
	if code != 0 || !strings.Contains(stderr, "wrote the category mapping to "+filepath.Join(dir, "leadlex.map.yaml")) {
		t.Fatalf("export: exit %d %s", code, stderr)
	}
	want, got := filepath.Join(dir, "default.parquet"), filepath.Join(dir, "dic.parquet")
	if code, _, stderr := leadlex(t, "score", corpusDir, "-o", want, "-q"); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := leadlex(t, "score", corpusDir, "-o", got, "-q", "--lexicon", dic); code != 0 {
		t.Fatal(stderr)
	}
	a, _ := readParquet(t, want)
	b, _ := readParquet(t, got)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d rows from the default lexicon, %d from its .dic export", len(a), len(b))
	}
	// A .dic cannot carry neutral entries, so where a neutral phrase stands
	// ("human resources") the .dic counts the words inside it: such rows may
	// have more hits, never fewer; all others are equal.
	same := 0
	for i := range a {
		switch {
		case reflect.DeepEqual(a[i], b[i]):
			same++
		case b[i].LeadershipHits+b[i].ManagementHits < a[i].LeadershipHits+a[i].ManagementHits:
			t.Errorf("%s: fewer hits with the .dic export", a[i].DocID)
		}
	}
	if same < len(a)*3/4 {
		t.Errorf("only %d of %d rows equal between the default lexicon and its .dic export", same, len(a))
	}
}
