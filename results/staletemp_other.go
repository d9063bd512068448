//go:build !unix

package results

import "os"

// lockTemp does nothing where files cannot be locked for this.
func lockTemp(*os.File) {}

// removeStaleTemps leaves temporary files where it cannot tell whether a
// run still writes them.
func removeStaleTemps(dir, base string) []string { return nil }
