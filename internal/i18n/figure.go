package i18n

import (
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
)

// Figure writes a figure for a reader: model.FigureText's digits (the one
// rule of precision every output follows) with thousands separators, the
// language's digits and, for a percentage, its sign; a dash when there is
// nothing to show (a rate with nothing to divide by).
func (l *Localizer) Figure(k model.FigureKind, v *float64) string {
	if v == nil {
		return "–"
	}
	text := model.FigureText(k, *v)
	if text == "" {
		return "–"
	}
	out := l.group(text)
	if k == model.FigurePercent {
		out += l.Digits("%")
	}
	return out
}

// group adds thousands separators to plain decimal text and writes it in
// the language's digits: "-1234.5" → "-1,234.5".
func (l *Localizer) group(text string) string {
	neg, whole, frac := model.SplitFigure(text)
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return l.Digits(text)
	}
	out := l.Int(n)
	if frac != "" {
		out += l.Digits("." + frac)
	}
	if neg {
		out = "-" + out
	}
	return out
}
