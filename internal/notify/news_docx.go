package notify

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strings"
	"time"
)

// docxType is the media type of a Word document.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// No maintained Go library for writing Word documents resolves here, and
// a news item needs only paragraphs: this writes the smallest valid
// WordprocessingML package (content types, the package relationship and
// the document), which Word and LibreOffice open.
const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`</Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`</Relationships>`
	docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	docxTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`
)

// newsDocx writes body as a Word document: one paragraph per line, the
// first line bold as the headline, right to left when rtl.
func newsDocx(body string, rtl bool) ([]byte, error) {
	var doc strings.Builder
	doc.WriteString(docxHead)
	for i, line := range strings.Split(body, "\n") {
		doc.WriteString("<w:p><w:pPr>")
		if rtl {
			doc.WriteString(`<w:bidi/>`)
		}
		doc.WriteString("</w:pPr><w:r><w:rPr>")
		if i == 0 {
			doc.WriteString("<w:b/><w:bCs/>")
		}
		if rtl {
			doc.WriteString("<w:rtl/>")
		}
		doc.WriteString(`</w:rPr><w:t xml:space="preserve">`)
		if err := xml.EscapeText(&doc, []byte(line)); err != nil {
			return nil, err
		}
		doc.WriteString("</w:t></w:r></w:p>")
	}
	doc.WriteString(docxTail)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{
		{"[Content_Types].xml", docxContentTypes}, {"_rels/.rels", docxRels}, {"word/document.xml", doc.String()},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(part.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
