package report

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// pct shows a percentage as every output does (one decimal), or a dash
// when there is nothing to divide by.
func pct(ctx context.Context, p *float64) string {
	return i18n.From(ctx).Figure(model.FigurePercent, p)
}

// dec shows a mean with one decimal, or a dash.
func dec(ctx context.Context, p *float64) string {
	return i18n.From(ctx).Figure(model.FigureDecimal, p)
}

// value shows a number as recorded (a threshold, a target).
func value(ctx context.Context, v float64) string {
	return i18n.From(ctx).Figure(model.FigureNumber, &v)
}

// indicatorValue shows an indicator's value in its unit: a percentage, or
// a number as recorded.
func indicatorValue(ctx context.Context, unit string, p *float64) string {
	if unit == "percent" {
		return pct(ctx, p)
	}
	return i18n.From(ctx).Figure(model.FigureNumber, p)
}

func num(ctx context.Context, n int) string { return i18n.From(ctx).Num(n) }

// fig names a figure for the tests that read the page: every number has
// one data-figure, the same key the exports use.
func fig(parts ...any) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += "."
		}
		switch v := p.(type) {
		case string:
			s += v
		case int64:
			s += strconv.FormatInt(v, 10)
		case int:
			s += strconv.Itoa(v)
		}
	}
	return s
}

// groupName names a disaggregation line in l's language, as the exports
// do (report.GroupName): a position by its translated name, others by their
// own name, and "not recorded" for registrations that recorded nothing.
func groupName(l *i18n.Localizer, dim string, g model.GroupFigures) string {
	switch {
	case g.Key == "":
		return l.T("report.not_recorded")
	case dim == "position":
		if k := "position." + g.Key; l.Has(k) {
			return l.T(k)
		}
		return g.Key
	}
	return l.Pick(g.NameEn, g.NameAr)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
