package corpus

import (
	"errors"
	"io"
)

// readRest reads the rest of a file of which head has been read, into one
// buffer sized for the file as listed (head's own when it has the room): no
// growing and copying as io.ReadAll does. It reads at most limit+1 bytes in all, so that a file
// that grew past limit is seen to have done so.
func readRest(f io.Reader, head []byte, size, limit int64) ([]byte, error) {
	capacity := min(max(size, int64(len(head)))+1, limit+1)
	data := head // read on in head's buffer when it has room (see readHead)
	if int64(cap(head)) < capacity {
		data = make([]byte, len(head), capacity)
		copy(data, head)
	}
	for int64(len(data)) <= limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew since it was listed
		}
		n, err := f.Read(data[len(data):min(int64(cap(data)), limit+1)])
		data = data[:len(data)+n]
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}
