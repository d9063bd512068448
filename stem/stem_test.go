package stem

import (
	"slices"
	"testing"
)

func TestStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"inspiring", "inspir"},
		{"inspires", "inspir"},
		{"took", "take"},   // irregular: mapped to its base first
		{"built", "build"}, // irregular
		{"left", "left"},   // a past form with another sense: not mapped
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if !IsIrregular("took") || IsIrregular("take") {
		t.Error("IsIrregular: want took yes, take no")
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		term string
		want []string
	}{
		{"Set the Vision", []string{"set", "the", "vision"}},
		{"long-term  day–to–day", []string{"long", "term", "day", "to", "day"}},
		{"and/or don’t", []string{"and", "or", "don't"}},
	}
	for _, tt := range tests {
		if got := Words(tt.term); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.term, got, tt.want)
		}
	}
}
