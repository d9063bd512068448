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
// The encoder is made with its low-memory option: its match history is
// the window plus a block (8.1 MB) rather than twice the window, which
// held 8.8 MB of heap after the first page over 128 KB against 4.6 MB,
// and every byte of live heap lets the collector leave as much garbage
// before it runs. The option changes buffer sizes only, not the matches
// found: the output is the same byte for byte (TestPageCodecSameBytes).
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
			kzstd.WithLowerEncoderMem(true),
		)
		if err != nil {
			panic("zstd encoder: " + err.Error()) // the options are fixed and valid
		}
		c.enc = enc
	})
	return c.enc.EncodeAll(src, dst[:0]), nil
}
