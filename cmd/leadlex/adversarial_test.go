package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Budgets of one hostile input, measured on a process of its own: its
// peak memory, and its time as a floor plus a time per megabyte, generous
// for a shared machine (the slowest shapes take about a second a megabyte,
// ordinary text a tenth of that).
const (
	adversarialRSS      = 256 << 20
	adversarialFloor    = 5 * time.Second
	adversarialPerMByte = 4 * time.Second
)

// adversarialCase is one hostile run: the files it reads (written into a
// folder of their own) and the arguments after the binary, with IN for
// that folder (or its one file) and OUT for a folder to write to.
type adversarialCase struct {
	name  string
	files map[string][]byte
	args  []string
	size  int // the size to report per megabyte, when not the files' (a .docx unpacks)
}

// watchPeakRSS samples the peak resident memory (VmHWM) of a running
// process every few milliseconds until it ends, and returns a function
// that waits for the sampling to end and gives the last value seen. (The
// rusage of a child is no use here: on Linux its maxrss starts at the size
// of the test process that forked it.)
func watchPeakRSS(pid int) func() int64 {
	done := make(chan int64, 1)
	go func() {
		var peak int64
		for {
			data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
			if err != nil {
				done <- peak
				return
			}
			for _, line := range strings.Split(string(data), "\n") {
				if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
					var kb int64
					fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(v), " kB"), &kb)
					peak = max(peak, kb<<10)
				}
			}
			if strings.Contains(string(data), "State:\tZ") {
				done <- peak
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	var peak int64 = -1
	return func() int64 {
		if peak < 0 {
			peak = <-done
		}
		return peak
	}
}

// TestAdversarialCorpus scores each hostile input with the built binary:
// the shapes in testdata/adversarial repeated to a megabyte (Markdown
// nesting and delimiter runs, punctuation runs, HTML nesting), and large
// inputs generated here (records, a .docx, text without a line or
// sentence end, explain's HTML page, oversized lexicon and policy files).
// Each must finish within its time budget and peak under 256 MB; with -v
// it prints each one's time per megabyte and peak memory.
func TestAdversarialCorpus(t *testing.T) {
	bin := buildLeadlex(t)
	var cases []adversarialCase
	units, err := filepath.Glob(filepath.Join("testdata", "adversarial", "*.*"))
	must(t, err)
	for _, path := range units {
		if filepath.Base(path) == "README.md" {
			continue
		}
		unit, err := os.ReadFile(path)
		must(t, err)
		body := append([]byte(strings.Repeat(string(unit), (1<<20)/len(unit))), "\n\nWe lead.\n"...)
		cases = append(cases, adversarialCase{filepath.Base(path), map[string][]byte{filepath.Base(path): body}, []string{"score", "IN", "-o", "-", "-q"}, 0})
	}
	cases = append(cases, generatedAdversarial(t)...)
	t.Logf("%-28s %8s %8s %9s %8s", "input", "MB", "seconds", "s per MB", "peak MB")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := t.TempDir()
			size := 0
			for name, data := range tc.files {
				must(t, os.WriteFile(filepath.Join(in, name), data, 0o644))
				size += len(data)
			}
			if len(tc.files) == 1 {
				for name := range tc.files {
					in = filepath.Join(in, name)
				}
			}
			out := t.TempDir()
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.NewReplacer("IN", in, "OUT", out).Replace(a)
			}
			if tc.size > 0 {
				size = tc.size
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "GOMEMLIMIT=") // the binary's own default
			var stderr strings.Builder
			cmd.Stderr = &stderr
			start := time.Now()
			must(t, cmd.Start())
			peak := watchPeakRSS(cmd.Process.Pid)
			err := cmd.Wait()
			took := time.Since(start)
			if _, ok := err.(*exec.ExitError); err != nil && !ok {
				t.Fatal(err)
			}
			mb := float64(size) / (1 << 20)
			t.Logf("%-28s %8.1f %8.2f %9.2f %8d  exit %d: %.120s", tc.name, mb, took.Seconds(), took.Seconds()/max(mb, 1), peak()>>20, cmd.ProcessState.ExitCode(), strings.TrimSpace(stderr.String()))
			if budget := adversarialFloor + time.Duration(mb*float64(adversarialPerMByte)); took > budget {
				t.Errorf("took %v, over the budget of %v", took, budget)
			}
			if peak := peak(); peak > adversarialRSS {
				t.Errorf("peak memory %d MB, over %d MB", peak>>20, adversarialRSS>>20)
			}
			if code := cmd.ProcessState.ExitCode(); code != 0 && !strings.Contains(tc.name, "over its cap") {
				t.Errorf("exit %d: %s", code, stderr.String())
			}
		})
	}
}

