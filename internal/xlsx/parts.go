package xlsx

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// The fixed parts of a workbook, as the Office Open XML standard (ECMA-376)
// names and relates them.

const (
	nsRels     = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsOfficeR  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsMain     = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	typeSheet  = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	relSheet   = nsOfficeR + "/worksheet"
	relStyles  = nsOfficeR + "/styles"
	relOffice  = nsOfficeR + "/officeDocument"
	typeMain   = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	typeStyles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
)

// rootRels points the package at its workbook.
const rootRels = xml.Header + `<Relationships xmlns="` + nsRels + `"><Relationship Id="rId1" Type="` + relOffice +
	`" Target="xl/workbook.xml"/></Relationships>`

// contentTypes declares the parts of a workbook of n sheets.
func contentTypes(n int) string {
	var b strings.Builder
	b.WriteString(xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + typeMain + `"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + typeStyles + `"/>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%s"/>`, i, typeSheet)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

// workbookXML lists the sheets by name, and names each sheet's first row
// as its print titles, so that the header row repeats on every page.
func workbookXML(names []string) string {
	var b strings.Builder
	b.WriteString(xml.Header + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsOfficeR + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, n := range names {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escapeAttr(n), i+1, i+1)
	}
	b.WriteString(`</sheets><definedNames>`)
	for i, n := range names {
		// A sheet name is quoted with apostrophes, a literal one doubled.
		ref := "'" + strings.ReplaceAll(n, "'", "''") + "'!$1:$1"
		fmt.Fprintf(&b, `<definedName name="_xlnm.Print_Titles" localSheetId="%d">%s</definedName>`, i, escapeAttr(ref))
	}
	b.WriteString(`</definedNames></workbook>`)
	return b.String()
}

// workbookRels relates the workbook to its sheets and its styles.
func workbookRels(n int) string {
	var b strings.Builder
	b.WriteString(xml.Header + `<Relationships xmlns="` + nsRels + `">`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%d.xml"/>`, i, relSheet, i)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s" Target="styles.xml"/></Relationships>`, n+1, relStyles)
	return b.String()
}

// stylesXML holds the cell styles, in the order of the style constants:
// none (General, for numbers as recorded), header (bold on light blue,
// wrapped), count (#,##0: no decimals), one decimal (0.0), a fraction as a
// percentage with one decimal (0.0%), ISO date, and wrapped text.
const stylesXML = xml.Header + `<styleSheet xmlns="` + nsMain + `">` +
	`<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.0%"/>` +
	`<numFmt numFmtId="166" formatCode="yyyy\-mm\-dd"/></numFmts>` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">` +
	`<alignment vertical="center" wrapText="1"/></xf>` +
	`<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// escapeAttr escapes text for an attribute value.
func escapeAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}
