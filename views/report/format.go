package report

import (
	"context"
	"strconv"

	"math"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// pct shows a percentage with one decimal, or a dash when there is
// nothing to divide by.
func pct(ctx context.Context, p *float64) string {
	if p == nil {
		return "–"
	}
	l := i18n.From(ctx)
	return l.Decimal(model.Round1(*p), 1) + l.Digits("%")
}

// dec shows a number with one decimal, or a dash.
func dec(ctx context.Context, p *float64) string {
	if p == nil {
		return "–"
	}
	return i18n.From(ctx).Decimal(model.Round1(*p), 1)
}

// value shows a number as the exports hold it: whole numbers without
// decimals, others with one (the same as report.Value).
func value(ctx context.Context, v float64) string {
	l := i18n.From(ctx)
	v = model.Round1(v)
	if v == math.Trunc(v) {
		return l.Decimal(v, 0)
	}
	return l.Decimal(v, 1)
}

// indicatorValue shows an indicator's value in its unit.
func indicatorValue(ctx context.Context, unit string, p *float64) string {
	if p == nil {
		return "–"
	}
	if unit == "percent" {
		return value(ctx, *p) + i18n.From(ctx).Digits("%")
	}
	return value(ctx, *p)
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
