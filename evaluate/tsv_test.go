package evaluate

import (
	"bufio"
	"errors"
	"strings"
	"testing"
)

func TestReadLines(t *testing.T) {
	var got []string
	n, err := readLines(strings.NewReader("a\tb\n\nc\r\nd"), 16, func(n int, line string) error {
		got = append(got, line)
		return nil
	})
	if err != nil || n != 4 || strings.Join(got, "|") != "a\tb||c|d" {
		t.Errorf("readLines = %d, %v, lines %q", n, err, got)
	}
	stop := errors.New("stop")
	n, err = readLines(strings.NewReader("a\nb\nc\n"), 16, func(n int, line string) error {
		if line == "b" {
			return stop
		}
		return nil
	})
	if n != 2 || err != stop {
		t.Errorf("stopped at %d, %v; want 2, stop", n, err)
	}
	n, err = readLines(strings.NewReader("ok\n"+strings.Repeat("x", 40)+"\n"), 16, func(int, string) error { return nil })
	if n != 2 || !errors.Is(err, bufio.ErrTooLong) {
		t.Errorf("too long a line: %d, %v; want 2, %v", n, err, bufio.ErrTooLong)
	}
}

func TestParseJobPostsErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"group\ttitle\ttext\n", `line 1: header has no "source" column`},
		{"group\ttitle\ttext\tsource\nexecutive\tCEO\n", "line 2: 2 fields, want 4"},
	} {
		_, err := ParseJobPosts(strings.NewReader(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q: err = %v, want %q", tc.src, err, tc.want)
		}
	}
}
