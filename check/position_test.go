package check

import (
	"strings"
	"testing"
)

func TestLineIndexPosition(t *testing.T) {
	text := "ab\r\ncafé ☕ x\r\n\r\nlast\rold-mac\nend"
	x := newLineIndex(text)
	tests := []struct {
		at   string // the position of the first occurrence of at
		want Position
	}{
		{"ab", Position{1, 1}},
		{"\r\ncafé", Position{1, 3}}, // the CR ends line 1 at column 3
		{"café", Position{2, 1}},
		{"☕", Position{2, 6}},   // é is one column though two bytes
		{"x\r", Position{2, 8}}, // ☕ is one column though three bytes
		{"\r\n\r\n", Position{2, 9}},
		{"last", Position{4, 1}},
		{"old-mac", Position{5, 1}}, // a lone CR ends a line too
		{"end", Position{6, 1}},
	}
	for _, tt := range tests {
		off := strings.Index(text, tt.at)
		if got := x.position(off); got != tt.want {
			t.Errorf("position of %q (byte %d) = %+v, want %+v", tt.at, off, got, tt.want)
		}
	}
	// The "\n" of a "\r\n" is on the same column as its CR.
	if got := x.position(strings.Index(text, "\n")); got != (Position{1, 3}) {
		t.Errorf("LF of CRLF: %+v, want 1:3", got)
	}
	// Inside a multi-byte character: that character's column.
	if got := x.position(strings.Index(text, "☕") + 1); got != (Position{2, 6}) {
		t.Errorf("inside ☕: %+v, want 2:6", got)
	}
	if got := x.position(len(text) + 10); got != (Position{6, 4}) {
		t.Errorf("past the end: %+v, want 6:4", got)
	}
}

func TestSourceMapExtractedText(t *testing.T) {
	raw := "<html><head><title>Job</title><style>p{}</style></head>\n<body>\n<h1>Shift &amp; lead</h1>\n<p>Please <b>micromanage</b> the crème\n  rota.</p></body></html>"
	text := "Job\nShift & lead\nPlease micromanage the crème rota."
	m := newSourceMap(text, []byte(raw))
	tests := []struct {
		word string
		want Position
	}{
		{"Job", Position{1, 20}},
		{"Shift", Position{3, 5}},
		{"micromanage", Position{4, 14}},
		{"crème", Position{4, 34}},
		{"rota", Position{5, 3}},
	}
	for _, tt := range tests {
		if got := m.position(strings.Index(text, tt.word)); got != tt.want {
			t.Errorf("%s at %+v, want %+v", tt.word, got, tt.want)
		}
	}
	end := strings.Index(text, "micromanage") + len("micromanage")
	if got := m.position(end); got != (Position{4, 25}) {
		t.Errorf("end of micromanage at %+v, want 4:25", got)
	}
}

func TestSourceMapSameTextIsIdentity(t *testing.T) {
	text := "one\r\ntwo"
	for _, raw := range [][]byte{nil, []byte(text), []byte("\uFEFF" + text), {0xff, 0xfe, 'o', 0}} {
		m := newSourceMap(text, raw)
		if m.anchors != nil {
			t.Errorf("raw %q: want identity mapping", raw)
		}
		if got := m.position(5); got != (Position{2, 1}) {
			t.Errorf("raw %q: %+v, want 2:1", raw, got)
		}
	}
}
