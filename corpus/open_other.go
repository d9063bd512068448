//go:build !unix

package corpus

import "os"

// openFile opens a file for reading.
func openFile(name string) (file, error) { return os.Open(name) }
