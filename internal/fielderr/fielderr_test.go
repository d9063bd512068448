package fielderr

import (
	"errors"
	"io"
	"testing"
)

func TestError(t *testing.T) {
	err := error(&Error{Field: "Encoding", Msg: `"x": unknown`, Err: io.EOF})
	if err.Error() != `Encoding "x": unknown` || !errors.Is(err, io.EOF) {
		t.Errorf("got %q (wraps EOF: %v)", err, errors.Is(err, io.EOF))
	}
}
