package nomination

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// cellDisplay turns the raw values read from a sheet into the text a user
// expects: a date cell as YYYY-MM-DD whatever its display format (two-digit
// years and month names would be ambiguous), a number in plain digits, never
// as 1.012345678E+09, and with the leading zeros of a "00000000000" format,
// which agencies use to keep the 0 of phone numbers.
type cellDisplay struct {
	f        *excelize.File
	cells    map[cellKey]cellInfo // from scanSheet
	date1904 bool
	formats  map[int]numberFormat // by style index
}

// numberFormat is what matters of a cell style's number format.
type numberFormat struct {
	date  bool
	zeros int // digits of an all-zeros format such as "00000000000"
}

// displayCells rewrites the numeric cells of t in place, using the types
// and styles that scanSheet noted.
func displayCells(f *excelize.File, t *Table, cells map[cellKey]cellInfo) {
	d := &cellDisplay{f: f, cells: cells, formats: map[int]numberFormat{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		d.date1904 = *props.Date1904
	}
	d.row(t.Headers, t.HeaderLine)
	for i, row := range t.Rows {
		d.row(row, t.Lines[i])
	}
}

// row rewrites the cells of one sheet row.
func (d *cellDisplay) row(cells []string, line int) {
	for i, raw := range cells {
		if len(raw) >= 11 && raw[10] == 'T' && isISODate(raw[:10]) {
			cells[i] = raw[:10] // a cell of date type holds an ISO 8601 time
			continue
		}
		info, ok := d.cells[cellKey{line, i + 1}]
		if !ok {
			continue // text, or a formula's text result
		}
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			continue
		}
		cells[i] = d.number(info, v)
	}
}

// number returns the text for a number or boolean cell of value v.
func (d *cellDisplay) number(info cellInfo, v float64) string {
	if info.typ == "b" && v != 0 {
		return "TRUE"
	}
	if info.typ == "b" {
		return "FALSE"
	}
	format := d.format(info.style)
	if format.date {
		if tm, err := excelize.ExcelDateToTime(v, d.date1904); err == nil && tm.Year() >= 1900 && tm.Year() <= 9999 {
			return tm.Format("2006-01-02")
		}
	}
	plain := plainNumber(v)
	if format.zeros > len(plain) && v >= 0 && v == math.Trunc(v) {
		return strings.Repeat("0", format.zeros-len(plain)) + plain
	}
	return plain
}

// plainNumber writes v as Excel shows it in a wide General cell: fifteen
// significant digits at most, and no exponent.
func plainNumber(v float64) string {
	s := strconv.FormatFloat(v, 'g', 15, 64)
	if strings.ContainsAny(s, "e") {
		r, _ := strconv.ParseFloat(s, 64)
		s = strconv.FormatFloat(r, 'f', -1, 64)
	}
	return s
}

// format returns what matters of the number format of a style.
func (d *cellDisplay) format(idx int) numberFormat {
	if nf, ok := d.formats[idx]; ok {
		return nf
	}
	var nf numberFormat
	if style, err := d.f.GetStyle(idx); err == nil && style != nil {
		if style.CustomNumFmt != nil {
			code := *style.CustomNumFmt
			nf.date = isDateFormat(code)
			if strings.Trim(code, "0") == "" {
				nf.zeros = len(code)
			}
		} else {
			nf.date = isDateNumFmt(style.NumFmt)
		}
	}
	d.formats[idx] = nf
	return nf
}

// isDateNumFmt reports Excel's built-in number formats that show a date
// (times of day alone are not dates).
func isDateNumFmt(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

// isDateFormat reports whether a custom number format code shows a date: its
// first section, without quoted text, [bracketed] parts and escaped
// characters, has a day or year, or months without hours or seconds.
func isDateFormat(code string) bool {
	var b strings.Builder
	quoted, bracket, escaped := false, false, false
	for _, r := range code {
		switch {
		case escaped:
			escaped = false
		case quoted:
			quoted = r != '"'
		case bracket:
			bracket = r != ']'
		case r == '"':
			quoted = true
		case r == '[':
			bracket = true
		case r == '\\' || r == '_' || r == '*':
			escaped = true
		case r == ';':
			return dateLetters(b.String())
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return dateLetters(b.String())
}

// dateLetters reports date letters in a cleaned format section.
func dateLetters(s string) bool {
	return strings.ContainsAny(s, "yd") || (strings.Contains(s, "m") && !strings.ContainsAny(s, "hs"))
}

// isISODate reports text of the form 2006-01-02.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	return allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:])
}

// allDigits reports a non-empty string of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
