package corpus

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// readDocx reads the body text of a Word document.
func (s *source) readDocx(yield func(Doc) bool) bool {
	f, why := s.open()
	if f == nil {
		return yield(s.fail(Failed, why))
	}
	defer f.Close()
	text, err := extractDocx(f, s.size, s.cfg.maxWhole())
	if err != nil {
		return yield(s.fail(Failed, err.Error()))
	}
	if strings.TrimSpace(text) == "" {
		return yield(s.fail(Skipped, noText))
	}
	d := s.doc()
	d.Text, d.Status = text, OK
	if s.cfg.Positions {
		d.Positions = TextPositions(text) // a .docx has no lines: count in its text
	}
	return yield(d)
}

// XML namespaces of WordprocessingML (transitional and strict) and of
// markup compatibility.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	compatNS     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// extractDocx returns the text of a .docx file's main document part
// (word/document.xml): each paragraph a block of its own, tabs and line
// breaks kept, deleted text of tracked changes and field codes left out.
// The part is unpacked only up to limit bytes, as a guard against zip
// bombs; a larger part is an error.
func extractDocx(r io.ReaderAt, size, limit int64) (string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return "", fmt.Errorf("not a valid .docx file: %v", err)
	}
	part := mainDocumentPart(zr, limit)
	if part == nil {
		return "", errors.New("not a Word document: it has no word/document.xml")
	}
	if part.UncompressedSize64 > uint64(limit) {
		return "", fmt.Errorf("%s unpacks to %s, over the --max-bytes limit of %s (a zip bomb?)", part.Name, humanBytes(int64(min(part.UncompressedSize64, 1<<62))), humanBytes(limit))
	}
	rc, err := part.Open()
	if err != nil {
		return "", fmt.Errorf("cannot unpack %s: %v", part.Name, err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: limit + 1}
	text, err := wordText(lr, int(limit))
	if lr.N <= 0 {
		return "", fmt.Errorf("%s unpacks to more than the --max-bytes limit of %s (a zip bomb?)", part.Name, humanBytes(limit))
	}
	if err != nil {
		return "", fmt.Errorf("%s: %v", part.Name, err)
	}
	return text, nil
}

// mainDocumentPart finds the document part named by the package's
// relationships (_rels/.rels), or word/document.xml.
func mainDocumentPart(zr *zip.Reader, limit int64) *zip.File {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if rels, ok := files["_rels/.rels"]; ok && rels.UncompressedSize64 <= uint64(min(limit, 1<<20)) {
		if target := officeDocumentTarget(rels); target != "" {
			if f, ok := files[path.Clean(strings.TrimPrefix(target, "/"))]; ok {
				return f
			}
		}
	}
	return files["word/document.xml"]
}

// officeDocumentTarget reads the target of the officeDocument relationship.
func officeDocumentTarget(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var rels struct {
		Items []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&rels); err != nil {
		return ""
	}
	for _, rel := range rels.Items {
		if strings.HasSuffix(rel.Type, "/officeDocument") {
			return rel.Target
		}
	}
	return ""
}

// wordText collects the text of a WordprocessingML document, up to limit
// bytes of text.
func wordText(r io.Reader, limit int) (string, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		enc, _, err := lookupEncoding(label)
		if err != nil {
			return nil, err
		}
		return enc.NewDecoder().Reader(input), nil
	}
	t := textBuilder{limit: limit}
	inText, fallback := 0, 0
	for !t.full() {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Space == compatNS && tok.Name.Local == "Fallback" {
				fallback++ // the same content again, for older readers
			}
			if fallback > 0 || !isWord(tok.Name) {
				continue
			}
			switch tok.Name.Local {
			case "t":
				inText++
			case "tab", "ptab":
				t.gap()
			case "br", "cr":
				t.lineBreak()
			case "noBreakHyphen":
				t.text("-")
			}
		case xml.EndElement:
			if tok.Name.Space == compatNS && tok.Name.Local == "Fallback" && fallback > 0 {
				fallback--
			}
			if fallback > 0 || !isWord(tok.Name) {
				continue
			}
			switch tok.Name.Local {
			case "t":
				inText = max(inText-1, 0)
			case "p":
				t.blockBreak()
			}
		case xml.CharData:
			if inText > 0 && fallback == 0 {
				t.text(string(tok))
			}
		}
	}
	return t.String(), nil
}

func isWord(n xml.Name) bool { return n.Space == wordNS || n.Space == wordStrictNS }
