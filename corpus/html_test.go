package corpus

import (
	"context"
	"strings"
	"testing"
)

func TestExtractHTML(t *testing.T) {
	runExtractCases(t, extractHTML, []extractCase{
		{
			name: "visible text with script and style",
			src: `<!DOCTYPE html>
<html><head><title>Careers at Example</title>
<meta charset="utf-8">
<style>body { font-family: serif; } .budget { color: red }</style>
<script>var plan = "budget process control";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/jobs">Jobs</a></nav>
<h1>Head of   Operations</h1>
<p>You will <b>shape</b> the
   long-term vision &amp; inspire the team.<br>You also keep the budget.</p>
<ul><li>Coach leads</li><li>Plan&nbsp;quarters</li></ul>
<noscript>Please enable JavaScript.</noscript>
<template><p>hidden template</p></template>
<div hidden>Not shown <span>at all</span>.</div>
<p style="display: none">Invisible paragraph.</p>
<table><tr><td>Location</td><td>Berlin</td></tr></table>
<pre>line one
  line two</pre>
<img alt="a picture" src="x.png">Caption<!-- a comment -->
</body></html>`,
			want: "Home | Jobs\n\nHead of Operations\n\n" +
				"You will shape the long-term vision & inspire the team.\nYou also keep the budget.\n\n" +
				"Coach leads\n\nPlan quarters\n\n" +
				"Location\n\nBerlin\n\n" +
				"line one\nline two\n\nCaption",
		},
		{
			name: "malformed",
			src:  "<p>Open paragraph <b>bold <i>both</p><div>after</div><script>never closed",
			want: "Open paragraph bold both\n\nafter",
		},
		{
			name: "nested hidden elements of the same name",
			src:  "<div hidden><div>inner</div> still hidden</div><div>shown</div>",
			want: "shown",
		},
		{
			name: "hidden elements whose end tag may be left out",
			src:  "<ul><li hidden>gone<li>kept</ul><p hidden>gone too<p>kept too</p><table><tr><td hidden>x<td>cell</table>",
			want: "kept\n\nkept too\n\ncell",
		},
		{
			name: "plain text",
			src:  "no tags at all",
			want: "no tags at all",
		},
	})
}

func TestHTMLCharset(t *testing.T) {
	tests := []struct {
		head, want string
	}{
		{`<meta charset="windows-1252">`, "windows-1252"},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1">`, "windows-1252"},
		{`<meta charset="shift_jis"><p>x`, "shift_jis"},
		{`<meta charset="utf-8">`, ""},
		{`<meta charset="utf-16">`, ""},
		{`<meta charset="no-such-thing">`, ""},
		{`<body><meta charset="windows-1252">`, ""},
		{`<p>no meta</p>`, ""},
	}
	for _, tc := range tests {
		d, ok := htmlCharset([]byte(tc.head))
		if got := d.name; got != tc.want || ok != (tc.want != "") {
			t.Errorf("htmlCharset(%s) = %q, %v; want %q", tc.head, got, ok, tc.want)
		}
	}
}

// TestReadHTMLDeclaredCharset reads a file that is not UTF-8 but says
// what it is, and one whose declaration --encoding overrides.
func TestReadHTMLDeclaredCharset(t *testing.T) {
	root := tree(t, map[string]string{
		"declared.html":  "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93quotes\x94</p></body></html>",
		"undeclared.htm": "<p>Caf\xe9</p>",
	})
	got := map[string]Doc{}
	for d := range Walk(context.Background(), []string{root}, Options{}) {
		got[d.ID] = d
	}
	if d := got["declared.html"]; d.Status != OK || d.Text != "Café “quotes”" || d.Format != "html" {
		t.Errorf("declared.html: %+v", d)
	}
	if d := got["undeclared.htm"]; d.Status != Failed || !strings.HasPrefix(d.Reason, "not valid UTF-8: byte 0xE9 at offset 6") {
		t.Errorf("undeclared.htm: %+v", d)
	}
	for d := range Walk(context.Background(), []string{root}, Options{Encoding: "latin1"}) {
		if d.ID == "undeclared.htm" && d.Text != "Café" {
			t.Errorf("with --encoding latin1: %+v", d)
		}
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("<html><head><style>x{}</style><script>y()</script></head><body><p>Hello <b>world</b></p></body></html>")
	f.Add("<div hidden><div>a</div></div><template><p>b</p></template><pre>c\n d</pre><br/>&amp;&#x41;")
	f.Add("<p>unclosed <svg><text>t</text><math>")
	f.Fuzz(func(t *testing.T, src string) {
		checkExtracted(t, src, extractHTML(src))
		checkPositions(t, src, extractHTMLSpans)
		htmlCharset([]byte(src))
	})
}
