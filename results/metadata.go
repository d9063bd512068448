package results

import "github.com/leadlex/leadlex/lexicon"

// SchemaVersion is the version of the results and sentences file layouts.
// It changes when a column is added, removed, renamed or retyped.
const SchemaVersion = "2"

// Metadata is the key/value metadata written into every output file.
type Metadata map[string]string

// Metadata keys.
const (
	MetaToolVersion    = "leadlex.version"
	MetaSchemaVersion  = "leadlex.schema_version"
	MetaLexiconName    = "leadlex.lexicon.name"
	MetaLexiconVersion = "leadlex.lexicon.version"
	MetaLexiconHash    = "leadlex.lexicon.sha256"
	MetaCommand        = "leadlex.command"
	MetaCreatedAt      = "leadlex.created_at"
	MetaLabels         = "leadlex.labels"
)

// NewMetadata fills the metadata that describes a run: the lexicon it
// scored with, its label settings (as pipeline.Analyzer.LabelSettings
// renders them), the tool's version, the command line and when it ran.
func NewMetadata(lex *lexicon.Lexicon, labels, toolVersion, command, createdAt string) Metadata {
	return Metadata{
		MetaToolVersion:    toolVersion,
		MetaSchemaVersion:  SchemaVersion,
		MetaLexiconName:    lex.Name,
		MetaLexiconVersion: lex.Version,
		MetaLexiconHash:    lex.Hash,
		MetaCommand:        command,
		MetaCreatedAt:      createdAt,
		MetaLabels:         labels,
	}
}
