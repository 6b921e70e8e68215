package report

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/i18n"
	rpt "github.com/traindesk/traindesk/internal/report"
)

// pct shows a percentage with one decimal, or a dash when there is
// nothing to divide by.
func pct(ctx context.Context, p *float64) string {
	if p == nil {
		return "–"
	}
	l := i18n.From(ctx)
	return l.Decimal(rpt.Round1(*p), 1) + l.Digits("%")
}

// dec shows a number with one decimal, or a dash.
func dec(ctx context.Context, p *float64) string {
	if p == nil {
		return "–"
	}
	return i18n.From(ctx).Decimal(rpt.Round1(*p), 1)
}

// value shows a number as the exports hold it: whole numbers without
// decimals, others with one.
func value(ctx context.Context, v float64) string { return rpt.Value(i18n.From(ctx), v) }

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

// groupChart, progressChart and ratingChart are the report's charts as
// trusted SVG (the chart package escapes every label).
func groupChart(ctx context.Context, dim string, lines []rpt.Group) string {
	return rpt.GroupChart(i18n.From(ctx), dim, lines).SVG()
}

func progressChart(ctx context.Context, inds []rpt.Indicator) string {
	return rpt.IndicatorChart(i18n.From(ctx), inds).SVG()
}

func ratingChart(ctx context.Context, s rpt.Satisfaction) string {
	return rpt.RatingChart(i18n.From(ctx), s).SVG()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
