package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// FindFrom looks for a policy file (see Find) above each start in turn; a
// start that is a file counts as its folder. It returns the first policy
// found, relative to wd when it lies below wd, or "" when there is none.
func FindFrom(wd string, starts []string) (string, error) {
	for _, dir := range starts {
		if info, err := os.Stat(dir); err == nil && !info.IsDir() {
			dir = filepath.Dir(dir)
		}
		path, err := Find(dir)
		if err != nil {
			return "", err
		}
		if path != "" {
			return relBelow(wd, path), nil
		}
	}
	return "", nil
}

// NoPolicyError says that no policy file was found above any of Starts.
type NoPolicyError struct {
	Starts []string
}

// Error names the file looked for and the folders it was looked for in.
func (e *NoPolicyError) Error() string {
	return fmt.Sprintf("no policy file: found no %s in %s or the folders above it",
		PolicyNames[0], strings.Join(e.Starts, " or "))
}

// Roots is what to check when no path is given: the policy's paths, or
// else its folder, each relative to wd when it lies below wd.
func (p *Policy) Roots(wd string) []string {
	roots := p.Paths
	if len(roots) == 0 {
		roots = []string{p.Dir}
	}
	out := make([]string, len(roots))
	for i, r := range roots {
		out[i] = relBelow(wd, r)
	}
	return out
}

// relBelow returns path relative to wd when it lies below wd (and wd is
// known), else path unchanged.
func relBelow(wd, path string) string {
	if wd == "" {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}
