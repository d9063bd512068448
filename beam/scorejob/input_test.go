package scorejob

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseInput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		glob, dir, pattern string
		remote             bool
	}{
		{dir, dir, "", false},
		{file, dir, "", false},
		{dir + "/**", dir, "**", false},
		{dir + "/*/x/*.md", dir, "*/x/*.md", false},
		{"*.txt", ".", "*.txt", false},
		{"gs://bucket/jobs/**/*.txt", "gs://bucket/jobs", "**/*.txt", true},
		{"gs://bucket/jobs/", "gs://bucket/jobs", "**", true},
		{"gs://bucket/jobs/one.txt", "gs://bucket/jobs", "", true},
		{"s3://bucket/*", "s3://bucket", "*", true},
	} {
		in, err := ParseInput(tc.glob)
		if err != nil {
			t.Errorf("ParseInput(%q): %v", tc.glob, err)
			continue
		}
		if in.Dir != tc.dir || in.Pattern != tc.pattern || in.Remote != tc.remote {
			t.Errorf("ParseInput(%q) = dir %q pattern %q remote %v; want %q %q %v",
				tc.glob, in.Dir, in.Pattern, in.Remote, tc.dir, tc.pattern, tc.remote)
		}
	}
	for _, bad := range []string{"", filepath.Join(dir, "missing"), filepath.Join(dir, "missing", "*.txt"), dir + "/[a"} {
		if _, err := ParseInput(bad); err == nil {
			t.Errorf("ParseInput(%q) succeeded, want an error", bad)
		}
	}
}

func TestCommonRoot(t *testing.T) {
	for _, tc := range []struct {
		dirs []string
		want string
	}{
		{[]string{"corpus"}, "corpus"},
		{[]string{"./corpus/"}, "corpus"},
		{[]string{"corpus/jobs", "corpus/memos"}, "corpus"},
		{[]string{"corpus/jobs", "corpus/jobs/it"}, "corpus/jobs"},
		{[]string{"jobs", "memos"}, "."},
		{[]string{"corpus", "../other"}, ""},
		{[]string{"/data/a", "/srv/b"}, "/"},
		{[]string{"gs://b/corpus/jobs", "gs://b/corpus/memos"}, "gs://b/corpus"},
		{[]string{"gs://b/x", "gs://c/x"}, ""},
		{[]string{"gs://b/x", "s3://b/x"}, ""},
	} {
		var inputs []Input
		for _, d := range tc.dirs {
			inputs = append(inputs, Input{Dir: d})
		}
		if got := CommonRoot(inputs); got != tc.want {
			t.Errorf("CommonRoot(%v) = %q, want %q", tc.dirs, got, tc.want)
		}
	}
}

func TestDocID(t *testing.T) {
	for _, tc := range []struct{ root, path, want string }{
		{"corpus", "corpus/jobs/a.txt", "jobs/a.txt"},
		{"../x/corpus", "../x/corpus/a.md", "a.md"},
		{".", "a.md", "a.md"},
		{"corpus", "other/a.md", "other/a.md"},
		{"gs://b/corpus", "gs://b/corpus/jobs/a.txt", "jobs/a.txt"},
		{"gs://b/corpus", "gs://b/corpusx/a.txt", "gs://b/corpusx/a.txt"},
		{"", "gs://b/a.txt", "gs://b/a.txt"},
	} {
		if got := docID(tc.root, tc.path); got != tc.want {
			t.Errorf("docID(%q, %q) = %q, want %q", tc.root, tc.path, got, tc.want)
		}
	}
}

func TestHidden(t *testing.T) {
	for rel, want := range map[string]bool{
		"a.txt": false, "jobs/a.txt": false, ".a.txt": true, "jobs/.draft/a.txt": true, "jobs/.a.txt": true,
	} {
		if got := hidden(rel); got != want {
			t.Errorf("hidden(%q) = %v, want %v", rel, got, want)
		}
	}
}

func TestShards(t *testing.T) {
	if got := ShardName("out/results", 3, 12); got != "out/results-00003-of-00012.parquet" {
		t.Errorf("ShardName = %q", got)
	}
	counts := make([]int, 4)
	for i := range 1000 {
		s := ShardOf(filepath.Join("jobs", string(rune('a'+i%26)), string(rune('a'+i/26))), 4)
		counts[s]++
	}
	for s, n := range counts {
		if n < 150 {
			t.Errorf("shard %d got %d of 1000 IDs: %v", s, n, counts)
		}
	}
	if ShardOf("jobs/a.txt", 4) != ShardOf("jobs/a.txt", 4) {
		t.Error("ShardOf is not deterministic")
	}
}
