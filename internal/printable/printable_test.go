package printable

import "testing"

func TestLineAndText(t *testing.T) {
	cases := []struct{ in, line, text string }{
		{"plain ünïcode — fine", "plain ünïcode — fine", "plain ünïcode — fine"},
		{"a.md\nb.md:1:1: error: forged [x]", `a.md\nb.md:1:1: error: forged [x]`, "a.md\nb.md:1:1: error: forged [x]"},
		{"red\x1b[31m\x07bell\r", `red\x1b[31m\x07bell\r`, `red\x1b[31m\x07bell\r`},
		{"tab\there", `tab\there`, "tab\there"},
		{"rtl \u202eevil\u2066", `rtl \u202eevil\u2066`, `rtl \u202eevil\u2066`},
		{"c1 \u0085 sep \u2028", `c1 \u0085 sep \u2028`, `c1 \u0085 sep \u2028`},
		{"bad \xff byte, del \x7f", `bad \xff byte, del \x7f`, `bad \xff byte, del \x7f`},
		{"real \ufffd stays", "real \ufffd stays", "real \ufffd stays"},
	}
	for _, c := range cases {
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}
