# leadlex — see README.md. Every target works on a fresh machine with Go.
GO      ?= go
BIN     := bin/leadlex
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run test vet bench corpus perf perf-quick clean

all: build

## build: compile the leadlex binary into bin/
build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/leadlex

## run: score the bundled testdata/ corpus into out/results.parquet and print the summary
run: build
	./$(BIN) score testdata/corpus -o out/results.parquet

## test: vet, formatting, and all tests with the race detector
test:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) test -race ./...

## bench: benchmarks of the tokenizer alone and the whole pipeline (docs/s, MB/s, allocs/doc)
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x ./pipeline/

## perf: measure the performance targets (benchmarks, peak RSS over 100 MB and 1 GB corpora, a 200 MB file,
## start-up) and rewrite the table in docs/PERFORMANCE.md; corpora are generated once under out/perf
perf:
	$(GO) run ./tools/perf

## perf-quick: the same without the 1 GB corpus
perf-quick:
	$(GO) run ./tools/perf -quick

## corpus: generate a synthetic corpus, e.g. make corpus N=100000 (or BYTES=1GB) OUT=out/corpus
N   ?= 10000
OUT ?= out/corpus
corpus:
	$(GO) run ./tools/gencorpus $(if $(BYTES),-bytes $(BYTES),-n $(N)) -o $(OUT)

clean:
	rm -rf bin out
