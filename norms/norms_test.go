package norms

import (
	"math"
	"strings"
	"testing"

	"github.com/leadlex/leadlex/results"
)

func TestBuildAndPercentile(t *testing.T) {
	b := NewBuilder()
	for i := 0; i <= 100; i++ { // values 0..100: quantile p is p
		bal := math.NaN()
		if i%2 == 0 {
			bal = float64(i)/50 - 1 // -1 .. 1 on even i
		}
		b.Add(map[string]float64{LeadershipPer1k: float64(i), ManagementPer1k: 100 - float64(i), Balance: bal})
	}
	n, err := b.Norms("test", "values 0..100", "lex")
	if err != nil {
		t.Fatal(err)
	}
	if n.Documents != 101 || len(n.Metrics[LeadershipPer1k]) != Points || n.Metrics[LeadershipPer1k][37] != 37 {
		t.Fatalf("norms %+v", n)
	}
	cases := []struct {
		metric  string
		v, want float64
	}{
		{LeadershipPer1k, 37, 37}, {LeadershipPer1k, 37.5, 37.5}, {LeadershipPer1k, -1, 0}, {LeadershipPer1k, 1000, 100},
		{Balance, 0, 50}, {Balance, -1, 0}, {Balance, 1, 100},
	}
	for _, c := range cases {
		if got, ok := n.Percentile(c.metric, c.v); !ok || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Percentile(%s, %g) = %g, %v; want %g", c.metric, c.v, got, ok, c.want)
		}
	}
	if _, ok := n.Percentile("vision.leadership_per_1k", 1); ok {
		t.Error("a metric the norms lack has no percentile")
	}
	// Round trip through the file format.
	data, err := n.Write()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("test.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := back.Percentile(LeadershipPer1k, 37); got != 37 || back.Name != "test" || back.Documents != 101 {
		t.Errorf("round trip: %+v", back)
	}
	if strings.Contains(string(data), "values 0..100\n") == false {
		t.Errorf("description lost:\n%s", data)
	}
}

func TestTiesTakeTheTopOfTheirRun(t *testing.T) {
	// Many documents share the value 0: it stands at the top of their run.
	n := &Norms{Metrics: map[string][]float64{LeadershipPer1k: {0, 0, 0, 0.5, 1}}}
	if got, _ := n.Percentile(LeadershipPer1k, 0); got != 50 {
		t.Errorf("Percentile(0) = %g, want 50 (the top of the run of zeros)", got)
	}
}

func TestEmbeddedNormsLoad(t *testing.T) {
	for _, name := range []string{"job-posts", "general"} {
		n, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n.Documents < 30 || n.Description == "" || len(n.Metrics) < 3+2*8 {
			t.Errorf("%s: %d documents, %d metrics, description %q", name, n.Documents, len(n.Metrics), n.Description)
		}
	}
	if _, err := Load("no-such-norms"); err == nil || !strings.Contains(err.Error(), "job-posts") {
		t.Errorf("an unknown name should list the built-in norms: %v", err)
	}
}

func TestParseRejects(t *testing.T) {
	for _, bad := range []string{
		"",
		"name: x\nmetrics: {balance: [0, 1]}\n", // no per-1k metrics
		"name: x\nmetrics: {balance: [1, 0], leadership_per_1k: [0, 1], management_per_1k: [0, 1]}\n", // not ascending
		"name: x\ncolour: red\nmetrics: {balance: [0, 1], leadership_per_1k: [0, 1], management_per_1k: [0, 1]}\n",
	} {
		if _, err := Parse("bad.yaml", []byte(bad)); err == nil {
			t.Errorf("Parse(%q) should fail", bad)
		}
	}
}

func TestValuesAndSink(t *testing.T) {
	bal := 0.5
	r := &results.Result{Status: results.StatusOK, LeadershipPer1k: 12, ManagementPer1k: 4, Balance: &bal, ScoredWords: 500,
		Dimensions: []results.DimensionScore{{Name: "vision", Leadership: 2, Management: 1}}}
	v := Values(r)
	if v[Balance] != 0.5 || v["vision.leadership_per_1k"] != 4 || v["vision.management_per_1k"] != 2 {
		t.Errorf("Values = %v", v)
	}
	b := NewBuilder()
	_ = b.Write(r)
	_ = b.Write(&results.Result{Status: results.StatusSkipped})
	if b.docs != 1 {
		t.Errorf("skipped rows should not count: %d documents", b.docs)
	}
}

// FuzzParse: a norms file of any bytes is read or refused, never a panic,
// and what is read has ascending quantiles that Percentile can use.
func FuzzParse(f *testing.F) {
	f.Add([]byte("name: x\nmetrics: {balance: [-1, 1], leadership_per_1k: [0, 5], management_per_1k: [0, 5]}\n"))
	f.Add([]byte("name: x\nmetrics: {balance: [1, 0]}\n"))
	f.Add([]byte("a: &x [1]\nb: *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		for k := range n.Metrics {
			if p, ok := n.Percentile(k, 0); ok && (p < 0 || p > 100) {
				t.Fatalf("percentile %g out of range", p)
			}
		}
	})
}
