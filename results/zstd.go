package results

import (
	"sync"

	kzstd "github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// pageCodec compresses Parquet pages with zstd at its fastest level, with
// one encoder kept for the life of the process. parquet-go's own codec
// keeps its encoders in a pool that every garbage collection empties, and
// each new encoder allocates its history again: about 15 MB of garbage per
// row group. The results compress well at any level, and the default
// level costs the single writer goroutine about a third more CPU time.
type pageCodec struct {
	zstd.Codec // names the codec and decodes
	once       sync.Once
	enc        *kzstd.Encoder
}

var zstdPages = &pageCodec{}

// Encode compresses src into dst; it is safe for concurrent use.
func (c *pageCodec) Encode(dst, src []byte) ([]byte, error) {
	c.once.Do(func() {
		enc, err := kzstd.NewWriter(nil,
			kzstd.WithEncoderLevel(kzstd.SpeedFastest),
			kzstd.WithEncoderConcurrency(1),
			kzstd.WithZeroFrames(true),
			kzstd.WithEncoderCRC(false),
		)
		if err != nil {
			panic("zstd encoder: " + err.Error()) // the options are fixed and valid
		}
		c.enc = enc
	})
	return c.enc.EncodeAll(src, dst[:0]), nil
}
