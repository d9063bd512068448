package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/leadlex/leadlex/check"
	"github.com/leadlex/leadlex/lexicon"
)

// schemaBase is where the schemas are published: their $id prefix.
const schemaBase = "https://github.com/leadlex/leadlex/raw/main/schemas/"

// compile loads one schema with its siblings (dic-map refers to lexicon).
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	names, err := filepath.Glob("*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if !strings.HasSuffix(id, "/schemas/"+n) {
			t.Fatalf("%s: $id %q does not end in /schemas/%s", n, id, n)
		}
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile(schemaBase + name)
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return s
}

// yamlDoc reads YAML as the JSON value the schema sees.
func yamlDoc(data []byte) (any, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	j, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(j))
}

func validate(s *jsonschema.Schema, data []byte) error {
	doc, err := yamlDoc(data)
	if err != nil {
		return err
	}
	return s.Validate(doc)
}

// TestRepositoryFilesValidate validates every policy and lexicon file the
// repository ships against its schema.
func TestRepositoryFilesValidate(t *testing.T) {
	files := map[string][]string{
		"policy.schema.json":  {"../testdata/check/.leadlex.yaml"},
		"lexicon.schema.json": {"../lexicon/default.yaml"},
		"dic-map.schema.json": nil,
	}
	lexicons, err := filepath.Glob("../testdata/lexicons/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lexicons {
		if strings.HasSuffix(f, ".map.yaml") {
			files["dic-map.schema.json"] = append(files["dic-map.schema.json"], f)
		} else {
			files["lexicon.schema.json"] = append(files["lexicon.schema.json"], f)
		}
	}
	policies, _ := filepath.Glob("../testdata/*/.leadlex.yaml")
	files["policy.schema.json"] = append(files["policy.schema.json"], policies...)
	for schema, paths := range files {
		s := compile(t, schema)
		if len(paths) == 0 {
			t.Errorf("%s: no files to validate", schema)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(s, data); err != nil {
				t.Errorf("%s does not validate against %s: %v", p, schema, err)
			}
		}
	}
}

// TestPolicySchemaAgreesWithLoader: policies the loader accepts validate,
// and typical mistakes it refuses fail the schema too.
func TestPolicySchemaAgreesWithLoader(t *testing.T) {
	s := compile(t, "policy.schema.json")
	for _, tc := range []struct {
		policy string
		ok     bool
	}{
		{"version: 1\nflag: [micromanage]\n", true},
		{"flag:\n  - {term: rockstar*, suggest: [expert, specialist], severity: warning, exact: true}\n", true},
		{"lexicon: [default, my.yaml]\nthresholds:\n  balance: {min: -0.5}\noverrides:\n  - paths: [a/**]\n    severity: {threshold/balance: off}\n", true},
		{"require:\n  - {any_of: vision, pole: any, min_hits: 2}\n", true},
		{"flag:\n  - term: micromanage\n    severity: fatal\n", false},
		{"flags: [micromanage]\n", false},
		{"version: 2\n", false},
		{"thresholds:\n  balance: {minimum: 0}\n", false},
		{"thresholds:\n  words: {min: 0}\n", false},
		{"require:\n  - {pole: leadership}\n", false},
		{"overrides:\n  - thresholds: {balance: {min: 0}}\n", false},
		{"min_words: -1\n", false},
	} {
		_, loadErr := check.Parse(".leadlex.yaml", []byte(tc.policy))
		schemaErr := validate(s, []byte(tc.policy))
		if (loadErr == nil) != tc.ok || (schemaErr == nil) != tc.ok {
			t.Errorf("%q: loader %v, schema %v; want ok=%v", tc.policy, loadErr, schemaErr, tc.ok)
		}
	}
}

// TestLexiconSchemaAgreesWithLoader does the same for lexicon files.
func TestLexiconSchemaAgreesWithLoader(t *testing.T) {
	s := compile(t, "lexicon.schema.json")
	lex := func(body string) string {
		return "name: t\nversion: \"1\"\ndimensions:\n  - name: vision\n" + body
	}
	for _, tc := range []struct {
		lexicon string
		ok      bool
	}{
		{lex("    entries:\n      leadership:\n        - {term: inspire, source: s}\n"), true},
		{lex("    entries:\n      leadership:\n        - {term: inspire, source: s, weight: 2, phrase: p, note: n, exact: true}\n"), true},
		{lex("    entries:\n      leadership:\n        - {term: inspire}\n"), false},
		{lex("    entries:\n      leadership:\n        - {term: inspire, source: s, weight: 0}\n"), false},
		{lex("    entries:\n      leaders:\n        - {term: inspire, source: s}\n"), false},
		{lex("    entries:\n      leadership:\n        - {term: inspire, source: s, pole: x}\n"), false},
		{lex("    entries:\n      leadership:\n        - {term: inspire, derived: dev, statistic: z = 2}\n"), true},
		{lex("    entries:\n      leadership:\n        - {term: inspire, derived: dev}\n"), false},
		{lex("    entries:\n      leadership:\n        - {term: inspire, source: s, derived: dev, statistic: z}\n"), false},
		{lex("    entries:\n      leadership:\n        - {term: plan, source: s, context: [{after: [to follow], pole: management, weight: 1.5}]}\n"), true},
		{lex("    entries:\n      leadership:\n        - {term: plan, source: s, context: [{after: [to follow], pole: sideways}]}\n"), false},
		{"version: \"1\"\ndimensions: []\n", false},
		{"name: t\ndimensions:\n  - name: Vision\n", false},
	} {
		_, loadErr := lexicon.Parse("t.yaml", []byte(tc.lexicon))
		schemaErr := validate(s, []byte(tc.lexicon))
		if (loadErr == nil) != tc.ok || (schemaErr == nil) != tc.ok {
			t.Errorf("%q: loader %v, schema %v; want ok=%v", tc.lexicon, loadErr, schemaErr, tc.ok)
		}
	}
}

// TestEmbedded: the package embeds every schema file.
func TestEmbedded(t *testing.T) {
	names, _ := filepath.Glob("*.schema.json")
	for _, n := range names {
		if _, err := FS.ReadFile(n); err != nil {
			t.Error(fmt.Errorf("%s not embedded: %w", n, err))
		}
	}
	if len(names) != 3 {
		t.Errorf("%d schema files, want 3", len(names))
	}
}
