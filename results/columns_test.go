package results

import (
	"reflect"
	"slices"
	"testing"
)

// TestColumnsFlattenEmbedded checks that an embedded struct's fields stand
// as columns in its place, named by their Parquet tags, as in the schema.
func TestColumnsFlattenEmbedded(t *testing.T) {
	var names []string
	for _, c := range Columns(reflect.TypeFor[SentenceRow]()) {
		names = append(names, c.Name)
	}
	want := []string{"doc_id", "sentence_index", "byte_start", "byte_end", "text", "words",
		"leadership_hits", "management_hits", "negated_hits", "dimensions", "terms", "label"}
	if !slices.Equal(names, want) {
		t.Errorf("columns %v, want %v", names, want)
	}
	row := SentenceRow{Hits: Hits{NegatedHits: 2.5}}
	c := Columns(reflect.TypeFor[SentenceRow]())[8]
	if got := reflect.ValueOf(row).FieldByIndex(c.Field.Index).Float(); got != 2.5 {
		t.Errorf("column %s reads %v, want 2.5", c.Name, got)
	}
}
