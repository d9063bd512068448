# leadlex — see README.md. Every target works on a fresh machine with Go.
GO      ?= go
BIN     := bin/leadlex
# The version stamped into binaries: the tag when HEAD has one (v1.2.3), else
# git describe (v1.2.3-4-gabc1234, or the commit when there is no tag).
VERSION ?= $(shell git describe --tags --exact-match 2>/dev/null || git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
# Release targets: GOOS/GOARCH pairs built by make release and checked by CI.
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

.PHONY: all build generate release cross-build readers run test lint vet bench corpus perf perf-quick clean check-demo report chromium screenshots fuzz beam-build beam-test bench-serve

all: build

## build: compile the leadlex binary into bin/
build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/leadlex

## release: static, -trimpath binaries for every platform in dist/ (leadlex_VERSION_OS_ARCH[.exe]) and dist/SHA256SUMS
release:
	rm -rf dist && mkdir -p dist
	@set -e; for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  out=dist/leadlex_$(VERSION)_$${os}_$${arch}$$ext; echo "build $$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "-s -w $(LDFLAGS)" -o $$out ./cmd/leadlex; \
	done
	cd dist && sha256sum leadlex_* > SHA256SUMS && sha256sum -c --quiet SHA256SUMS
	@cat dist/SHA256SUMS

## cross-build: check that every release platform compiles (no files written; CI runs it)
cross-build:
	@set -e; for p in $(PLATFORMS); do \
	  echo "go build $$p"; \
	  CGO_ENABLED=0 GOOS=$${p%/*} GOARCH=$${p#*/} $(GO) build -trimpath -o /dev/null ./cmd/leadlex; \
	done

## readers: read score output in every --compression and page version with DuckDB and hyparquet (npm; needs node)
readers: build
	mkdir -p out/readers
	cd out/readers && cp ../../tools/readers/package.json ../../tools/readers/read.mjs . && npm install --silent --no-audit --no-fund
	@for c in zstd snappy gzip none; do ./$(BIN) score testdata/corpus -q -o out/readers/results-$$c.parquet --compression $$c; done
	./$(BIN) score testdata/corpus -q -o out/readers/results-zstd-v2.parquet --data-page-version 2
	cd out/readers && node read.mjs results-*.parquet

## run: score the bundled testdata/ corpus into out/results.parquet and print the summary
run: build
	./$(BIN) score testdata/corpus -o out/results.parquet

## check-demo: run `leadlex check` on the sample policy and job descriptions (they have findings: exit 1 is expected)
check-demo: build
	./$(BIN) check testdata/check; test $$? -eq 1

## report: write out/report.html from the testdata/ run (make run's out/results.parquet)
report: run
	./$(BIN) report out/results.parquet -o out/report.html

## chromium: install headless Chromium (Debian's package) for the report's browser test
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  sudo=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium; }

## screenshots: run the browser test and keep its screenshots in out/ (needs make chromium)
screenshots:
	mkdir -p out
	LEADLEX_SCREENSHOTS=$(CURDIR)/out $(GO) test -count=1 -run TestReportInChromium -v ./report/
	LEADLEX_SCREENSHOTS=$(CURDIR)/out $(GO) test -count=1 -run TestPageInChromium -v ./serve/

## bench-serve: the serve load benchmark (2,000 requests, 16 at a time) and the editor server's keystroke benchmark
bench-serve:
	$(GO) test -run '^$$' -bench Load -benchtime 1x ./serve
	$(GO) test -run '^$$' -bench Keystroke -benchtime 1000x ./lsp

## test: vet, formatting, and all tests with the race detector; then the interop module
## (arrow-go reads our Parquet; its own go.mod keeps arrow-go out of the root module)
test:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) test -race ./...
	cd interop && $(GO) vet ./... && $(GO) test ./...

## lint: no non-test function over 80 lines, here and in beam/ (tools/funclen lists the ones that are)
lint:
	$(GO) run ./tools/funclen . beam interop

## bench: benchmarks of the tokenizer alone and the whole pipeline (docs/s, MB/s, allocs/doc), on the generated
## corpus and on the real job postings of ../shared/data/jobs-dev.tsv (skipped, with a message, when absent)
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x ./pipeline/

## fuzz: run every fuzz target (format readers, lexicon loader, …) for FUZZTIME each; make test replays their seeds
FUZZTIME ?= 30s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$target ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

## perf: measure the performance targets (benchmarks, peak RSS over 100 MB and 1 GB corpora, a 200 MB file,
## start-up; one core against two, ripgrep and Vale side by side on the real postings) and rewrite the table in
## docs/PERFORMANCE.md; corpora are generated once under out/perf (ripgrep and Vale installed when missing)
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

## eval: measure the default lexicon on the labelled sets: the tune half, then the held-out half
.PHONY: all build release cross-build readers run test vet bench corpus clean check-demo report chromium screenshots fuzz
eval: build
	./$(BIN) eval testdata/labeled/tune.tsv --worst 0
	./$(BIN) eval testdata/labeled/dev.tsv --worst 0
	./$(BIN) eval testdata/labeled/heldout.tsv --worst 0

## generate: rewrite lexicon/default.gob (the parsed default lexicon leadlex starts from); run after editing lexicon/default.yaml
generate:
	$(GO) generate ./lexicon

## norms: rebuild the embedded norms (job-posts from ../shared/data/jobs-dev.tsv, general from testdata/corpus); run after a lexicon change
# SHARED_DATA is where jobs-dev.tsv is: $LEADLEX_SHARED/data when set, else ../shared/data.
SHARED_DATA ?= $(if $(LEADLEX_SHARED),$(LEADLEX_SHARED)/data,../shared/data)
norms: generate build
	./$(BIN) norms build $(SHARED_DATA)/jobs-dev.tsv --text-column text --id-column source --name job-posts -o norms/job-posts.yaml \
	  --description "The 6,000 job postings of jobs-dev.tsv (5,504 NHS UK adverts from 2020 and 496 US LinkedIn postings from 2024, all title groups; see docs/VALIDITY.md), scored with the default lexicon and sections; derived statistics only, no text"
	./$(BIN) norms build testdata/corpus --name general -o norms/general.yaml \
	  --description "The 31 scorable documents of the repository's testdata/corpus (announcements, articles, job posts, memos, reviews and other business prose written for leadlex), scored with the default lexicon and sections. Small: a rough reference, not a population"

## beam-build: compile leadlex-beam (Apache Beam, its own module in beam/; the first build takes minutes) into bin/
beam-build:
	cd beam && CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o ../bin/leadlex-beam ./cmd/leadlex-beam

## beam-test: vet, formatting and tests of the Beam module: the pipeline on Prism must give the rows of leadlex score
beam-test:
	cd beam && $(GO) vet ./...
	@unformatted=$$(gofmt -l beam); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	cd beam && $(GO) test ./...

clean:
	rm -rf bin out dist
