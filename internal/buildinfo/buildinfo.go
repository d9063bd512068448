// Package buildinfo says which version of leadlex is running and when a
// run happened, for the version commands and the metadata of the files it
// writes; leadlex and leadlex-beam share it.
package buildinfo

import (
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"time"
)

// Version is set, the version a binary was stamped with at build time
// (-ldflags "-X main.version=…"), when there is one; otherwise the module
// version from the build info (set by go install of a tagged version), or
// "dev".
func Version(set string) string {
	if set != "" {
		return set
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// CreatedAt is the time recorded in the metadata of the files a run
// writes, in RFC 3339: SOURCE_DATE_EPOCH when it is set, so that a rerun
// gives the same bytes, else now.
func CreatedAt() (string, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Now().UTC().Format(time.RFC3339), nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return "", fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
	}
	return time.Unix(sec, 0).UTC().Format(time.RFC3339), nil
}
