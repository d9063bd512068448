package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/leadlex/leadlex/internal/postings"
	"github.com/leadlex/leadlex/lexicon"
)

// valeModule is the Vale release `make perf` installs with go install.
const valeModule = "github.com/errata-ai/vale/v3/cmd/vale@v3.19.0"

// side is one side-by-side run: a command over a corpus, in every round.
type side struct {
	name  string
	runs  []runResult // one per round
	docs  int         // documents of its corpus
	bytes int64       // bytes of its corpus
}

// docsPerSec is the side's throughput in round i.
func (s *side) docsPerSec(i int) float64 {
	if i >= len(s.runs) || s.runs[i].wall <= 0 {
		return 0
	}
	return float64(s.docs) / s.runs[i].wall.Seconds()
}

// best is the side's fastest round.
func (s *side) best() runResult {
	var b runResult
	for _, r := range s.runs {
		if b.wall == 0 || r.wall < b.wall {
			b = r
		}
	}
	return b
}

// peakRSS is the largest peak RSS over the rounds, in KB.
func (s *side) peakRSS() int64 {
	var m int64
	for _, r := range s.runs {
		m = max(m, r.rssKB)
	}
	return m
}

// postingsCorpus writes the real job postings (../shared/data/jobs-dev.tsv)
// out as one file per posting under p.dir/jobs, once; it returns false,
// with a note, when the file is not there.
func (p *perf) postingsCorpus() bool {
	tsv, ok := postings.TSV(".")
	if !ok {
		p.note(fmt.Sprintf("%s is absent: no real-postings figures (set %s to its path)", tsv, postings.EnvTSV))
		return false
	}
	dir := filepath.Join(p.dir, "jobs")
	info, _ := os.Stat(tsv)
	stamp := fmt.Sprintf("%s %d %s %s", tsv, info.Size(), info.ModTime().UTC().Format(time.RFC3339), fileHash("internal/postings/postings.go"))
	if old, err := os.ReadFile(dir + ".stamp"); err == nil && string(old) == stamp {
		p.postings = dir
		return true
	}
	step("write " + tsv + " as one file per posting under " + dir)
	if _, _, err := postings.WriteFiles(tsv, dir); err != nil {
		p.note("real postings: " + err.Error())
		return false
	}
	if err := os.WriteFile(dir+".stamp", []byte(stamp), 0o644); err != nil {
		p.note("real postings: " + err.Error())
		return false
	}
	p.postings = dir
	return true
}

func fileHash(path string) string {
	b, _ := os.ReadFile(path)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:8])
}

// note records a message for the table's notes and says it now.
func (p *perf) note(s string) {
	fmt.Fprintln(os.Stderr, "perf: "+s)
	p.notes = append(p.notes, s)
}

// sideBySide runs, in each of count rounds, leadlex score with the whole
// process on one core and with a worker per core over the generated
// 100 MB corpus and the real postings, and ripgrep and Vale over the
// postings, so that every ratio compares runs made under the same load.
func (p *perf) sideBySide(bin string, count int) error {
	cores := fmt.Sprint(p.machine.cores)
	out := filepath.Join(p.dir, "side.parquet")
	type cmd struct {
		name, corpus string
		env          []string
		argv         []string
	}
	var cmds []cmd
	for _, c := range []struct{ label, dir string }{{"generated", filepath.Join(p.dir, "corpus-100MB")}, {"postings", p.postings}} {
		if c.dir == "" {
			continue
		}
		cmds = append(cmds,
			cmd{c.label + ", 1 core", c.dir, []string{"GOMAXPROCS=1"}, []string{bin, "score", c.dir, "-o", out, "-q", "--workers", "1"}},
			cmd{c.label + ", " + cores + " workers", c.dir, nil, []string{bin, "score", c.dir, "-o", out, "-q", "--workers", cores}})
	}
	if p.postings != "" {
		words := filepath.Join(p.dir, "words")
		if err := writeWords(words); err != nil {
			return err
		}
		if rg := ripgrep(p); rg != "" {
			cmds = append(cmds, cmd{"ripgrep", p.postings, nil, []string{rg, "--count-matches", "-w", "-i", "-f", words, p.postings}})
		}
		if vale, ini := p.vale(); vale != "" {
			cmds = append(cmds, cmd{"vale", p.postings, nil, []string{vale, "--config", ini, "--output", "line", "--no-exit", p.postings}})
		}
	}
	p.sides, p.sideRounds = map[string]*side{}, count
	start := load()
	for i := range count {
		for _, c := range cmds {
			step(fmt.Sprintf("round %d of %d: %s %s", i+1, count, strings.Join(c.env, " "), strings.Join(c.argv, " ")))
			r, err := measureEnv(c.env, c.argv[0], c.argv[1:]...)
			if err != nil {
				return err
			}
			s := p.sides[c.name]
			if s == nil {
				s = &side{name: c.name}
				s.docs, s.bytes = countFiles(c.corpus)
				p.sides[c.name] = s
				p.sideCmds = append(p.sideCmds, strings.TrimSpace(strings.Join(c.env, " ")+" "+strings.Join(c.argv, " ")))
			}
			r.args = c.argv
			s.runs = append(s.runs, r)
		}
	}
	p.loadOf["side"] = [2]float64{start, load()}
	return nil
}

