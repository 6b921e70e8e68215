package nomination

import (
	"bytes"
	"path/filepath"
	"strings"
)

// MaxFileSize is the largest upload accepted, in bytes. A real nomination
// list is a few kilobytes; the cap keeps a careless or hostile upload from
// tying up the server.
const MaxFileSize = 5 << 20

// MaxRows is the largest number of data rows (the header excluded) accepted
// in one file: far more than any training takes, small enough to check and
// show on one page.
const MaxRows = 5000

// Limits that protect the server but that callers need not know about.
const (
	maxColumns    = 200      // columns in the header row
	maxUnpacked   = 50 << 20 // total unpacked size of an XLSX, in bytes
	maxPartXML    = 10 << 20 // unpacked size of one XML part of an XLSX (a sheet, the shared strings...)
	maxZipEntries = 2000     // files inside an XLSX
	maxSheets     = 20       // sheets searched for data
	maxPreamble   = 5        // title lines that may precede the header row
)

// Table is a file's cells as text: the header row and the data rows, with
// empty rows left out, so that column mapping and row parsing do not depend
// on the file format.
type Table struct {
	Kind      string     // "csv" or "xlsx"
	Headers   []string   // the header row, trailing empty columns trimmed
	Rows      [][]string // each padded/truncated to len(Headers)
	Lines     []int      // Lines[i] is where Rows[i] is in the file (see HeaderLine)
	Sheet     string     // xlsx: the sheet read (the first one with data)
	Encoding  string     // csv: "utf-8", "utf-8-bom", "windows-1256", "utf-16le" or "utf-16be"
	Separator rune       // csv: ',', ';' or '\t'

	// Cells[i] is how many cells Rows[i] had in a CSV file before it was
	// made as wide as the header, and HeaderCells the same for the header:
	// a row with another number was split differently from the header
	// (a separator missing or too many), so its values may be in the
	// wrong columns. Both are zero for a workbook, whose rows always
	// keep their columns.
	Cells       []int
	HeaderCells int

	// HeaderLine is the header's line in a CSV file (the line a text editor
	// shows, counting from 1) or its row number in the XLSX sheet, so that
	// messages can point at the place the user sees.
	HeaderLine int
}

// Options impose how a CSV file is read, when what Read guesses is wrong.
// The zero value guesses both.
type Options struct {
	Encoding  string // one of Encodings, "" to guess it
	Separator rune   // one of Separators, 0 to choose it from the first lines
}

// Read reads an uploaded nomination list. The file type is decided from the
// content, because users rename files and some systems export HTML or text
// under an .xls name; filename only refines the message for files that are
// not spreadsheets at all. Every failure is an *Error.
func Read(filename string, data []byte) (*Table, error) {
	return ReadWith(filename, data, Options{})
}

// ReadWith is Read with the encoding or the separator of a CSV file
// imposed; a workbook is read as Read reads it.
func ReadWith(filename string, data []byte, opt Options) (*Table, error) {
	switch {
	case len(data) == 0:
		return nil, fail(keyEmpty)
	case len(data) > MaxFileSize:
		return nil, fail(keyTooLarge, MaxFileSize>>20)
	}
	switch sniff(data) {
	case kindZip:
		return readXLSX(data)
	case kindOLE:
		return nil, oleError(filename)
	case kindOther:
		return nil, fail(keyWrongType)
	}
	return readCSV(data, opt)
}

// Ragged counts the rows split into another number of cells than the
// header (see Cells).
func (t *Table) Ragged() int {
	n := 0
	for _, c := range t.Cells {
		if c != t.HeaderCells {
			n++
		}
	}
	return n
}

// Content kinds found by sniff.
const (
	kindText = iota
	kindZip
	kindOLE
	kindOther
)

// sniff tells a zip (XLSX), an OLE compound file (legacy XLS) and well-known
// non-spreadsheet formats from text, by their first bytes.
func sniff(data []byte) int {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return kindZip
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return kindOLE
	}
	for _, magic := range foreignMagics() {
		if bytes.HasPrefix(data, []byte(magic)) {
			return kindOther
		}
	}
	if looksLikeMarkup(data) {
		return kindOther
	}
	return kindText
}

// foreignMagics lists the first bytes of files people upload by mistake:
// PDF, images, archives, RTF and PostScript.
func foreignMagics() []string {
	return []string{
		"%PDF", "\x89PNG", "\xFF\xD8\xFF", "GIF87a", "GIF89a", "RIFF", "II*\x00", "MM\x00*",
		"\x1F\x8B", "Rar!", "7z\xBC\xAF", "{\\rtf", "%!PS",
	}
}

// looksLikeMarkup reports HTML or XML, such as the "Excel" files some
// systems export as an HTML table or Excel 2003 XML; read as CSV they would
// give nonsense columns.
func looksLikeMarkup(data []byte) bool {
	head := data[:min(len(data), 512)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	for _, p := range []string{"<?xml", "<!doctype", "<html", "<table", "<head", "<body", "<meta"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

// oleError explains an OLE compound file: usually a workbook from Excel 97
// to 2003 or a password-protected workbook, but Word and Outlook use the
// same container, and for those the file type is simply wrong.
func oleError(filename string) error {
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".doc", ".ppt", ".msg", ".pub", ".vsd":
		return fail(keyWrongType)
	}
	return fail(keyXLS)
}
