// Package printable makes text from files (names, messages, documents)
// safe to print on a terminal: a character that would end a line, move the
// cursor, change colours or reorder text is shown as an escape, so that a
// crafted file name cannot forge a line of output.
package printable

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Line returns s with every control character (C0, DEL, C1), Unicode line
// and paragraph separator, bidirectional formatting character and invalid
// byte written as a Go escape (\n, \t, \x1b, \u202e, \xff), so that it
// prints as one line of what it says.
func Line(s string) string { return escape(s, false) }

// Text is Line for text shown as it is written: line breaks and tabs stay.
func Text(s string) string { return escape(s, true) }

func escape(s string, keepLines bool) string {
	i := strings.IndexFunc(s, func(r rune) bool { return unsafe(r, keepLines) })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !unsafe(r, keepLines) || r == utf8.RuneError:
			b.WriteString(s[i : i+size]) // a real U+FFFD prints as itself
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

// unsafe reports whether r is to be escaped.
func unsafe(r rune, keepLines bool) bool {
	switch {
	case keepLines && (r == '\n' || r == '\t'):
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return true
	case r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x061c:
		return true // bidirectional formatting
	case r == utf8.RuneError:
		return true // checked for an invalid byte when escaping
	}
	return false
}
