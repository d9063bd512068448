// Command gencorpus writes a deterministic synthetic corpus for benchmarks:
//
//	go run ./tools/gencorpus -n 100000 -o out/corpus
//	go run ./tools/gencorpus -bytes 1GB -o out/corpus-1g
//
// The same seed and flags always give the same files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/leadlex/leadlex/internal/corpusgen"
)

func main() {
	n := flag.Int("n", 0, "number of documents (0: as many as -bytes needs)")
	total := flag.String("bytes", "", "stop once the corpus reaches this size (e.g. 100MB, 1GB)")
	out := flag.String("o", "out/corpus", "output folder (created; existing files are overwritten)")
	seed := flag.Uint64("seed", 1, "random seed")
	large := flag.Int("large-every", 5000, "every n-th document is very large (0: never)")
	largeBytes := flag.String("large-bytes", "4MB", "size of the very large documents")
	flag.Parse()

	limit, err := size(*total)
	if err != nil || (*n <= 0 && limit <= 0) {
		fmt.Fprintln(os.Stderr, "gencorpus: give -n N or -bytes SIZE (e.g. -bytes 100MB)")
		os.Exit(2)
	}
	lb, err := size(*largeBytes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
	g := corpusgen.New(corpusgen.Options{Seed: *seed, LargeEvery: *large, LargeBytes: int(lb)})
	var written int64
	docs := 0
	for (*n <= 0 || docs < *n) && (limit <= 0 || written < limit) {
		d := g.Next()
		p := filepath.Join(*out, filepath.FromSlash(d.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(p, []byte(d.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
		written += int64(len(d.Text))
		docs++
	}
	fmt.Printf("wrote %d documents, %.1f MB, to %s\n", docs, float64(written)/1e6, *out)
}

func size(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSuffix(t, u.suffix), u.m
			break
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("size %q: want a number with KB, MB or GB", s)
	}
	return int64(v * float64(mult)), nil
}
