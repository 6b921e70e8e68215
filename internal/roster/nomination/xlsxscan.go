package nomination

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxPadding bounds the work of reading a sheet row by row: the sum, over
// the rows, of the column of each row's last cell with a value. Excelize
// fills every row up to that cell, so a few kilobytes of XML with a value in
// column XFD on every row would otherwise cost gigabytes. A 5000-row list
// of 30 columns needs 150 000.
const maxPadding = 2_000_000

// cellKey is a cell's position: 1-based row and column.
type cellKey struct{ row, col int }

// cellInfo is what the sheet XML says of a cell besides its value: its type
// attribute ("" for a number, "s" for shared text, "b" for boolean...) and
// its style index, which says whether a number is shown as a date.
type cellInfo struct {
	typ   string
	style int
}

// sheetFiles maps each sheet name, folded to lower case as excelize
// compares them, to its part in the zip, from xl/workbook.xml and its
// relationships.
func sheetFiles(zr *zip.Reader) (map[string]*zip.File, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"` // r:id
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	parts := map[string]*zip.File{}
	for _, zf := range zr.File {
		parts[strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))] = zf
	}
	if err := unmarshalPart(parts["xl/workbook.xml"], &wb); err != nil {
		return nil, err
	}
	if err := unmarshalPart(parts["xl/_rels/workbook.xml.rels"], &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.ToLower(strings.ReplaceAll(r.Target, "\\", "/"))
		if strings.HasPrefix(t, "/") {
			targets[r.ID] = strings.TrimPrefix(t, "/")
		} else {
			targets[r.ID] = path.Clean("xl/" + t)
		}
	}
	out := map[string]*zip.File{}
	for _, s := range wb.Sheets {
		if zf := parts[targets[s.ID]]; zf != nil {
			out[strings.ToLower(s.Name)] = zf
		}
	}
	return out, nil
}

// unmarshalPart decodes a small XML part of the zip.
func unmarshalPart(zf *zip.File, v any) error {
	if zf == nil {
		return fail(keyCorrupt)
	}
	rc, err := zf.Open()
	if err != nil {
		return fail(keyCorrupt)
	}
	defer rc.Close()
	if xml.NewDecoder(io.LimitReader(rc, maxPartXML)).Decode(v) != nil {
		return fail(keyCorrupt)
	}
	return nil
}

// scanSheet reads a sheet's XML once, before excelize does, to refuse a
// sheet that would be too costly to read (see maxPadding), to note the
// type and style of every cell that may hold a number, and to find its
// merged cells (see mergeRange) without making excelize load the sheet.
func scanSheet(zf *zip.File) (map[cellKey]cellInfo, []mergeRange, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, nil, fail(keyCorrupt)
	}
	defer rc.Close()
	s := sheetScanner{cells: map[cellKey]cellInfo{}}
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return s.cells, s.merges, s.endRow()
		}
		if err != nil {
			return nil, nil, fail(keyCorrupt)
		}
		if err := s.token(tok); err != nil {
			return nil, nil, err
		}
	}
}

// sheetScanner follows the rows and cells of a sheet's XML. Positions are
// worked out as excelize's row iterator does: the row from the row element,
// the column from the cell reference or, without one, by counting.
type sheetScanner struct {
	cells          map[cellKey]cellInfo
	inData         bool
	row, col, last int
	cell           *cellInfo // the cell being read, until its end
	padding        int
	merges         []mergeRange
}

// token takes one XML token.
func (s *sheetScanner) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		switch name := t.Name.Local; {
		case name == "sheetData":
			s.inData = true
		case name == "mergeCell":
			s.merge(attr(t, "ref"))
		case !s.inData:
		case name == "row":
			if err := s.endRow(); err != nil {
				return err
			}
			s.row, s.col = s.row+1, 0
			if n, err := strconv.Atoi(attr(t, "r")); err == nil {
				s.row = n
			}
		case name == "c":
			return s.startCell(t)
		case s.cell != nil && (name == "v" || name == "f" || name == "is"):
			s.valued()
		}
	case xml.EndElement:
		switch t.Name.Local {
		case "sheetData":
			s.inData = false
		case "c":
			s.cell = nil
		}
	}
	return nil
}

// startCell notes where a cell is and what type and style it has.
func (s *sheetScanner) startCell(t xml.StartElement) error {
	s.col++
	if ref := attr(t, "r"); ref != "" {
		col, _, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			return fail(keyCorrupt)
		}
		s.col = col
	}
	style, _ := strconv.Atoi(attr(t, "s"))
	s.cell = &cellInfo{typ: attr(t, "t"), style: style}
	return nil
}

// valued records the current cell, which has a value or a formula: it
// widens the row, and a number or boolean is kept for displayCells.
func (s *sheetScanner) valued() {
	s.last = max(s.last, s.col)
	switch s.cell.typ {
	case "", "n", "b":
		s.cells[cellKey{s.row, s.col}] = *s.cell
	}
}

// endRow adds the finished row's width to the padding budget.
func (s *sheetScanner) endRow() error {
	s.padding += s.last
	s.last = 0
	if s.padding > maxPadding {
		return fail(keySheetTooComplex)
	}
	return nil
}

// attr returns the value of the attribute with local name local.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
