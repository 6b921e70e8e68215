package report

import (
	"fmt"

	"github.com/traindesk/traindesk/internal/chart"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Value shows a number as recorded (a count, a target) the way every
// output does, in the reader's digits.
func Value(l *i18n.Localizer, v float64) string { return l.Figure(model.FigureNumber, &v) }

// GroupChart draws the unique individuals of a disaggregation, women and
// men side by side. The page shows it as SVG, the PDF draws it.
func GroupChart(l *i18n.Localizer, dim string, lines []model.GroupFigures) chart.BarChart {
	c := chart.BarChart{
		Title:      l.T("report.chart.individuals_by", l.T("report.dim."+dim)),
		Series:     []string{l.T("report.col.women"), l.T("report.col.men")},
		Horizontal: true,
		RTL:        l.Lang == i18n.AR,
		Format:     func(v float64) string { return Value(l, v) },
	}
	for _, g := range lines {
		c.Bars = append(c.Bars, chart.Bar{Label: GroupName(l, dim, g), Values: []float64{float64(g.Women), float64(g.Men)}})
	}
	return c
}

// IndicatorChart draws the indicators that have an actual value against
// their baseline and target.
func IndicatorChart(l *i18n.Localizer, inds []model.IndicatorFigures) chart.ProgressChart {
	c := chart.ProgressChart{
		Title:        l.T("report.chart.indicators"),
		RTL:          l.Lang == i18n.AR,
		Format:       func(v float64) string { return Value(l, v) },
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
	return c
}

// RatingChart draws how many gave each satisfaction rating.
func RatingChart(l *i18n.Localizer, s model.SatisfactionFigures) chart.BarChart {
	c := chart.BarChart{Title: l.T("report.chart.ratings"), RTL: l.Lang == i18n.AR, Horizontal: true,
		Format: func(v float64) string { return Value(l, v) }}
	for i, n := range s.Counts {
		c.Bars = append(c.Bars, chart.Bar{Label: l.T(fmt.Sprintf("report.fig.satisfaction_%d", i+1)), Values: []float64{float64(n)}})
	}
	return c
}
