package check

import "testing"

func TestSeverityScale(t *testing.T) {
	tests := []struct {
		scale severityScale
		want  [4]string // Off, Info, Warning, Error
	}{
		{sarifLevels, [4]string{"note", "note", "warning", "error"}},
		{codeQualitySeverities, [4]string{"info", "info", "minor", "major"}},
		{githubCommands, [4]string{"notice", "notice", "warning", "error"}},
		{severityColors, [4]string{ansiBlue, ansiBlue, ansiYellow, ansiRed + ansiBold}},
	}
	for _, tt := range tests {
		for s := Off; s <= Error; s++ {
			if got := tt.scale.of(s); got != tt.want[s] {
				t.Errorf("%+v.of(%v) = %q, want %q", tt.scale, s, got, tt.want[s])
			}
		}
	}
}
