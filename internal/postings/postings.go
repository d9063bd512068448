// Package postings writes the real job postings of the shared development
// set (jobs-dev.tsv, kept outside the repository) out as one text file per
// posting, the benchmark corpus of short real documents. The text is never
// part of the repository: benchmarks and tools/perf read it from
// ../shared/data beside the repository, or from $LEADLEX_JOBS_TSV.
package postings

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// EnvTSV names the environment variable that, when set, gives the path of
// jobs-dev.tsv instead of ../shared/data/jobs-dev.tsv.
const EnvTSV = "LEADLEX_JOBS_TSV"

// TSV returns the path of jobs-dev.tsv for a repository whose root is
// root, and whether the file is there.
func TSV(root string) (string, bool) {
	p := os.Getenv(EnvTSV)
	if p == "" {
		p = filepath.Join(root, "..", "shared", "data", "jobs-dev.tsv")
	}
	info, err := os.Stat(p)
	return p, err == nil && info.Mode().IsRegular()
}

// Posting is one row of the file: its title and its text.
type Posting struct {
	Title, Text string
}

// Read returns the postings of a jobs-dev.tsv file (header
// group, title, text, source; no quoting).
func Read(path string) ([]Posting, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read postings: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []Posting
	title, text := -1, -1
	for line := 0; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if line == 0 {
			for i, name := range fields {
				switch name {
				case "title":
					title = i
				case "text":
					text = i
				}
			}
			if title < 0 || text < 0 {
				return nil, fmt.Errorf("read postings %s: header has no title and text columns", path)
			}
			continue
		}
		if len(fields) <= max(title, text) {
			return nil, fmt.Errorf("read postings %s:%d: %d fields", path, line+1, len(fields))
		}
		out = append(out, Posting{Title: fields[title], Text: fields[text]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read postings %s: %w", path, err)
	}
	return out, nil
}

// Body is the text of a posting's file: its title, a blank line, its text.
func (p Posting) Body() string {
	return p.Title + "\n\n" + p.Text + "\n"
}

// WriteFiles writes each posting of the TSV file at tsv to dir as its own
// text file, 100 to a folder (dir/000/00000.txt, …), and returns how many
// files and bytes it wrote. The folder is made anew under a temporary name
// and renamed into place, so that an interrupted run leaves no half corpus.
func WriteFiles(tsv, dir string) (files int, bytes int64, err error) {
	ps, err := Read(tsv)
	if err != nil {
		return 0, 0, err
	}
	tmp := dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return 0, 0, fmt.Errorf("write postings: %w", err)
	}
	for i, p := range ps {
		path := filepath.Join(tmp, fmt.Sprintf("%03d", i/100), fmt.Sprintf("%05d.txt", i))
		if i%100 == 0 {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return 0, 0, fmt.Errorf("write postings: %w", err)
			}
		}
		body := p.Body()
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			return 0, 0, fmt.Errorf("write postings: %w", err)
		}
		bytes += int64(len(body))
	}
	if err := os.RemoveAll(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, 0, fmt.Errorf("write postings: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return 0, 0, fmt.Errorf("write postings: %w", err)
	}
	return len(ps), bytes, nil
}
