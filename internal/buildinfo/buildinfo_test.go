package buildinfo

import "testing"

func TestVersion(t *testing.T) {
	if got := Version("v1.2.3"); got != "v1.2.3" {
		t.Errorf("Version(v1.2.3) = %q", got)
	}
	// A test binary has no module version in its build info.
	if got := Version(""); got != "dev" {
		t.Errorf(`Version("") = %q, want dev`, got)
	}
}
