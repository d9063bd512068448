package pipeline

import (
	"errors"
	"math"
	"testing"
)

func TestLabelOptionsValidateNamesTheField(t *testing.T) {
	tests := []struct {
		opt  LabelOptions
		want string
	}{
		{LabelOptions{MinHits: -1}, "MinHits must be 0 or more, got -1"},
		{LabelOptions{MinHits: math.NaN()}, "MinHits must be 0 or more, got NaN"},
		{LabelOptions{Margin: 1}, "Margin must be in [0, 1), got 1"},
		{LabelOptions{TopTerms: -2}, "TopTerms must be 0 or more, got -2"},
	}
	for _, tt := range tests {
		err := tt.opt.Validate()
		var oe *OptionError
		if !errors.As(err, &oe) || err.Error() != tt.want {
			t.Errorf("Validate(%+v) = %v, want the *OptionError %q", tt.opt, err, tt.want)
		}
	}
	if err := DefaultLabels.Validate(); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}
}
