package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium returns the path of a headless-capable Chromium, or skips the
// test when there is none.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("Chromium is not installed, so the report is not checked in a browser; `make chromium` installs it (apt-get install chromium)")
	return ""
}

// runChromium loads page in headless Chromium with extra flags (a
// screenshot or a DOM dump) and returns its stdout.
func runChromium(t *testing.T, bin, page string, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(), "--window-size=1280,2000",
	}
	args = append(append(args, extra...), "file://"+page)
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return stdout.Bytes()
}

// colour counts the pixels of img within a small distance of (r, g, b).
func colour(img image.Image, r, g, b int) int {
	n := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if abs(int(pr>>8)-r) < 16 && abs(int(pg>>8)-g) < 16 && abs(int(pb>>8)-b) < 16 {
				n++
			}
		}
	}
	return n
}

func abs(x int) int { return max(x, -x) }

// TestReportInChromium writes the report of the bundled corpus, loads it
// in headless Chromium, and checks that the charts are in the DOM after
// load and were painted: the screenshot holds many pixels of the
// leadership and of the management colour. Set LEADLEX_SCREENSHOTS to a
// folder to keep the screenshots.
func TestReportInChromium(t *testing.T) {
	bin := chromium(t)
	results := scoreCorpus(t)
	for _, by := range []string{"", "folder:1"} {
		t.Run("by="+by, func(t *testing.T) {
			rep, err := Read(results, Options{By: by})
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			page := filepath.Join(dir, "report.html")
			var buf bytes.Buffer
			if err := rep.WriteHTML(&buf); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}

			dom := string(runChromium(t, bin, page, "--dump-dom"))
			charts := regexp.MustCompile(`<svg class="chart" data-chart="(\w+)"`).FindAllStringSubmatch(dom, -1)
			kinds := map[string]int{}
			for _, m := range charts {
				kinds[m[1]]++
			}
			if kinds["labels"] != 1 || kinds["dimensions"] != 1 || kinds["balance"] != len(rep.Groups) || kinds["terms"] != 2*len(rep.Groups) {
				t.Errorf("charts in the loaded DOM: %v for %d groups", kinds, len(rep.Groups))
			}
			if rects, want := strings.Count(dom, "<rect "), strings.Count(buf.String(), "<rect "); rects != want || rects < 50 {
				t.Errorf("%d bars in the loaded DOM, %d in the page", rects, want)
			}

			shot := filepath.Join(dir, "report.png")
			runChromium(t, bin, page, "--screenshot="+shot)
			data, err := os.ReadFile(shot)
			if err != nil {
				t.Fatalf("no screenshot: %v", err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 2000 {
				t.Errorf("screenshot is %v", b)
			}
			lead, mgmt := colour(img, 0x25, 0x63, 0xa8), colour(img, 0xd9, 0x71, 0x1c)
			t.Logf("screenshot %d bytes: %d leadership-blue and %d management-orange pixels", len(data), lead, mgmt)
			if lead < 5000 || mgmt < 5000 {
				t.Errorf("the charts did not paint: %d leadership and %d management pixels", lead, mgmt)
			}
			if keep := os.Getenv("LEADLEX_SCREENSHOTS"); keep != "" {
				name := "report.png"
				if by != "" {
					name = "report-by-" + strings.ReplaceAll(by, ":", "") + ".png"
				}
				if err := os.WriteFile(filepath.Join(keep, name), data, 0o644); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