// countFiles counts the regular files under root and their bytes.
func countFiles(root string) (int, int64) {
	n := 0
	filepath.Walk(root, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n++
		}
		return nil
	})
	return n, dirBytes(root)
}

// measureEnv is measure with extra environment variables.
func measureEnv(env []string, bin string, args ...string) (runResult, error) {
	if len(env) == 0 {
		return measure(bin, args...)
	}
	old := map[string]*string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if o, ok := os.LookupEnv(k); ok {
			old[k] = &o
		} else {
			old[k] = nil
		}
		os.Setenv(k, v)
	}
	defer func() {
		for k, v := range old {
			if v == nil {
				os.Unsetenv(k)
			} else {
				os.Setenv(k, *v)
			}
		}
	}()
	return measure(bin, args...)
}

// lexiconPatterns are the default lexicon's surface words and phrases as
// regular expressions, one per line: the words themselves, a prefix
// wildcard ("innovat*") as the prefix followed by word characters. ripgrep
// and Vale both read them.
func lexiconPatterns() []string {
	var pats []string
	for _, e := range lexicon.Default().Entries {
		t := strings.TrimSpace(e.Term)
		prefix := strings.HasSuffix(t, "*")
		q := regexp.QuoteMeta(strings.TrimSuffix(t, "*"))
		if prefix {
			q += `\w*`
		}
		if !slices.Contains(pats, q) {
			pats = append(pats, q)
		}
	}
	return pats
}

// writeWords writes the word list ripgrep reads with -f.
func writeWords(path string) error {
	return os.WriteFile(path, []byte(strings.Join(lexiconPatterns(), "\n")+"\n"), 0o644)
}

// ripgrep returns the path of rg, installing Debian's ripgrep package when
// it is missing and apt-get can; "" with a note when it cannot be had.
func ripgrep(p *perf) string {
	if path, err := exec.LookPath("rg"); err == nil {
		return path
	}
	if _, err := exec.LookPath("apt-get"); err == nil {
		step("install ripgrep (apt-get install -y ripgrep)")
		sudo := []string{}
		if os.Geteuid() != 0 {
			sudo = []string{"sudo", "-n"}
		}
		args := append(sudo, "apt-get", "install", "-y", "-qq", "ripgrep")
		install := exec.Command(args[0], args[1:]...)
		install.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		install.Stdout, install.Stderr = os.Stderr, os.Stderr
		if err := install.Run(); err == nil {
			if path, err := exec.LookPath("rg"); err == nil {
				return path
			}
		}
	}
	p.note("ripgrep (rg) is not installed and could not be (apt-get install -y ripgrep): no ripgrep ratio")
	return ""
}

// vale returns the path of vale and of a configuration with one existence
// rule over the lexicon's words, installing Vale with go install into
// p.dir/bin when it is missing; "" with a note when it cannot be had.
func (p *perf) vale() (bin, ini string) {
	gobin, err := filepath.Abs(filepath.Join(p.dir, "bin"))
	if err != nil {
		return "", ""
	}
	bin = filepath.Join(gobin, "vale")
	if _, err := os.Stat(bin); err != nil {
		step("install Vale: go install " + valeModule)
		cmd := exec.Command("go", "install", valeModule)
		cmd.Env = append(os.Environ(), "GOBIN="+gobin)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			p.note(fmt.Sprintf("Vale could not be installed (go install %s: %v): no Vale ratio", valeModule, err))
			return "", ""
		}
	}
	dir := filepath.Join(p.dir, "vale")
	rule := filepath.Join(dir, "styles", "Leadlex", "Words.yml")
	if err := os.MkdirAll(filepath.Dir(rule), 0o755); err != nil {
		p.note("Vale: " + err.Error())
		return "", ""
	}
	var b strings.Builder
	b.WriteString("extends: existence\nmessage: \"'%s'\"\nlevel: suggestion\nignorecase: true\ntokens:\n")
	for _, pat := range lexiconPatterns() {
		fmt.Fprintf(&b, "  - '%s'\n", strings.ReplaceAll(pat, "'", "''"))
	}
	ini = filepath.Join(dir, "vale.ini")
	conf := "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.txt]\nBasedOnStyles = Leadlex\n"
	if err := os.WriteFile(rule, []byte(b.String()), 0o644); err != nil {
		p.note("Vale: " + err.Error())
		return "", ""
	}
	if err := os.WriteFile(ini, []byte(conf), 0o644); err != nil {
		p.note("Vale: " + err.Error())
		return "", ""
	}
	return bin, ini
}

