package norms

import (
	"math"

	"github.com/leadlex/leadlex/results"
)

// Values returns the metrics of one scored row: leadership_per_1k,
// management_per_1k, balance (NaN when null) and each dimension's hits per
// 1,000 scored words, as "<dimension>.leadership_per_1k" and
// "<dimension>.management_per_1k".
func Values(r *results.Result) map[string]float64 {
	out := map[string]float64{
		LeadershipPer1k: r.LeadershipPer1k,
		ManagementPer1k: r.ManagementPer1k,
		Balance:         math.NaN(),
	}
	if r.Balance != nil {
		out[Balance] = *r.Balance
	}
	words := float64(r.ScoredWords)
	for _, d := range r.Dimensions {
		lead, mgmt := 0.0, 0.0
		if words > 0 {
			lead, mgmt = d.Leadership*1000/words, d.Management*1000/words
		}
		out[d.Name+"."+LeadershipPer1k] = lead
		out[d.Name+"."+ManagementPer1k] = mgmt
	}
	return out
}

// Write counts a scored row into the builder; rows that were skipped or
// failed are left out. It makes a Builder a sink for pipeline.Run.
func (b *Builder) Write(r *results.Result) error {
	if r.Status == results.StatusOK {
		b.Add(Values(r))
	}
	return nil
}
