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

func TestCreatedAt(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	if got, err := CreatedAt(); err != nil || got != "2026-01-01T00:00:00Z" {
		t.Errorf("CreatedAt() = %q, %v; want 2026-01-01T00:00:00Z", got, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	if _, err := CreatedAt(); err == nil || err.Error() != `SOURCE_DATE_EPOCH="soon" is not a number of seconds` {
		t.Errorf("CreatedAt() with a bad SOURCE_DATE_EPOCH: err %v", err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	if got, err := CreatedAt(); err != nil || len(got) != len("2026-01-01T00:00:00Z") {
		t.Errorf("CreatedAt() without SOURCE_DATE_EPOCH = %q, %v", got, err)
	}
}
