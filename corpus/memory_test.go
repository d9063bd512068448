package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestReadBytes reads files from memory as ReadFile reads them from disk:
// the same Docs, text, status and positions, for every format.
func TestReadBytes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"ad.md":     "# Lead\n\nInspire *the* team.\n",
		"ad.html":   "<p>Inspire <b>the</b> team.</p>",
		"ad.txt":    "\ufeffInspire the team.\r\nTrack the budget.",
		"ad.pdf":    "%PDF-1.4",
		"empty.txt": "",
		"ad.jsonl":  `{"text":"one"}` + "\n" + `{"text":"two"}` + "\n",
	}
	opt := Options{StreamAbove: -1, Positions: true}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		want := ReadFile(path, opt)
		got := ReadBytes(path, []byte(content), opt)
		if len(got) != len(want) {
			t.Fatalf("%s: %d docs from memory, %d from disk", name, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.ID != w.ID || g.Format != w.Format || g.Bytes != w.Bytes || g.Text != w.Text || g.Status != w.Status || g.Reason != w.Reason {
				t.Errorf("%s #%d: from memory %+v, from disk %+v", name, i, g, w)
			}
			if !reflect.DeepEqual(g.Positions, w.Positions) {
				t.Errorf("%s #%d: positions differ", name, i)
			}
		}
	}
	if d := ReadBytes("missing/ad.md", []byte("x"), Options{MaxBytes: 0}); len(d) != 1 || d[0].Status != OK {
		t.Errorf("a name whose folder does not exist is still read from memory: %+v", d)
	}
}
