package corpus

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadRest(t *testing.T) {
	tests := []struct {
		name        string
		file        string // whole file; the first 3 bytes are the head
		size, limit int64
		want        string
	}{
		{"as listed", "abcdefgh", 8, 100, "abcdefgh"},
		{"head only", "abc", 3, 100, "abc"},
		{"grew since listed", "abcdefghijklmnop", 8, 100, "abcdefghijklmnop"},
		{"shrank since listed", "abcde", 8, 100, "abcde"},
		{"over the limit", "abcdefghijklmnop", 16, 10, "abcdefghijk"}, // limit+1 bytes: the caller sees it is too big
		{"grew over the limit", "abcdefghijklmnop", 4, 10, "abcdefghijk"},
	}
	for _, tc := range tests {
		r := iotest.HalfReader(strings.NewReader(tc.file[3:])) // short reads
		got, err := readRest(r, []byte(tc.file[:3]), tc.size, tc.limit)
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: readRest = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	_, err := readRest(iotest.TimeoutReader(strings.NewReader("abcdefgh")), []byte("ab"), 10, 100)
	if !errors.Is(err, iotest.ErrTimeout) {
		t.Errorf("read error: got %v, want %v", err, iotest.ErrTimeout)
	}
}
