package results

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	kzstd "github.com/klauspost/compress/zstd"
)

// TestPageCodecSameBytes checks that the page codec's low-memory encoder
// writes the same bytes as zstd's default encoder at the same level, on
// pages of text and of noise from 1 byte to 3 MB (over the 128 KB block,
// where the match history comes in).
func TestPageCodecSameBytes(t *testing.T) {
	ref, err := kzstd.NewWriter(nil,
		kzstd.WithEncoderLevel(kzstd.SpeedFastest),
		kzstd.WithEncoderConcurrency(1),
		kzstd.WithZeroFrames(true),
		kzstd.WithEncoderCRC(false),
	)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("doc_id path leadership management vision team the of and ok none 0.25 1.5 12 alignment")
	var text bytes.Buffer
	for text.Len() < 3<<20 {
		text.WriteString(words[r.IntN(len(words))])
		text.WriteByte(byte(" \n,"[r.IntN(3)]))
	}
	noise := make([]byte, 3<<20)
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	for _, n := range []int{1, 100, 1500, 64 << 10, 128 << 10, 128<<10 + 1, 300 << 10, 1 << 20, 3 << 20} {
		for _, src := range [][]byte{text.Bytes()[:n], noise[:n]} {
			got, _ := zstdPages.Encode(nil, src)
			if want := ref.EncodeAll(src, nil); !bytes.Equal(got, want) {
				t.Fatalf("%d bytes: the page codec wrote %d bytes, the default encoder %d, or other bytes", n, len(got), len(want))
			}
		}
	}
}
