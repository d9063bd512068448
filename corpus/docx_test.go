package corpus

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// makeDocx builds a .docx file in memory from its parts, compressed.
func makeDocx(t testing.TB, parts map[string]string) []byte {
	return makeZip(t, parts, zip.Deflate)
}

// makeZip builds a zip archive of parts with the given method; stored
// (uncompressed) parts give the fuzzer XML it can mutate.
func makeZip(t testing.TB, parts map[string]string, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/main.xml", "word/styles.xml"} {
		content, ok := parts[name]
		if !ok {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	docxTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
)

// wordDocument wraps body XML in a WordprocessingML document.
func wordDocument(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `</w:body></w:document>`
}

func TestDocx(t *testing.T) {
	body := `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Head of People</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">We </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>insp</w:t></w:r><w:r><w:t>ire</w:t></w:r><w:r><w:t xml:space="preserve"> people &amp; teams.</w:t></w:r></w:p>
<w:p><w:r><w:t>Before</w:t><w:tab/><w:t>after a tab</w:t><w:br/><w:t>after a break</w:t></w:r></w:p>
<w:p><w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del><w:ins><w:r><w:t>inserted words</w:t></w:r></w:ins></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE \* MERGEFORMAT</w:instrText></w:r><w:r><w:t>7</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>In a text box</w:t></mc:Choice><mc:Fallback><w:t>In a text box</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>well</w:t><w:noBreakHyphen/><w:t>being</w:t></w:r></w:p>`
	data := makeDocx(t, map[string]string{"[Content_Types].xml": docxTypes, "_rels/.rels": docxRels, "word/document.xml": wordDocument(body)})
	got := walkFile(t, "post.docx", string(data), Options{})
	want := "Head of People\n\nWe inspire people & teams.\n\nBefore after a tab\nafter a break\n\n" +
		"inserted words\n\n7\n\nCell one\n\nCell two\n\nIn a text box\n\nwell-being"
	checkRows(t, got, []docRow{{ID: "post.docx", Status: "ok", Text: want, Bytes: int64(len(data))}})
}

func TestDocxMainPartFromRelationships(t *testing.T) {
	rels := strings.Replace(docxRels, "word/document.xml", "/word/main.xml", 1)
	data := makeDocx(t, map[string]string{"_rels/.rels": rels, "word/main.xml": wordDocument(`<w:p><w:r><w:t>From main.xml</w:t></w:r></w:p>`)})
	checkRows(t, walkFile(t, "m.docx", string(data), Options{}), []docRow{{ID: "m.docx", Status: "ok", Text: "From main.xml"}})
}

func TestDocxErrors(t *testing.T) {
	bomb := wordDocument(`<w:p><w:r><w:t>` + strings.Repeat("a", 1<<20) + `</w:t></w:r></w:p>`)
	tests := []struct {
		name string
		data []byte
		opt  Options
		want docRow
	}{
		{"not a zip", []byte("this is plain text, not a zip archive"), Options{},
			docRow{ID: "x.docx", Status: "error", Reason: "not a valid .docx file: zip: not a valid zip file"}},
		{"no document part", makeDocx(t, map[string]string{"word/styles.xml": "<x/>"}), Options{},
			docRow{ID: "x.docx", Status: "error", Reason: "not a Word document: it has no word/document.xml"}},
		{"broken XML", makeDocx(t, map[string]string{"word/document.xml": wordDocument("<w:p><w:r><w:t>unclosed</w:r>")}), Options{},
			docRow{ID: "x.docx", Status: "error", Reason: "word/document.xml: XML syntax error on line 2: element <t> closed by </r>"}},
		{"no text", makeDocx(t, map[string]string{"word/document.xml": wordDocument("<w:p/>")}), Options{},
			docRow{ID: "x.docx", Status: "skipped", Reason: "no text (only white space)"}},
		{"zip bomb", makeDocx(t, map[string]string{"word/document.xml": bomb}), Options{MaxBytes: 64 << 10},
			docRow{ID: "x.docx", Status: "error", Reason: "word/document.xml unpacks to 1.0 MiB, over the --max-bytes limit of 64.0 KiB (a zip bomb?)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkRows(t, walkFile(t, "x.docx", string(tc.data), tc.opt), []docRow{tc.want})
		})
	}
}

// TestDocxSizeGuard checks the guard that does not trust the size a zip
// entry declares: the text stops at the limit.
func TestDocxSizeGuard(t *testing.T) {
	data := makeDocx(t, map[string]string{"word/document.xml": wordDocument(`<w:p><w:r><w:t>` + strings.Repeat("word ", 1000) + `</w:t></w:r></w:p>`)})
	text, err := extractDocx(bytes.NewReader(data), int64(len(data)), 1<<20)
	if err != nil || len(text) != 4999 {
		t.Fatalf("%d bytes, %v", len(text), err)
	}
	if _, err := wordText(strings.NewReader(wordDocument(`<w:p><w:r><w:t>`+strings.Repeat("word ", 1000)+`</w:t></w:r></w:p>`)), 100); err != nil {
		t.Fatal(err)
	}
	short, _ := wordText(strings.NewReader(wordDocument(`<w:p><w:r><w:t>`+strings.Repeat("word ", 1000)+`</w:t></w:r></w:p>`)), 100)
	if len(short) > 100 {
		t.Errorf("text limit: %d bytes", len(short))
	}
}

func FuzzDocx(f *testing.F) {
	f.Add(makeZip(f, map[string]string{"_rels/.rels": docxRels,
		"word/document.xml": wordDocument(`<w:p><w:r><w:t>Hello</w:t><w:tab/><w:t>world</w:t></w:r></w:p>`)}, zip.Store))
	f.Add(makeZip(f, map[string]string{"word/document.xml": `<?xml version="1.0" encoding="windows-1252"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:p><w:r><w:t>x</w:t></w:r></w:p></w:document>`}, zip.Store))
	f.Add([]byte(wordDocument(`<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>a</w:t></mc:Fallback></mc:AlternateContent><w:br/><w:t>b</w:t></w:r></w:p>`)))
	f.Add([]byte("PK\x03\x04 not really"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := extractDocx(bytes.NewReader(data), int64(len(data)), 1<<16)
		if err == nil && len(text) > 1<<16 {
			t.Errorf("text over the limit: %d bytes", len(text))
		}
		if err == nil {
			checkExtracted(t, "", text)
		}
		if text, err := wordText(bytes.NewReader(data), 1<<16); err == nil {
			checkExtracted(t, string(data), text)
		}
	})
}
