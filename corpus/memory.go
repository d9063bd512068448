package corpus

import (
	"bytes"
	"io/fs"
	"time"
)

// ReadBytes reads data as the contents of a file called name, as ReadFile
// reads a file from disk: the extension of name picks the format, the
// limits of opt apply, and the Doc's ID and Path are name. Nothing is read
// from the disk; the server and the editor server use it for text sent to
// them.
func ReadBytes(name string, data []byte, opt Options) []Doc {
	opt.fsys = memoryFS{name: name, data: data}
	return ReadFile(name, opt)
}

// memoryFS is a file system holding one file.
type memoryFS struct {
	name string
	data []byte
}

func (m memoryFS) Stat(name string) (fs.FileInfo, error) {
	if name != m.name {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return memoryInfo{name: name, size: int64(len(m.data))}, nil
}

func (m memoryFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
}

func (m memoryFS) Open(name string) (file, error) {
	if name != m.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return memoryFile{bytes.NewReader(m.data)}, nil
}

// memoryFile is data held in memory, open as a file (the one file of a
// memoryFS, or stdin read whole).
type memoryFile struct{ *bytes.Reader }

func (memoryFile) Close() error { return nil }

// memoryInfo describes data held in memory as a regular file.
type memoryInfo struct {
	name string
	size int64
}

func (i memoryInfo) Name() string       { return i.name }
func (i memoryInfo) Size() int64        { return i.size }
func (i memoryInfo) Mode() fs.FileMode  { return 0o444 }
func (i memoryInfo) ModTime() time.Time { return time.Time{} }
func (i memoryInfo) IsDir() bool        { return false }
func (i memoryInfo) Sys() any           { return nil }
