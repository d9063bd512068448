// Package buildinfo says which version of leadlex is running, for the
// version commands and the metadata of the files it writes.
package buildinfo

import "runtime/debug"

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
