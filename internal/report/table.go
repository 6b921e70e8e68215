package report

import (
	"regexp"
	"strings"

	"github.com/traindesk/traindesk/internal/model"
)

// Kind says how a cell is written: CSV files and the PDF write numbers as
// model.FigureText does for their figure kind, a workbook types them
// (numbers as numbers with a number format, dates as dates).
type Kind int

// Cell kinds.
const (
	KindText    Kind = iota
	KindInt          // a count
	KindNumber       // a number as recorded: a score, a baseline, a target
	KindDecimal      // a mean, shown with one decimal
	KindPercent      // a share from 0 to 100, shown with one decimal
	KindDate
)

// figure is the figure kind a number cell is written as.
func (k Kind) figure() model.FigureKind {
	switch k {
	case KindInt:
		return model.FigureCount
	case KindDecimal:
		return model.FigureDecimal
	case KindPercent:
		return model.FigurePercent
	}
	return model.FigureNumber
}

// Cell is one value of an exported table, at full precision: each writer
// rounds it as its figure kind says. Empty cells (a rate with nothing to
// divide by, a missing score) are written blank.
type Cell struct {
	Kind  Kind
	Text  string
	Num   float64
	Date  model.Date
	Empty bool
}

// Text, Int and the other constructors make cells.
func Text(s string) Cell { return Cell{Kind: KindText, Text: s} }

// Int makes a count cell.
func Int(n int) Cell { return Cell{Kind: KindInt, Num: float64(n)} }

// number makes a cell of kind k, blank when p is nil.
func number(k Kind, p *float64) Cell {
	if p == nil {
		return Cell{Kind: k, Empty: true}
	}
	return Cell{Kind: k, Num: *p}
}

// Number makes a cell of a number as recorded, blank when p is nil.
func Number(p *float64) Cell { return number(KindNumber, p) }

// Decimal makes a mean's cell, blank when p is nil.
func Decimal(p *float64) Cell { return number(KindDecimal, p) }

// Percent makes a percentage cell, blank when p is nil.
func Percent(p *float64) Cell { return number(KindPercent, p) }

// InUnit makes a cell of an indicator's value in its unit: a percentage
// for "percent", else a number as recorded.
func InUnit(unit string, p *float64) Cell {
	if unit == "percent" {
		return Percent(p)
	}
	return Number(p)
}

// DateCell makes a date cell.
func DateCell(d model.Date) Cell { return Cell{Kind: KindDate, Date: d, Empty: d.IsZero()} }

// Column is a column of an exported table: a stable key, the header in the
// reader's language, a width in characters, and whether a workbook wraps
// its long text (titles, names) instead of cutting it.
type Column struct {
	Key    string
	Header string
	Width  float64
	Wrap   bool
}

// Table is an exported table. Rows hands its rows to emit one at a time,
// so that long tables stream from the database; emit's error stops it.
type Table struct {
	Name    string // file name part: summary, indicators, trainings…
	Title   string // sheet name in the reader's language
	Columns []Column
	Rows    func(emit func([]Cell) error) error
}

// Neutralise keeps a spreadsheet from reading text as a formula: text that
// starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, the convention spreadsheets use for "this is text". It is
// applied to every text cell of CSV files and workbooks, so a phone number
// written "+20 …" reads "'+20 …"; numbers and dates are typed and left
// alone.
func Neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// FileName names an export after the project and the period, with the
// table's name for a single table: SPHERE-II_2023-01-01_2023-12-31.xlsx.
func FileName(fig model.Figures, table, ext string) string {
	code := strings.Trim(unsafeName.ReplaceAllString(fig.Project.Code, "-"), "-")
	if code == "" {
		code = "report"
	}
	name := code + "_" + fig.Period.From.String() + "_" + fig.Period.To.String()
	if table != "" {
		name += "_" + table
	}
	return name + "." + ext
}
