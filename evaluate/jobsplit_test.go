package evaluate

import (
	"fmt"
	"strings"
	"testing"
)

// TestSplitJobPostsKeepsTwinsTogether: the same advert posted under two
// source ids lands in one half, whichever; unrelated posts spread over
// both halves; the split is the same on a second run.
func TestSplitJobPostsKeepsTwinsTogether(t *testing.T) {
	advert := "You will plan the weekly rota for the ward team, check the stock of supplies every morning, " +
		"keep the booking records up to date and answer queries from visitors at the front desk. "
	var posts []JobPost
	for i := range 40 {
		words := strings.Repeat(fmt.Sprintf("word%d distinct%d text%d ", i, i*7, i*13), 5)
		posts = append(posts, JobPost{Source: fmt.Sprintf("board:%d", i), Text: words})
	}
	posts = append(posts,
		JobPost{Source: "board:twin-a", Text: advert + "Based in Leeds."},
		JobPost{Source: "board:twin-b", Text: advert + "Based in York."})
	SplitJobPosts(posts)
	a, b := posts[len(posts)-2], posts[len(posts)-1]
	if a.Half != b.Half {
		t.Errorf("twins split: %s in %s, %s in %s", a.Source, a.Half, b.Source, b.Half)
	}
	n := map[string]int{}
	for _, p := range posts[:40] {
		n[p.Half]++
	}
	if n[HalfDev] < 10 || n[HalfHeldOut] < 10 {
		t.Errorf("40 unrelated posts split %v, want both halves >= 10", n)
	}
	again := append([]JobPost(nil), posts...)
	SplitJobPosts(again)
	for i := range posts {
		if again[i].Half != posts[i].Half {
			t.Fatalf("%s: %s, then %s", posts[i].Source, posts[i].Half, again[i].Half)
		}
	}
}