// sideRatio is the median over the rounds of num's docs/s over den's.
func (p *perf) sideRatio(num, den string) (float64, bool) {
	a, b := p.sides[num], p.sides[den]
	if a == nil || b == nil {
		return 0, false
	}
	var rs []float64
	for i := range min(len(a.runs), len(b.runs)) {
		if d := b.docsPerSec(i); d > 0 {
			rs = append(rs, a.docsPerSec(i)/d)
		}
	}
	if len(rs) == 0 {
		return 0, false
	}
	slices.Sort(rs)
	return rs[len(rs)/2], true
}

// sideRows are the figures of the side-by-side rounds.
func (p *perf) sideRows(t table) {
	if len(p.sides) == 0 {
		return
	}
	sl := p.loadOf["side"]
	cores := fmt.Sprint(p.machine.cores)
	for _, label := range []string{"generated", "postings"} {
		one, all := p.sides[label+", 1 core"], p.sides[label+", "+cores+" workers"]
		if one == nil || all == nil {
			continue
		}
		what := "generated 100 MB corpus"
		if label == "postings" {
			what = "real job postings"
		}
		b1, bn := one.best(), all.best()
		t.row(fmt.Sprintf("`leadlex score`, %s (%d files, %.1f MB), %s workers", what, all.docs, float64(all.bytes)/1e6, cores),
			fmt.Sprintf("%.0f docs/s, %.1f MB/s, %.0f CPU-µs/doc (best of %d); peak RSS %.0f MB",
				float64(all.docs)/bn.wall.Seconds(), float64(all.bytes)/1e6/bn.wall.Seconds(), float64(bn.cpu.Microseconds())/float64(all.docs), len(all.runs), float64(all.peakRSS())/1024),
			"< 256 MB", yes(all.peakRSS() < 256*1024), sl)
		t.row(fmt.Sprintf("`leadlex score`, %s, whole process on 1 core (`GOMAXPROCS=1 --workers 1`)", what),
			fmt.Sprintf("%.0f docs/s, %.1f MB/s, %.0f CPU-µs/doc (best of %d); peak RSS %.0f MB",
				float64(one.docs)/b1.wall.Seconds(), float64(one.bytes)/1e6/b1.wall.Seconds(), float64(b1.cpu.Microseconds())/float64(one.docs), len(one.runs), float64(one.peakRSS())/1024),
			"", "", sl)
		if r, ok := p.sideRatio(all.name, one.name); ok {
			t.row(fmt.Sprintf("%s: %s workers against the whole process on 1 core", what, cores), fmt.Sprintf("**%.2f ×**", r), "≥ 1.8 ×", yes(r >= 1.8), sl)
		}
	}
	all := "postings, " + cores + " workers"
	if r, ok := p.sideRatio(all, "ripgrep"); ok {
		rg := p.sides["ripgrep"].best()
		t.row("real job postings: against ripgrep counting the lexicon's words (`rg --count-matches -w -i -f words`)",
			fmt.Sprintf("**%.2f ×** its docs/s (ripgrep %.0f docs/s, best of %d)", r, float64(p.sides["ripgrep"].docs)/rg.wall.Seconds(), len(p.sides["ripgrep"].runs)), "≥ 0.2 ×", yes(r >= 0.2), sl)
	}
	if r, ok := p.sideRatio(all, "vale"); ok {
		v := p.sides["vale"].best()
		t.row("real job postings: against Vale with one existence rule over the same words",
			fmt.Sprintf("**%.2f ×** its docs/s (Vale %.0f docs/s, best of %d)", r, float64(p.sides["vale"].docs)/v.wall.Seconds(), len(p.sides["vale"].runs)), "≥ 5 ×", yes(r >= 5), sl)
	}
}
