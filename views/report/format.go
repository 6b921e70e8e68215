package report

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/traindesk/traindesk/internal/i18n"
	rpt "github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/report/chart"
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
func value(ctx context.Context, v float64) string {
	v = rpt.Round1(v)
	if v == math.Trunc(v) {
		return i18n.From(ctx).Decimal(v, 0)
	}
	return i18n.From(ctx).Decimal(v, 1)
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

// groupChart draws the unique individuals of a disaggregation, women and
// men side by side, as trusted SVG (the chart package escapes labels).
func groupChart(ctx context.Context, dim string, lines []rpt.Group) string {
	l := i18n.From(ctx)
	c := chart.BarChart{
		Title:      l.T("report.chart.individuals_by", l.T("report.dim."+dim)),
		Series:     []string{l.T("report.col.women"), l.T("report.col.men")},
		Horizontal: true,
		RTL:        l.Lang == i18n.AR,
		Format:     func(v float64) string { return value(ctx, v) },
	}
	for _, g := range lines {
		c.Bars = append(c.Bars, chart.Bar{Label: rpt.GroupName(l, dim, g), Values: []float64{float64(g.Women), float64(g.Men)}})
	}
	return c.SVG()
}

// progressChart draws the indicators that have an actual value against
// their baseline and target.
func progressChart(ctx context.Context, inds []rpt.Indicator) string {
	l := i18n.From(ctx)
	c := chart.ProgressChart{
		Title:        l.T("report.chart.indicators"),
		RTL:          l.Lang == i18n.AR,
		Format:       func(v float64) string { return value(ctx, v) },
		PercentSign:  l.Digits("%"),
		LegendActual: l.T("report.col.actual"), LegendBaseline: l.T("report.col.baseline"), LegendTarget: l.T("report.col.target"),
	}
	for _, ind := range inds {
		if ind.Actual == nil {
			continue
		}
		unit := ""
		if ind.Unit == "percent" {
			unit = l.Digits("%")
		}
		c.Items = append(c.Items, chart.Progress{Label: ind.Code + " " + l.Pick(ind.NameEn, ind.NameAr), Baseline: ind.Baseline,
			Target: ind.Target, Actual: *ind.Actual, Unit: unit, Done: ind.Progress})
	}
	return c.SVG()
}

// ratingChart draws how many gave each satisfaction rating.
func ratingChart(ctx context.Context, s rpt.Satisfaction) string {
	l := i18n.From(ctx)
	c := chart.BarChart{Title: l.T("report.chart.ratings"), RTL: l.Lang == i18n.AR, Horizontal: true,
		Format: func(v float64) string { return value(ctx, v) }}
	for i, n := range s.Counts {
		c.Bars = append(c.Bars, chart.Bar{Label: l.T(fmt.Sprintf("report.fig.satisfaction_%d", i+1)), Values: []float64{float64(n)}})
	}
	return c.SVG()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
