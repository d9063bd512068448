package results

import "testing"

func TestStatusLine(t *testing.T) {
	for _, c := range []struct {
		by   map[string]int
		want string
	}{
		{map[string]int{StatusOK: 1190, StatusSkipped: 9, StatusError: 5}, "1,204 documents: 1,190 scored, 9 skipped, 5 errors"},
		{map[string]int{StatusOK: 31, StatusSkipped: 4, StatusError: 1}, "36 documents: 31 scored, 4 skipped, 1 error"},
		{map[string]int{StatusOK: 1}, "1 document: 1 scored, 0 skipped, 0 errors"},
		{nil, "0 documents: 0 scored, 0 skipped, 0 errors"},
	} {
		if got := StatusLine(c.by); got != c.want {
			t.Errorf("StatusLine(%v) = %q, want %q", c.by, got, c.want)
		}
	}
}
