package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
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

func TestPositionsOfExtractedHTML(t *testing.T) {
	raw := "<html><head><title>Job</title><style>p{}</style></head>\n<body>\n<h1>Shift &amp; lead</h1>\n<p>Please <b>micromanage</b> the crème\n  rota.</p></body></html>"
	var spans spanMap
	text := extractHTMLSpans(raw, &spans)
	if want := "Shift & lead\n\nPlease micromanage the crème rota."; text != want {
		t.Fatalf("text %q, want %q", text, want)
	}
	p := &Positions{lines: newLineIndex(raw), spans: spans}
	tests := []struct {
		word string
		want Position
	}{
		{"Shift", Position{3, 5}},
		{"&", Position{3, 11}}, // the decoded entity stands where its reference begins
		{"lead", Position{3, 17}},
		{"micromanage", Position{4, 14}},
		{"crème", Position{4, 34}},
		{"rota", Position{5, 3}},
	}
	for _, tt := range tests {
		if got := p.At(strings.Index(text, tt.word)); got != tt.want {
			t.Errorf("%s at %+v, want %+v", tt.word, got, tt.want)
		}
	}
	end := strings.Index(text, "micromanage") + len("micromanage")
	if got := p.At(end); got != (Position{4, 25}) {
		t.Errorf("end of micromanage at %+v, want 4:25", got)
	}
}

func TestIdentityPositions(t *testing.T) {
	p := TextPositions("one\r\ntwo")
	if got := p.At(5); got != (Position{2, 1}) {
		t.Errorf("%+v, want 2:1", got)
	}
}

// checkPositions extracts src keeping positions and asserts that the text
// is the one extracted without them and that each word of it maps to the
// same word in src: the letters and digits from the word's mapped start
// to its mapped end are the word's, in any case, or (markup inside the word,
// as in "lead<b>er</b>") the source span begins with the word's first
// character and ends with its last. Words made of character references or
// escapes (an "&" or "\" in or just before the source span) are passed
// over: they stand where the search for them stood.
func checkPositions(t *testing.T, src string, extract extractFunc) {
	t.Helper()
	if !utf8.ValidString(src) {
		return // the readers decode to UTF-8 before extracting
	}
	var spans spanMap
	text := extract(src, &spans)
	if plain := extract(src, nil); text != plain {
		t.Fatalf("text with positions %q differs from %q", text, plain)
	}
	p := &Positions{lines: newLineIndex(src), spans: spans}
	for off := 0; off < len(text); {
		start, end := nextLetters(text, off)
		if start < 0 {
			break
		}
		off = end
		s, e := p.Offset(start), p.EndOffset(end)
		if s < 0 || e < s || e > len(src) {
			t.Fatalf("word %q at %d-%d maps to %d-%d of %d bytes", text[start:end], start, end, s, e, len(src))
		}
		if strings.ContainsAny(src[max(0, s-32):e], "&\\") {
			continue
		}
		word := text[start:end]
		first, _ := utf8.DecodeRuneInString(word)
		last, _ := utf8.DecodeLastRuneInString(word)
		if strings.EqualFold(letters(src[s:e]), letters(word)) || hasPrefixFold(src[s:e], string(first)) && hasSuffixFold(src[s:e], string(last)) {
			continue
		}
		if got, want := letters(src[s:e]), letters(word); !strings.EqualFold(got, want) {
			t.Fatalf("word %q at text %d maps to %q at source %d (%+v)", want, start, src[s:e], s, p.At(start))
		}
	}
}

// letters returns the letters and digits of s.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if isLetterOrDigit(r) {
			return r
		}
		return -1
	}, s)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
