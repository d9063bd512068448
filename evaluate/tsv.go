package evaluate

import (
	"bufio"
	"io"
)

// readLines calls row with each line of r, without its line break (LF or
// CRLF), and the line's number from 1, and stops at row's first error. A
// line longer than maxLine bytes stops it too. It returns the number of the
// line it stopped at (on success, the number of lines read) and the error,
// which callers prefix with that number in their own way ("line 3: …",
// "x.tsv:3: …").
func readLines(r io.Reader, maxLine int, row func(n int, line string) error) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(64<<10, maxLine)), maxLine)
	n := 0
	for sc.Scan() {
		n++
		if err := row(n, sc.Text()); err != nil {
			return n, err
		}
	}
	if err := sc.Err(); err != nil {
		return n + 1, err
	}
	return n, nil
}
