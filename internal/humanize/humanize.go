// Package humanize writes numbers for people to read: counts with thousands
// separators, nouns in the plural, and sizes in binary units. Messages,
// summaries and the report all use it, so a size or a count reads the same
// everywhere.
package humanize

import (
	"fmt"
	"strconv"
)

// Thousands writes n with commas between groups of three digits: 1,204.
func Thousands[T ~int | ~int32 | ~int64](n T) string {
	s := strconv.FormatInt(int64(n), 10)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// Count is n and a noun, in the plural unless n is 1: "1 error", "2,000 errors".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Thousands(n) + " " + noun + "s"
}

// Bytes writes a size in binary units with one decimal, as in "6.1 KiB",
// "64.0 MiB" or "1.5 GiB"; below 1 KiB it is "1000 bytes".
func Bytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
