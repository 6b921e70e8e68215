package nomination

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads the first sheet with data of an Excel workbook. The zip is
// checked before excelize sees it, and excelize runs with small unzip
// limits as a second fence; a panic inside the library on a malformed file
// becomes import.corrupt rather than taking the server down.
func readXLSX(data []byte) (t *Table, err error) {
	defer func() {
		if recover() != nil {
			t, err = nil, fail(keyCorrupt)
		}
	}()
	zr, err := checkZip(data)
	if err != nil {
		return nil, err
	}
	parts, err := sheetFiles(zr)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnpacked,
		UnzipXMLSizeLimit: maxUnpacked, // keep every part in memory: no temporary files
	})
	if err != nil {
		return nil, fail(keyCorrupt)
	}
	defer f.Close()
	return readWorkbook(f, parts)
}

// checkZip inspects the zip's central directory and returns the zip: too
// many entries, a total unpacked size over maxUnpacked, an XML part over
// maxPartXML (a 5000-row list needs a few megabytes, and parsing XML is
// slow), or an entry that would unpack more than a hundred times its packed
// size (a zip bomb; real sheets pack five to twenty times) are refused.
// The sizes are trustworthy because archive/zip, which excelize uses too,
// fails a read that goes past an entry's declared size.
func checkZip(data []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) == 0 || len(zr.File) > maxZipEntries {
		return nil, fail(keyCorrupt)
	}
	var total uint64
	var types, workbook bool
	for _, zf := range zr.File {
		size, packed := zf.UncompressedSize64, zf.CompressedSize64
		name := strings.ToLower(zf.Name)
		xmlPart := strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")
		total += min(size, maxUnpacked+1)
		if total > maxUnpacked || (xmlPart && size > maxPartXML) || (size > 1<<20 && (packed == 0 || size/packed > 100)) {
			return nil, fail(keyTooLargeUnpacked, maxUnpacked>>20)
		}
		if zf.Flags&1 != 0 || (zf.Method != zip.Store && zf.Method != zip.Deflate) {
			return nil, fail(keyCorrupt) // encrypted or an unusual compression
		}
		types = types || name == "[content_types].xml"
		workbook = workbook || name == "xl/workbook.xml"
	}
	if !types || !workbook {
		return nil, fail(keyWrongType) // a Word document, an OpenDocument file, a plain zip
	}
	return zr, nil
}

// readWorkbook returns the list among the first maxSheets sheets: the
// visible sheet whose header names the most known fields, the first on a
// tie, so that a cover sheet of instructions or a hidden sheet of values
// for drop-down lists is passed over for the list behind it; parts gives
// each sheet's XML part. A sheet that cannot be read is passed over too,
// unless no other sheet has a list.
func readWorkbook(f *excelize.File, parts map[string]*zip.File) (*Table, error) {
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fail(keyCorrupt)
	}
	var best *Table
	bestFields := -1
	var firstErr error
	for _, sheet := range sheets[:min(len(sheets), maxSheets)] {
		zf := parts[strings.ToLower(sheet)]
		if zf == nil {
			continue // a chart sheet
		}
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible && len(sheets) > 1 {
			continue
		}
		t, err := readSheet(f, zf, sheet)
		var e *Error
		switch {
		case errors.As(err, &e) && e.Key == keyNoHeader:
			continue // nothing on this sheet
		case err != nil:
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if n := knownFields(t.Headers); n > bestFields {
			best, bestFields = t, n
		}
	}
	switch {
	case firstErr != nil && bestFields < 2:
		return nil, firstErr
	case best == nil:
		return nil, fail(keyNoHeader)
	}
	return best, nil
}

// readSheet streams one sheet's rows into a builder, so that a sheet with a
// million rows is refused after MaxRows of them, then turns numbers and
// dates into the text the user sees. The sheet is scanned first, to refuse
// it before excelize spends too long on it and to learn the cells' styles
// without making excelize load the whole sheet.
func readSheet(f *excelize.File, zf *zip.File, sheet string) (*Table, error) {
	cells, merges, err := scanSheet(zf)
	if err != nil {
		return nil, err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fail(keyCorrupt)
	}
	defer rows.Close()
	b := &builder{}
	m := newMerger(merges, cells)
	for line := 1; rows.Next(); line++ {
		values, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fail(keyCorrupt)
		}
		for _, r := range m.rows(line, values) {
			if err := b.add(r.line, r.cells); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range m.rows(0, nil) {
		if err := b.add(r.line, r.cells); err != nil {
			return nil, err
		}
	}
	if rows.Error() != nil {
		return nil, fail(keyCorrupt)
	}
	t, err := b.table("xlsx")
	if err != nil {
		return nil, err
	}
	t.Sheet = sheet
	displayCells(f, t, cells)
	return t, nil
}
