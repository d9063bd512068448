package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// Load benchmark shape: requests in all, and how many at once.
const (
	loadRequests    = 2000
	loadConcurrency = 16
)

// BenchmarkLoad serves on loopback and sends loadRequests requests,
// loadConcurrency at a time, alternating /api/v1/score and /api/v1/check
// with the 5 KB ad of testdata/ads. Every answer must be 200. It reports
// the throughput and the p50 and p99 latency of a request. Run it with
// -benchtime 1x: one operation is the whole load.
func BenchmarkLoad(b *testing.B) {
	ad, err := os.ReadFile(filepath.Join("..", "testdata", "ads", "team-lead.md"))
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(Request{Text: string(ad), Name: "jobs/team-lead.md"})
	s := newTestServer(b, Options{})
	ln, _, err := Listen("127.0.0.1:0", false)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, s) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			b.Error(err)
		}
	}()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadConcurrency}, Timeout: 30 * time.Second}
	base := "http://" + ln.Addr().String()
	targets := []string{base + "/api/v1/score", base + "/api/v1/check"}

	var all []time.Duration
	var elapsed time.Duration
	b.ResetTimer()
	for range b.N {
		times := make([]time.Duration, loadRequests)
		next := make(chan int)
		errs := make(chan error, loadConcurrency)
		var wg sync.WaitGroup
		start := time.Now()
		for range loadConcurrency {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					t0 := time.Now()
					res, err := client.Post(targets[i%2], "application/json", bytes.NewReader(body))
					if err == nil {
						_, err = io.Copy(io.Discard, res.Body)
						res.Body.Close()
						if res.StatusCode != http.StatusOK {
							err = &statusError{res.StatusCode}
						}
					}
					if err != nil {
						errs <- err
						return
					}
					times[i] = time.Since(t0)
				}
			}()
		}
		for i := range loadRequests {
			next <- i
		}
		close(next)
		wg.Wait()
		elapsed += time.Since(start)
		close(errs)
		if err := <-errs; err != nil {
			b.Fatalf("a request failed: %v", err)
		}
		all = append(all, times...)
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
}

type statusError struct{ code int }

func (e *statusError) Error() string { return http.StatusText(e.code) }