// generatedAdversarial makes the large hostile inputs: each as large as
// the default limits let a document be, or over them.
func generatedAdversarial(t *testing.T) []adversarialCase {
	const mb = 1 << 20
	words := strings.Repeat("we set the vision and track the budget with the team ", mb/54+1)
	text := func(n int) string { return strings.Repeat(words, n/len(words)+1)[:n] }
	record, err := json.Marshal(map[string]string{"text": text(15 * mb)})
	must(t, err)
	var records []byte
	for range 3 {
		records = append(append(records, record...), '\n')
	}
	lexicon, err := os.ReadFile("../../lexicon/default.yaml")
	must(t, err)
	pad := strings.Repeat("# padding\n", 5*mb/10)
	return []adversarialCase{
		{"3 records of 15 MB.jsonl", map[string][]byte{"r.jsonl": records}, []string{"score", "IN", "-o", "-", "-q", "-j", "2"}, 0},
		{"record over the limit.jsonl", map[string][]byte{"r.jsonl": []byte(`{"text": "` + text(40*mb) + `"}` + "\n")}, []string{"score", "IN", "-o", "-", "-q"}, 0},
		{"CSV field of 15 MB", map[string][]byte{"c.csv": []byte("id,text\n1,\"" + text(15*mb) + "\"\n")}, []string{"score", "IN", "-o", "-", "-q"}, 0},
		{"docx of 15 MB text", map[string][]byte{"d.docx": docxOf(t, text(15*mb))}, []string{"score", "IN", "-o", "-", "-q"}, 15 * mb},
		{"HTML of 15 MB", map[string][]byte{"h.html": []byte("<p>" + strings.ReplaceAll(text(14*mb), "team ", "team</p><p>"))}, []string{"score", "IN", "-o", "-", "-q"}, 0},
		{"30 MB, no sentence end", map[string][]byte{"s.txt": []byte(text(30 * mb))}, []string{"score", "IN", "-o", "OUT/r.parquet", "--sentences", "OUT/s.parquet", "-q"}, 0},
		{"8 MB Markdown, no line end", map[string][]byte{"m.md": []byte(text(8 * mb))}, []string{"score", "IN", "-o", "-", "-q"}, 0},
		{"check of 8 MB HTML", map[string][]byte{"h.html": []byte("<p>" + text(8*mb-10)), ".leadlex.yaml": []byte("thresholds:\n  balance: {min: -1}\n")}, []string{"check", "IN", "-q"}, 0},
		{"explain -f html of 1 MB", map[string][]byte{"e.txt": []byte(text(mb - 100))}, []string{"explain", "-f", "html", "IN", "-o", "OUT/e.html"}, 0},
		{"lexicon over its cap", map[string][]byte{"doc.txt": []byte("We lead."), "lex.yaml": append(lexicon, pad...)}, []string{"score", "IN/doc.txt", "--lexicon", "IN/lex.yaml", "-o", "-", "-q"}, 0},
		{"policy over its cap", map[string][]byte{"doc.txt": []byte("We lead."), "p.yaml": []byte("thresholds:\n  balance: {min: -1}\n" + pad)}, []string{"check", "IN/doc.txt", "--config", "IN/p.yaml", "-q"}, 0},
	}
}

// docxOf returns a .docx whose document holds text in one run.
func docxOf(t *testing.T, text string) []byte {
	var b strings.Builder
	z := zip.NewWriter(&b)
	w, err := z.Create("word/document.xml")
	must(t, err)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>`, text)
	must(t, z.Close())
	return []byte(b.String())
}
