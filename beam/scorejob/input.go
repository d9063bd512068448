package scorejob

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/bmatcuk/doublestar/v4"

	"github.com/leadlex/leadlex/corpus"
)

// Input is one --input: a file, a folder or a glob, on the local disk or
// behind a Beam filesystem scheme such as gs://, s3:// or memfs://.
type Input struct {
	// Glob is the input as given.
	Glob string
	// Dir is the folder part before the first wildcard: the folder that is
	// listed and the default root of document IDs.
	Dir string
	// Pattern is the rest of Glob below Dir, matched against paths relative
	// to Dir ("**" crosses folders, "*" does not); empty when Glob names a
	// single file or folder without wildcards.
	Pattern string
	// Remote is true for paths with a scheme (anything://), which are listed
	// and read through Beam's filesystems.
	Remote bool
}

// wildcards are the characters that make a path a glob.
const wildcards = "*?["

// ParseInput splits an --input into the folder it lists and the pattern
// below it. A local folder, or a remote path ending in "/", means every
// file below it ("**"). Local inputs are checked to exist.
func ParseInput(glob string) (Input, error) {
	in := Input{Glob: glob, Remote: strings.Contains(glob, "://")}
	if strings.TrimSpace(glob) == "" {
		return in, fmt.Errorf("--input is empty")
	}
	if i := strings.IndexAny(glob, wildcards); i >= 0 {
		j := strings.LastIndex(glob[:i], "/")
		switch {
		case j < 0:
			in.Dir, in.Pattern = ".", glob
		case j == 0:
			in.Dir, in.Pattern = "/", glob[1:]
		default:
			in.Dir, in.Pattern = glob[:j], glob[j+1:]
		}
		if !doublestar.ValidatePattern(in.Pattern) {
			return in, fmt.Errorf("--input %q: bad glob pattern", glob)
		}
		if !in.Remote {
			if _, err := os.Stat(in.Dir); err != nil {
				return in, fmt.Errorf("--input %q: %w", glob, err)
			}
		}
		return in, nil
	}
	if in.Remote {
		if strings.HasSuffix(glob, "/") {
			in.Dir, in.Pattern = strings.TrimSuffix(glob, "/"), "**"
		} else {
			in.Dir = glob[:strings.LastIndex(glob, "/")]
		}
		return in, nil
	}
	info, err := os.Stat(glob)
	if err != nil {
		return in, fmt.Errorf("--input %q: %w", glob, err)
	}
	in.Dir = filepath.Dir(glob)
	if info.IsDir() {
		in.Dir = glob
	}
	return in, nil
}

// CommonRoot is the default root of document IDs: the deepest folder that
// holds the Dir of every input. For one input it is that input's Dir, so
// doc_id is what `leadlex score` gives for the same folder.
func CommonRoot(inputs []Input) string {
	if len(inputs) == 0 {
		return ""
	}
	root := trimDir(inputs[0].Dir)
	for _, in := range inputs[1:] {
		dir := trimDir(in.Dir)
		for root != "" && !under(dir, root) {
			root = parentDir(root)
		}
	}
	return root
}

// under reports whether the folder dir is root or inside it.
func under(dir, root string) bool {
	switch root {
	case dir:
		return true
	case ".":
		return !strings.HasPrefix(dir, "/") && !strings.Contains(dir, "://") && dir != ".." && !strings.HasPrefix(dir, "../")
	case "/":
		return strings.HasPrefix(dir, "/")
	}
	return strings.HasPrefix(dir, root+"/")
}

// trimDir drops a trailing "/" and, for local paths, cleans the path.
func trimDir(dir string) string {
	if !strings.Contains(dir, "://") {
		dir = filepath.ToSlash(filepath.Clean(dir))
	}
	if dir == "/" {
		return dir
	}
	return strings.TrimSuffix(dir, "/")
}

// parentDir is dir without its last element; "" when there is none left
// (two different schemes or buckets have no common root).
func parentDir(dir string) string {
	i := strings.LastIndex(dir, "/")
	switch {
	case dir == "." || dir == "/":
		return ""
	case i < 0:
		return "."
	case i == 0:
		return "/"
	case strings.HasSuffix(dir[:i], ":/"): // gs://bucket: the bucket is the top
		return ""
	}
	return dir[:i]
}

// docID is the ID of the document at p: p relative to root, with forward
// slashes. A path outside root keeps its full spelling.
func docID(root, p string) string {
	if strings.Contains(p, "://") {
		if root != "" && strings.HasPrefix(p, root+"/") {
			return p[len(root)+1:]
		}
		return p
	}
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// hidden reports whether a path relative to a listed folder has an
// element starting with "." — `leadlex score` leaves those out.
func hidden(rel string) bool {
	for el := range strings.SplitSeq(rel, "/") {
		if strings.HasPrefix(el, ".") && el != "." && el != ".." {
			return true
		}
	}
	return false
}

// list finds the files of one input. Local inputs are walked with the
// corpus package's rules (sorted, hidden files and folders left out,
// symbolic links reported, not followed, unless opt says so), so the files
// and their IDs are those `leadlex score` sees; remote inputs are listed
// through their Beam filesystem. Anything found that cannot be read yet
// (a link not followed, a folder that cannot be listed) comes back as a
// File with a Status and Reason, to become a row. root is the ID root.
func (in Input) list(ctx context.Context, root string, opt corpus.Options, yield func(File)) error {
	if in.Remote {
		return in.listRemote(ctx, root, yield)
	}
	start := in.Glob
	if in.Pattern != "" {
		start = in.Dir
	}
	for d := range corpus.List(ctx, []string{start}, opt) {
		if in.Pattern != "" {
			rel, err := filepath.Rel(in.Dir, d.Path)
			if err != nil {
				return fmt.Errorf("list %s: %w", in.Glob, err)
			}
			if ok, _ := doublestar.Match(in.Pattern, filepath.ToSlash(rel)); !ok {
				continue
			}
		}
		yield(File{
			ID: docID(root, d.Path), Path: d.Path, Format: d.Format, Bytes: d.Bytes,
			Status: string(d.Status), Reason: d.Reason,
		})
	}
	return ctx.Err()
}

// listRemote lists a remote glob through Beam's filesystem for its scheme.
// Whether "**" crosses folders depends on that filesystem (gs:// does).
func (in Input) listRemote(ctx context.Context, root string, yield func(File)) error {
	fs, err := filesystem.New(ctx, in.Glob)
	if err != nil {
		return fmt.Errorf("list %s: %w", in.Glob, err)
	}
	defer fs.Close()
	paths, err := fs.List(ctx, in.Glob)
	if err != nil {
		return fmt.Errorf("list %s: %w", in.Glob, err)
	}
	dir := trimDir(in.Dir)
	for _, p := range paths {
		rel := strings.TrimPrefix(p, dir+"/")
		if strings.HasSuffix(p, "/") || hidden(rel) {
			continue // folder placeholders; hidden files, as leadlex score
		}
		yield(File{ID: docID(root, p), Path: p, Remote: true})
	}
	return nil
}

// File is one listed file, or one thing found while listing that becomes a
// row without being read (Status set).
type File struct {
	ID     string // doc_id
	Path   string // local path or URL
	Remote bool   // read through a Beam filesystem
	Format string // set with Status only
	Bytes  int64  // local files only; 0 for remote ones until read
	Status string // "" for a file to read; else skipped or error
	Reason string
}

// base is the last element of a local path or URL.
func base(p string) string {
	if strings.Contains(p, "://") {
		return path.Base(p)
	}
	return filepath.Base(p)
}
