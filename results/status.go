package results

import "github.com/leadlex/leadlex/internal/humanize"

// StatusLine counts rows by status for a person to read, as in
// "1,204 documents: 1,190 scored, 9 skipped, 1 error".
func StatusLine(byStatus map[string]int) string {
	ok, skipped, failed := byStatus[StatusOK], byStatus[StatusSkipped], byStatus[StatusError]
	return humanize.Count(ok+skipped+failed, "document") + ": " + humanize.Thousands(ok) + " scored, " +
		humanize.Thousands(skipped) + " skipped, " + humanize.Count(failed, "error")
}
