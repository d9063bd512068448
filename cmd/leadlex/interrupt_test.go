package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/leadlex/leadlex/internal/corpusgen"
)

// buildLeadlex compiles the command into a temporary folder, for tests
// that need a process of its own (signals, resource limits).
func buildLeadlex(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "leadlex")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// generateCorpus writes n synthetic documents, every 100th of them 4 MB,
// so that scoring takes seconds.
func generateCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	g := corpusgen.New(corpusgen.Options{Seed: 7, LargeEvery: 100, LargeBytes: 4 << 20})
	for range n {
		d := g.Next()
		p := filepath.Join(dir, filepath.FromSlash(d.Name))
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(d.Text), 0o644))
	}
	return dir
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// waitForTemp waits until the run has created its temporary output in
// dir, that is, until it has started writing.
func waitForTemp(t *testing.T, dir string, done <-chan struct{}) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			t.Fatal("the run ended before it could be interrupted")
		default:
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(m) > 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("no temporary output appeared within 60 s")
}

// TestInterruptLeavesNothing interrupts a run over a large generated
// corpus with SIGINT (once and twice) and SIGTERM: the exit code is 130
// (143 after SIGTERM),
// nothing is left at -o, and after one signal the temporary file is gone
// too and the summary says what was done.
func TestInterruptLeavesNothing(t *testing.T) {
	bin := buildLeadlex(t)
	corpus := generateCorpus(t, 1500)
	for _, signals := range [][]os.Signal{{syscall.SIGINT}, {syscall.SIGINT, syscall.SIGINT}, {syscall.SIGTERM}} {
		t.Run(fmt.Sprint(signals), func(t *testing.T) {
			outDir := t.TempDir()
			out := filepath.Join(outDir, "results.parquet")
			cmd := exec.Command(bin, "score", corpus, "-o", out, "-q", "-j", "2")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			must(t, cmd.Start())
			done := make(chan struct{})
			var waitErr error
			go func() { waitErr = cmd.Wait(); close(done) }()
			waitForTemp(t, outDir, done)
			time.Sleep(200 * time.Millisecond) // let it score a few documents
			for _, sig := range signals {
				must(t, cmd.Process.Signal(sig))
			}
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 30 s after SIGINT")
			}
			want := 130
			if signals[0] == syscall.SIGTERM {
				want = 143
			}
			var ee *exec.ExitError
			if !errors.As(waitErr, &ee) || ee.ExitCode() != want {
				t.Fatalf("exit: %v, want code %d\nstderr: %s", waitErr, want, stderr.String())
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a file is at -o after the interrupt: %v", err)
			}
			if !strings.Contains(stderr.String(), "leadlex: interrupted") {
				t.Errorf("stderr %q", stderr.String())
			}
			// Also after a second signal, which exits at once.
			if left, _ := os.ReadDir(outDir); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
			if len(signals) == 1 {
				if !strings.Contains(stderr.String(), " scored, ") || !strings.Contains(stderr.String(), "before the interrupt; nothing written to "+out) {
					t.Errorf("no summary of what was done: %q", stderr.String())
				}
			}
		})
	}
}

// TestWriteErrorExits2 runs out of room while writing, as a full disk
// would: a file-size limit (ulimit -f) makes the write fail with EFBIG.
// The run exits 2, says why, and leaves no partial file.
func TestWriteErrorExits2(t *testing.T) {
	bin := buildLeadlex(t)
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to set a file-size limit")
	}
	outDir := t.TempDir()
	out := filepath.Join(outDir, "results.parquet")
	cmd := exec.Command("sh", "-c", `ulimit -f 2 && exec "$0" "$@"`, bin, "score", corpusDir, "-o", out, "-q")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Fatalf("exit: %v, want code 2\nstderr: %s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "leadlex: write "+out) || !strings.Contains(stderr.String(), "file too large") {
		t.Errorf("stderr %q", stderr.String())
	}
	if left, _ := os.ReadDir(outDir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestInterruptStopsParsing interrupts runs busy with documents that take
// long to parse: a 150,000-deep block quote (before the Markdown guard, a
// minute of goldmark after SIGTERM) and 4 MB of list items (seconds even
// so). Each run must end within interruptGrace and a little, with 130 or
// 143, and leave nothing at -o.
func TestInterruptStopsParsing(t *testing.T) {
	bin := buildLeadlex(t)
	input := t.TempDir()
	must(t, os.WriteFile(filepath.Join(input, "a-quote.md"), []byte(strings.Repeat(">", 150000)+" x\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(input, "b-list.md"), []byte(strings.Repeat("  - item\n", 4<<20/9)), 0o644))
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGTERM, 143}, {syscall.SIGINT, 130}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			outDir := t.TempDir()
			out := filepath.Join(outDir, "results.parquet")
			cmd := exec.Command(bin, "score", input, "-o", out, "-q", "-j", "1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			must(t, cmd.Start())
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			time.Sleep(500 * time.Millisecond) // reading and parsing
			sent := time.Now()
			must(t, cmd.Process.Signal(tc.sig))
			var waitErr error
			select {
			case waitErr = <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 20 s after the signal")
			}
			if took := time.Since(sent); took > interruptGrace+700*time.Millisecond {
				t.Errorf("ended %v after the signal", took)
			}
			var ee *exec.ExitError
			if !errors.As(waitErr, &ee) || ee.ExitCode() != tc.code {
				t.Fatalf("exit: %v, want code %d\nstderr: %s", waitErr, tc.code, stderr.String())
			}
			if left, _ := os.ReadDir(outDir); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}
