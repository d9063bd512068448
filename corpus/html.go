package corpus

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"
)

var htmlText = textFormat{extract: extractHTMLSpans, declared: htmlCharset}

// hiddenContent are elements whose content a browser does not show as
// text. script, style, noscript, title, textarea and iframe hold raw text
// (one token); the others may nest and are skipped up to their end tag.
var hiddenContent = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Title: true, atom.Textarea: true, atom.Iframe: true, atom.Noembed: true,
	atom.Noframes: true, atom.Svg: true, atom.Math: true, atom.Object: true,
	atom.Canvas: true, atom.Select: true, atom.Datalist: true,
}

// blockElements end a line of text before and after them.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Legend: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Td: true, atom.Th: true, atom.Tr: true, atom.Ul: true,
	atom.Menu: true, atom.Center: true,
}

// optionalEnd are elements whose end tag may be left out: a hidden one
// ends at its end tag or at the start of the next block element.
var optionalEnd = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dd: true, atom.Dt: true, atom.Option: true,
	atom.Optgroup: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Thead: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Colgroup: true, atom.Caption: true,
	atom.Rb: true, atom.Rt: true, atom.Rp: true,
}

// extractHTML returns the visible text of an HTML document: text outside
// script, style, noscript, template and similar elements and outside
// elements marked hidden, with block elements (paragraphs, headings, list
// items, table cells, …) as blocks of their own and <br> as a line break.
// Entities are decoded; white space is collapsed as a browser does, except
// inside <pre>. Malformed HTML is read as far as it goes.
func extractHTML(src string) string { return extractHTMLSpans(src, nil) }

// extractHTMLSpans is extractHTML recording, when spans is not nil, where
// each word of the text stands in src.
func extractHTMLSpans(src string, spans *spanMap) string {
	z := html.NewTokenizer(strings.NewReader(src))
	t := textBuilder{spans: spans}
	off := 0 // where the next token starts in src: tokens cover it in order
	var skip struct {
		tag      atom.Atom // the element being skipped
		name     string    // its name, when it has no atom
		depth    int       // how deep in it (nested elements of the same name)
		implicit bool      // it may end without an end tag
	}
	pre := 0
	for {
		tt := z.Next()
		at := off
		off += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return t.String()
		case html.TextToken:
			if skip.depth > 0 {
				continue
			}
			if pre > 0 {
				t.rawAt(string(z.Text()), src[at:off], at)
			} else {
				t.textAt(string(z.Text()), src[at:off], at)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skip.depth > 0 && skip.implicit && blockElements[a] {
				skip.depth = 0 // the hidden element ended with the one that starts here
			}
			if skip.depth > 0 {
				if tt == html.StartTagToken && sameTag(a, name, skip.tag, skip.name) {
					skip.depth++
				}
				continue
			}
			hidden := hiddenContent[a]
			if !hidden && hasAttr && !voidElement(a) && a != atom.Body && a != atom.Html && a != atom.Head {
				hidden = hasHiddenAttr(z)
			}
			if hidden {
				if tt == html.StartTagToken && !voidElement(a) {
					skip.tag, skip.name, skip.depth, skip.implicit = a, string(name), 1, optionalEnd[a]
				}
				continue
			}
			switch {
			case a == atom.Br:
				t.lineBreak()
			case blockElements[a]:
				t.blockBreak()
				if a == atom.Pre && tt == html.StartTagToken {
					pre++
				}
			case a == atom.Img || a == atom.Input || a == atom.Wbr:
				t.gap()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip.depth > 0 {
				if sameTag(a, name, skip.tag, skip.name) {
					skip.depth--
				}
				continue
			}
			if blockElements[a] {
				t.blockBreak()
				if a == atom.Pre && pre > 0 {
					pre--
				}
			}
		}
	}
}

func sameTag(a atom.Atom, name []byte, tag atom.Atom, tagName string) bool {
	if tag != 0 {
		return a == tag
	}
	return string(name) == tagName
}

// voidElement reports elements that never have content or an end tag.
func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// hasHiddenAttr reads the tag's attributes for hidden or an inline style
// of display: none.
func hasHiddenAttr(z *html.Tokenizer) bool {
	for {
		key, val, more := z.TagAttr()
		switch string(key) {
		case "hidden":
			return true
		case "style":
			v := strings.ToLower(strings.Join(strings.Fields(string(val)), ""))
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
		if !more {
			return false
		}
	}
}

// htmlCharset finds the encoding an HTML document declares in a <meta>
// tag among its first bytes, as a browser's prescan does. A declared UTF-8
// (or UTF-16, which a meta tag cannot truly declare) is no news and is
// reported as not found.
func htmlCharset(head []byte) (decoding, bool) {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return decoding{}, false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if atom.Lookup(name) == atom.Body {
				return decoding{}, false
			}
			if atom.Lookup(name) != atom.Meta || !hasAttr {
				continue
			}
			if label := metaCharset(z); label != "" {
				enc, err := htmlindex.Get(label)
				if err != nil {
					return decoding{}, false
				}
				canonical, _ := htmlindex.Name(enc)
				if canonical == "utf-8" || strings.HasPrefix(canonical, "utf-16") || !asciiCompatible(enc) {
					return decoding{}, false
				}
				return decoding{fallback: enc, name: canonical, declared: true}, true
			}
		}
	}
}

// metaCharset returns the charset a <meta> tag names: charset="…", or
// http-equiv="content-type" with content="text/html; charset=…".
func metaCharset(z *html.Tokenizer) string {
	var charset, content string
	httpEquiv := false
	for {
		key, val, more := z.TagAttr()
		switch strings.ToLower(string(key)) {
		case "charset":
			charset = string(val)
		case "content":
			content = string(val)
		case "http-equiv":
			httpEquiv = strings.EqualFold(string(val), "content-type")
		}
		if !more {
			break
		}
	}
	if charset != "" {
		return strings.TrimSpace(charset)
	}
	if !httpEquiv {
		return ""
	}
	i := strings.Index(strings.ToLower(content), "charset=")
	if i < 0 {
		return ""
	}
	v := strings.TrimLeft(content[i+len("charset="):], " \"'")
	if j := strings.IndexAny(v, " ;\"'"); j >= 0 {
		v = v[:j]
	}
	return v
}
