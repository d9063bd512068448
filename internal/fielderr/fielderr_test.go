package fielderr

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

func TestError(t *testing.T) {
	err := error(&Error{Field: "Encoding", Msg: `"x": unknown`, Err: io.EOF})
	if err.Error() != `Encoding "x": unknown` || !errors.Is(err, io.EOF) {
		t.Errorf("got %q (wraps EOF: %v)", err, errors.Is(err, io.EOF))
	}
}

func TestRename(t *testing.T) {
	names := map[string]string{"Margin": "--margin"}
	wrapped := fmt.Errorf("config: %w", &Error{Field: "Margin", Msg: "must be in [0, 1), got 1"})
	if got := Rename(wrapped, names).Error(); got != "--margin must be in [0, 1), got 1" {
		t.Errorf("Rename = %q", got)
	}
	other := &Error{Field: "TopTerms", Msg: "must be 0 or more, got -1"}
	if got := Rename(other, names); got != error(other) {
		t.Errorf("a field with no name: Rename = %v, want the error unchanged", got)
	}
	if got := Rename(io.EOF, names); got != io.EOF {
		t.Errorf("Rename(EOF) = %v", got)
	}
}
