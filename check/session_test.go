package check

import (
	"context"
	"reflect"
	"testing"

	"github.com/leadlex/leadlex/corpus"
)

// TestSessionChecksAsChecker: a session that has checked other documents
// gives each document the findings a fresh Check gives.
func TestSessionChecksAsChecker(t *testing.T) {
	c := sampleChecker(t)
	s := c.NewSession()
	opt := corpus.Options{StreamAbove: -1, Positions: true}
	var n int
	for range 2 {
		for d := range corpus.Walk(context.Background(), []string{sampleDir}, opt) {
			path := d.Path
			want := c.Check(corpus.ReadFile(path, opt)[0])
			got := s.Check(corpus.ReadFile(path, opt)[0])
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the session finds\n%+v\nCheck finds\n%+v", path, got, want)
			}
			n += len(got.Findings)
		}
	}
	if n == 0 {
		t.Error("no findings compared")
	}
}
