package scorejob

import (
	"context"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"

	"github.com/leadlex/leadlex/corpus"
	"github.com/leadlex/leadlex/pipeline"
)

// TestReadRemote covers what the Prism tests cannot provoke: a remote file
// that is gone by the time it is read is an error row, not a failed job.
func TestReadRemote(t *testing.T) {
	ctx := context.Background()
	memfs.Write("memfs://read/ok.md", []byte("# Plan\n\nWe inspire people.\n"))
	fn := &scoreFn{}
	for _, tc := range []struct {
		file   File
		status corpus.Status
		format string
		reason string
	}{
		{File{ID: "ok.md", Path: "memfs://read/ok.md", Remote: true}, corpus.OK, "md", ""},
		{File{ID: "gone.markdown", Path: "memfs://read/gone.markdown", Remote: true}, corpus.Failed, "md", "cannot read: "},
		{File{ID: "link", Path: "x/link", Status: "skipped", Reason: "symbolic link not followed"}, corpus.Skipped, "", "symbolic link"},
	} {
		docs := fn.read(ctx, tc.file)
		if len(docs) != 1 {
			t.Fatalf("%s: %d docs", tc.file.Path, len(docs))
		}
		d := docs[0]
		if d.ID != tc.file.ID || d.Path != tc.file.Path || d.Status != tc.status || d.Format != tc.format || !strings.HasPrefix(d.Reason, tc.reason) {
			t.Errorf("%s: got %+v; want status %s, format %q, reason %q…", tc.file.Path, d, tc.status, tc.format, tc.reason)
		}
	}
}

func TestBuildLexiconChecksHash(t *testing.T) {
	_, err := analyzerFor([]LexiconFile{{Name: "default"}}, "not-the-hash", pipeline.DefaultLabels)
	if err == nil || !strings.Contains(err.Error(), "sha256") {
		t.Errorf("a lexicon that differs from the submitter's: err = %v", err)
	}
}
