// Package schemas holds the JSON Schemas of leadlex's YAML files, for
// editors (yaml-language-server) and for tests that keep them in step with
// the loaders: policy.schema.json for .leadlex.yaml, lexicon.schema.json
// for lexicon files, dic-map.schema.json for .dic category mappings.
package schemas

import "embed"

// FS holds the schema files by name.
//
//go:embed *.schema.json
var FS embed.FS
