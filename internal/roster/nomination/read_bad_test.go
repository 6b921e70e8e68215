package nomination

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestRead_BadFiles(t *testing.T) {
	tooManyRows := "Name,Sex\n" + strings.Repeat("Ahmed,M\n", MaxRows+1)
	tooManyCols := strings.Repeat("h,", maxColumns) + "h\n" + "a\n"
	tests := []struct {
		name, file string
		data       []byte
		key        string
	}{
		{"empty", "list.csv", nil, keyEmpty},
		{"only whitespace", "list.csv", []byte(" \r\n\t \n\u00A0\n"), keyEmpty},
		{"only a byte-order mark", "list.csv", []byte("\xEF\xBB\xBF\r\n"), keyEmpty},
		{"only separators", "list.csv", []byte(",,,\n,,\r\n"), keyNoHeader},
		{"header only", "list.csv", []byte("Name,Sex,Agency\r\n,,\r\n"), keyNoRows},
		{"too large", "list.csv", bytes.Repeat([]byte("a,b\n"), MaxFileSize/4+1), keyTooLarge},
		{"too many rows", "list.csv", []byte(tooManyRows), keyTooManyRows},
		{"too many columns", "list.csv", []byte(tooManyCols), keyTooManyColumns},
		{"legacy xls", "list.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...), keyXLS},
		{"legacy xls renamed", "list.csv", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...), keyXLS},
		{"word document", "letter.doc", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...), keyWrongType},
		{"pdf", "list.pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), keyWrongType},
		{"png", "list.png", []byte("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), keyWrongType},
		{"jpeg", "list.xlsx", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), keyWrongType},
		{"html saved as xls", "list.xls", []byte("<html><body><table><tr><td>Name</td></tr></table></body></html>"), keyWrongType},
		{"random binary", "list.csv", randomBytes(4096), keyWrongType},
		{"control characters", "list.csv", []byte("Name,Sex\nAhmed\x01\x02,M\n"), keyWrongType},
		{"truncated xlsx", "list.xlsx", truncated(t), keyCorrupt},
		{"empty zip", "list.xlsx", []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), keyCorrupt},
		{"zip with a text file", "list.xlsx", zipOf(t, map[string]string{"names.txt": "Name\nAhmed\n"}), keyWrongType},
		{"word document (docx)", "list.docx", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}), keyWrongType},
		{"xlsx without sheets", "list.xlsx", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}), keyCorrupt},
		{"xlsx with empty sheets", "list.xlsx", xlsxOf(t, func(*excelize.File, string) {}), keyNoHeader},
		{"xlsx header only", "list.xlsx", xlsxOf(t, func(f *excelize.File, s string) { setRows(t, f, s, officerHeaders, nil) }), keyNoRows},
		{"xlsx too many rows", "list.xlsx", xlsxStream(t, officerHeaders, officers(MaxRows+1)), keyTooManyRows},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := Read(tt.file, tt.data)
			if tab != nil {
				t.Errorf("got a table %q", tab.Headers)
			}
			wantError(t, err, tt.key)
		})
	}
}

// A zip whose sheet has damaged compressed data, behind an intact central
// directory, must fail cleanly.
func TestRead_DamagedXLSX(t *testing.T) {
	data := xlsxOf(t, func(f *excelize.File, s string) { setRows(t, f, s, officerHeaders, officers(40)) })
	for _, at := range []int{len(data) / 4, len(data) / 3, len(data) / 2} {
		bad := bytes.Clone(data)
		for i := at; i < at+64 && i < len(bad); i++ {
			bad[i] ^= 0x5A
		}
		tab, err := Read("list.xlsx", bad)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Errorf("offset %d: error %v is not an *Error", at, err)
		}
		if err == nil {
			checkShape(t, tab)
		}
	}
}

// The zip bomb: a sheet that claims and holds 200 MB of spaces in 200 KB.
func TestRead_ZipBomb(t *testing.T) {
	start := time.Now()
	_, err := Read("bomb.xlsx", bomb(t, 200, 200<<20))
	wantError(t, err, keyTooLargeUnpacked)
	t.Logf("refused in %v", time.Since(start))
}

// Under the total limit, but packed a thousand to one: refused all the same.
func TestRead_ZipBombRatio(t *testing.T) {
	_, err := Read("bomb.xlsx", bomb(t, 40, 40<<20))
	wantError(t, err, keyTooLargeUnpacked)
}

// A bomb whose directory lies about its size: archive/zip stops at the
// declared size, so the file is just broken.
func TestRead_ZipBombLying(t *testing.T) {
	start := time.Now()
	tab, err := Read("bomb.xlsx", bomb(t, 200, 1000))
	var e *Error
	if tab != nil || !errors.As(err, &e) {
		t.Fatalf("got %v, %v", tab, err)
	}
	t.Logf("refused with %s in %v", e.Key, time.Since(start))
}

// bomb builds an XLSX-looking zip whose sheet is mb megabytes of spaces,
// declaring an unpacked size of declared bytes. The deflate stream is one
// compressed megabyte repeated, so building it takes milliseconds.
func bomb(t *testing.T, mb int, declared uint64) []byte {
	t.Helper()
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	var one bytes.Buffer
	fw, err := flate.NewWriter(&one, flate.BestCompression)
	check(t, err)
	_, _ = fw.Write(chunk)
	check(t, fw.Flush()) // byte-aligned and self-contained: it can be repeated
	stream := bytes.Repeat(one.Bytes(), mb)
	stream = append(stream, 0x03, 0x00) // an empty final block
	sum := crc32.NewIEEE()
	for range mb {
		_, _ = sum.Write(chunk)
	}
	return rawSheetZip(t, stream, sum.Sum32(), declared)
}

// rawSheetZip builds an XLSX-looking zip around a sheet entry given as
// already compressed bytes, with whatever sizes the test wants declared.
func rawSheetZip(t *testing.T, stream []byte, crc uint32, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"} {
		w, err := zw.Create(name)
		check(t, err)
		_, _ = w.Write([]byte(body))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(stream)), UncompressedSize64: declared,
	})
	check(t, err)
	_, _ = w.Write(stream)
	check(t, zw.Close())
	return buf.Bytes()
}

// A sheet that packs normally but is too big to parse in reasonable time.
func TestRead_SheetTooLarge(t *testing.T) {
	_, err := Read("big.xlsx", rawSheetZip(t, randomBytes(400<<10), 0, maxPartXML+1))
	wantError(t, err, keyTooLargeUnpacked)
}

// zipOf builds a zip of the given files.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		check(t, err)
		_, _ = w.Write([]byte(body))
	}
	check(t, zw.Close())
	return buf.Bytes()
}

// truncated is a real workbook cut in half, as an interrupted upload is.
func truncated(t *testing.T) []byte {
	data := xlsxOf(t, func(f *excelize.File, s string) { setRows(t, f, s, officerHeaders, officers(10)) })
	return data[:len(data)/2]
}

// randomBytes returns n reproducible pseudo-random bytes.
func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}
