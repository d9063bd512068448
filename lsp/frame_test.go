package lsp

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestFrameReaderLongHeader feeds a header line far longer than the
// reader's buffer: it is dropped as a bad frame without being kept, and
// the frame after it is read as usual; one that never ends is cut off at
// the end of the input.
func TestFrameReaderLongHeader(t *testing.T) {
	long := "X-Junk: " + strings.Repeat("a", 1<<20)
	for _, tc := range []struct {
		name, in string
		want     []string // bodies, "bad" for a bad frame, "eof" for an unexpected end
	}{
		{"long then good", long + "\r\n" + "Content-Length: 2\r\n\r\n{}", []string{"bad", "{}", "EOF"}},
		{"never ends", long, []string{"eof"}},
		{"short lines", "Content-Length: 3\r\n\r\n[1]", []string{"[1]", "EOF"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fr := &frameReader{r: bufio.NewReaderSize(strings.NewReader(tc.in), 4096), max: 1 << 20}
			var got []string
			for range tc.want {
				body, err := fr.read()
				switch {
				case errors.Is(err, errFrame):
					got = append(got, "bad")
				case errors.Is(err, io.ErrUnexpectedEOF):
					got = append(got, "eof")
				case errors.Is(err, io.EOF):
					got = append(got, "EOF")
				case err != nil:
					t.Fatalf("read: %v", err)
				default:
					got = append(got, string(body))
				}
				if err != nil && !errors.Is(err, errFrame) {
					break
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
