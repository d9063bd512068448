package corpus

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestListThenReadFileIsWalk checks the contract distributed runs rely on:
// listing, then reading each listed file with ReadFile under its listed ID,
// gives the Docs that Walk gives, in the same order.
func TestListThenReadFileIsWalk(t *testing.T) {
	root := tree(t, map[string]string{
		"b.txt":         "bee",
		"a/z.md":        "# zed",
		"a/b.txt":       "ab",
		".hidden/x.txt": "hidden",
		".dot.txt":      "hidden",
		"empty.txt":     "",
		"bin.txt":       "abc\x00def",
		"latin1.txt":    "Caf\xe9 menu",
		"notes.pdf":     "%PDF",
	})
	must(t, os.Symlink(filepath.Join(root, "b.txt"), filepath.Join(root, "link.txt")))
	for _, roots := range [][]string{{root}, {filepath.Join(root, "a"), filepath.Join(root, "b.txt")}, {filepath.Join(root, "missing")}} {
		var walked, listed []Doc
		for d := range Walk(context.Background(), roots, Options{}) {
			walked = append(walked, d)
		}
		for d := range List(context.Background(), roots, Options{}) {
			if d.Status != "" {
				listed = append(listed, d)
				continue
			}
			if d.Format != "" || d.Text != "" || d.Body != nil {
				t.Errorf("listed file %s was read: %+v", d.ID, d)
			}
			for _, r := range ReadFile(d.Path, Options{}) {
				r.ID = d.ID + strings.TrimPrefix(r.ID, filepath.ToSlash(d.Path))
				listed = append(listed, r)
			}
		}
		if len(walked) == 0 {
			t.Fatalf("%v: Walk yielded nothing", roots)
		}
		if !reflect.DeepEqual(walked, listed) {
			t.Errorf("%v:\nwalk:        %+v\nlist + read: %+v", roots, walked, listed)
		}
	}
}

func TestCountMatchesList(t *testing.T) {
	root := tree(t, map[string]string{"a.txt": "12345", "b/c.md": "123", ".h.txt": "hidden"})
	files, bytes := Count(context.Background(), []string{root}, Options{})
	if files != 2 || bytes != 8 {
		t.Errorf("Count = %d files, %d bytes; want 2 files, 8 bytes", files, bytes)
	}
}
