package pipeline

import (
	"strconv"
	"strings"
)

// StatusLine counts results by status for a person to read, as in
// "1,204 documents: 1,190 scored, 9 skipped, 1 error".
func StatusLine(byStatus map[string]int) string {
	ok, skipped, failed := byStatus[StatusOK], byStatus[StatusSkipped], byStatus[StatusError]
	return Count(ok+skipped+failed, "document") + ": " + Thousands(ok) + " scored, " +
		Thousands(skipped) + " skipped, " + Count(failed, "error")
}

// Count is n and a noun, in the plural unless n is 1: "1 error", "2,000 errors".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Thousands(n) + " " + noun + "s"
}

// Thousands writes n with commas between groups of three digits: 1,204.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
