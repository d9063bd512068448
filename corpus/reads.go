package corpus

import (
	"path/filepath"
	"strings"
)

// Reads reports whether a file of this name would be read as a document
// (its extension is a known format, or added with Options.Extensions), so
// that a command can refuse to write its output where it would be read.
func (o Options) Reads(path string) bool {
	c, err := o.resolve()
	if err != nil {
		return false
	}
	_, ok := c.formats[strings.ToLower(filepath.Ext(path))]
	return ok
}
