package check

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// githubCommands are the workflow commands of the severities.
var githubCommands = severityScale{info: "notice", warning: "warning", error: "error"}

// WriteGitHub writes GitHub Actions workflow commands, one per finding,
// which GitHub shows as annotations on the pull request's changed lines:
//
//	::error file=jobs/a.md,line=3,col=5,endLine=3,endColumn=16,title=leadlex flag/micromanage::message
//
// Info findings become notices. Values are escaped as GitHub's runner
// expects: %, CR and LF everywhere, and also : and , in properties.
func WriteGitHub(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for i := range r.Findings {
		f := &r.Findings[i]
		cmd := githubCommands.of(f.Severity)
		props := []string{
			"file=" + escapeProperty(f.File),
			fmt.Sprintf("line=%d", f.Line),
			fmt.Sprintf("col=%d", f.Column),
		}
		if !f.DocumentLevel() {
			props = append(props, fmt.Sprintf("endLine=%d", f.EndLine), fmt.Sprintf("endColumn=%d", f.EndColumn))
		}
		props = append(props, "title="+escapeProperty(r.Tool.Name+" "+f.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(f.where(f.Summary())))
	}
	return bw.Flush()
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
