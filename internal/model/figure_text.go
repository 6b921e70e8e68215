package model

import (
	"math"
	"strconv"
	"strings"
)

// FigureKind says how a figure is written. It is the one rule of
// precision that every output follows: the report page, the dashboard,
// the PDF and the CSV files write FigureText (localised for a reader by
// i18n.Localizer.Figure), and the workbook gives each kind the number
// format that shows the same digits while keeping the full value.
type FigureKind int

// Figure kinds.
const (
	FigureCount   FigureKind = iota // a whole number: 44
	FigureDecimal                   // a mean, always with one decimal: 3.0, 15.6
	FigurePercent                   // a share from 0 to 100, always with one decimal: 95.6
	FigureNumber                    // a number as recorded (a score, a target): 70, 72.5, 66.67
)

// RoundTo rounds v to prec decimals, half away from zero (95.95 → 96.0 at
// one decimal), and never to minus zero.
func RoundTo(v float64, prec int) float64 {
	p := math.Pow10(prec)
	r := math.Round(v*p) / p
	if r == 0 {
		return 0
	}
	return r
}

// figurePrecision is how many decimals kind shows: a recorded number shows
// up to two, without trailing zeros.
func figurePrecision(k FigureKind, v float64) int {
	switch k {
	case FigureCount:
		return 0
	case FigureNumber:
		for prec := 0; prec < 2; prec++ {
			if RoundTo(v, prec) == RoundTo(v, 2) {
				return prec
			}
		}
		return 2
	}
	return 1
}

// FigureText writes v as kind in plain text: ASCII digits, a dot before the
// decimals, no grouping and no percent sign ("95.6", "3.0", "1234"). NaN
// and infinities, which no figure should be, are empty.
func FigureText(k FigureKind, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	prec := figurePrecision(k, v)
	return strconv.FormatFloat(RoundTo(v, prec), 'f', prec, 64)
}

// SplitFigure splits FigureText's text into its sign, whole part and
// decimals (without the dot), for writers that group digits.
func SplitFigure(text string) (neg bool, whole, frac string) {
	text, neg = strings.CutPrefix(text, "-")
	whole, frac, _ = strings.Cut(text, ".")
	return neg, whole, frac
}
