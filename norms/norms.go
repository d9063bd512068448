// Package norms turns scores into percentiles of a genre: a norms file
// holds, for one genre of documents (job posts, general business prose),
// the percentiles of leadership_per_1k, management_per_1k, balance and of
// each dimension's hits per 1,000 words, computed from a corpus by
// `leadlex norms build`. Only these statistics are kept, never text. Two
// norms ship embedded: job-posts and general (see their descriptions).
package norms

import (
	"bytes"
	"embed"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/leadlex/leadlex/internal/yamlfile"
)

// The metrics every norms file has; dimensions add
// "<dimension>.leadership_per_1k" and "<dimension>.management_per_1k".
const (
	LeadershipPer1k = "leadership_per_1k"
	ManagementPer1k = "management_per_1k"
	Balance         = "balance"
)

// Points is how many quantiles a metric keeps: the 0th to the 100th percentile.
const Points = 101

// Norms are the percentiles of one genre's scores.
type Norms struct {
	Name        string               `yaml:"name"`
	Description string               `yaml:"description"`
	Lexicon     string               `yaml:"lexicon"`   // name, version and hash of the lexicon scored with
	Documents   int                  `yaml:"documents"` // documents scored
	Metrics     map[string][]float64 `yaml:"metrics"`   // metric -> Points quantiles, ascending
}

// Percentile returns the share (0 to 100) of the genre's documents whose
// value of metric is at or below v, interpolated between the stored
// quantiles, and false when the norms do not have the metric.
func (n *Norms) Percentile(metric string, v float64) (float64, bool) {
	q, ok := n.Metrics[metric]
	if !ok || len(q) < 2 || math.IsNaN(v) {
		return 0, false
	}
	step := 100 / float64(len(q)-1)
	switch {
	case v < q[0]:
		return 0, true
	case v >= q[len(q)-1]:
		return 100, true
	}
	// The last quantile at or below v, then the run of equal quantiles it
	// ends (ties: a value shared by many documents gets the top of its run).
	i := sort.Search(len(q), func(i int) bool { return q[i] > v }) - 1
	lo, hi := q[i], q[i+1]
	frac := 0.0
	if hi > lo {
		frac = (v - lo) / (hi - lo)
	}
	return round2((float64(i) + frac) * step), true
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// Builder collects the values of a corpus and computes its norms.
type Builder struct {
	values map[string][]float64
	docs   int
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder { return &Builder{values: map[string][]float64{}} }

// Add counts one document's values; a NaN value (no balance) is left out
// of that metric only.
func (b *Builder) Add(values map[string]float64) {
	b.docs++
	for k, v := range values {
		if !math.IsNaN(v) {
			b.values[k] = append(b.values[k], v)
		}
	}
}

// Norms computes the quantiles of every metric seen (type 7, the linear
// interpolation R and NumPy use by default).
func (b *Builder) Norms(name, description, lexicon string) (*Norms, error) {
	if b.docs == 0 {
		return nil, fmt.Errorf("norms %s: no document was scored", name)
	}
	n := &Norms{Name: name, Description: description, Lexicon: lexicon, Documents: b.docs, Metrics: map[string][]float64{}}
	for k, vs := range b.values {
		vs = slices.Clone(vs)
		slices.Sort(vs)
		q := make([]float64, Points)
		for p := range q {
			h := float64(len(vs)-1) * float64(p) / float64(Points-1)
			lo := int(math.Floor(h))
			hi := min(lo+1, len(vs)-1)
			q[p] = round6(vs[lo] + (h-float64(lo))*(vs[hi]-vs[lo]))
		}
		n.Metrics[k] = q
	}
	return n, nil
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// Write encodes the norms as YAML, one metric a line.
func (n *Norms) Write() ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# leadlex norms (leadlex norms build): the 0th to 100th percentiles of each\n# metric over %d documents; statistics only, no text.\n", n.Documents)
	head, err := yaml.Marshal(struct {
		Name        string `yaml:"name"`
		Description string `yaml:"description"`
		Lexicon     string `yaml:"lexicon"`
		Documents   int    `yaml:"documents"`
	}{n.Name, n.Description, n.Lexicon, n.Documents})
	if err != nil {
		return nil, fmt.Errorf("encode norms: %w", err)
	}
	buf.Write(head)
	buf.WriteString("metrics:\n")
	keys := make([]string, 0, len(n.Metrics))
	for k := range n.Metrics {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&buf, "  %s: [", k)
		for i, v := range n.Metrics[k] {
			if i > 0 {
				buf.WriteString(", ")
			}
			buf.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
		buf.WriteString("]\n")
	}
	return buf.Bytes(), nil
}

// Parse reads a norms file strictly (unknown keys, aliases and values of
// the wrong kind are errors with their line) and checks it.
func Parse(name string, data []byte) (*Norms, error) {
	f := yamlfile.File{Name: name}
	root, err := f.Document(data, "norms with name, documents and metrics")
	if err != nil {
		return nil, err
	}
	var n Norms
	decode := func(dst any) func(*yamlfile.Node) error {
		return func(v *yamlfile.Node) error {
			if err := v.Decode(dst); err != nil {
				return f.Errorf(v, "%v", err)
			}
			return nil
		}
	}
	err = f.Fields(root, "norms", yamlfile.Handlers{
		"name": decode(&n.Name), "description": decode(&n.Description),
		"lexicon": decode(&n.Lexicon), "documents": decode(&n.Documents),
		"metrics": decode(&n.Metrics),
	})
	if err != nil {
		return nil, err
	}
	if n.Name == "" {
		return nil, f.Errorf(root, "missing name")
	}
	for _, m := range []string{LeadershipPer1k, ManagementPer1k, Balance} {
		if _, ok := n.Metrics[m]; !ok {
			return nil, f.Errorf(root, "no %s percentiles", m)
		}
	}
	for k, q := range n.Metrics {
		if len(q) < 2 || !slices.IsSorted(q) {
			return nil, f.Errorf(root, "metric %s: want at least 2 ascending quantiles", k)
		}
	}
	return &n, nil
}

//go:embed *.yaml
var embedded embed.FS

// Names lists the embedded norms.
func Names() []string {
	entries, _ := embedded.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return out
}

// Load returns the embedded norms called name, or reads a norms file.
func Load(name string) (*Norms, error) {
	if data, err := embedded.ReadFile(name + ".yaml"); err == nil {
		return Parse(name, data)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("norms %q is neither built in (%s) nor a readable file: %w", name, strings.Join(Names(), ", "), err)
	}
	return Parse(name, data)
}
