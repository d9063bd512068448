package results

import (
	"reflect"
	"strings"
)

// Column is one column of a row type: an exported field of the struct, or
// of a struct it embeds (whose fields are columns in its place, as Parquet
// and encoding/json flatten them), named as in Parquet.
type Column struct {
	Name  string
	Field reflect.StructField // Field.Index reaches it through reflect.Value.FieldByIndex
}

// Columns lists the columns of the struct type typ in field order: the
// text writers write them, and report groups by them.
func Columns(typ reflect.Type) []Column {
	var cols []Column
	for _, f := range reflect.VisibleFields(typ) {
		if f.Anonymous || !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("parquet"), ",")
		if name == "" {
			name = f.Name
		}
		cols = append(cols, Column{Name: name, Field: f})
	}
	return cols
}
