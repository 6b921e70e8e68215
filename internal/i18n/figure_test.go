package i18n_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

func ptr(v float64) *float64 { return &v }

// TestFigure: a figure for a reader is model.FigureText's digits, grouped,
// in the language's digits, with its percent sign; rounded, never cut.
func TestFigure(t *testing.T) {
	en, ar := i18n.New(i18n.EN), i18n.New(i18n.AR)
	for i, c := range []struct{ got, want string }{
		{en.Figure(model.FigurePercent, ptr(95.95)), "96.0%"},
		{ar.Figure(model.FigurePercent, ptr(95.95)), "٩٦٫٠٪"},
		{en.Figure(model.FigureCount, ptr(1234)), "1,234"},
		{en.Figure(model.FigureDecimal, ptr(3)), "3.0"},
		{en.Figure(model.FigureDecimal, ptr(-2.26)), "-2.3"},
		{en.Figure(model.FigureNumber, ptr(1234.5)), "1,234.5"},
		{en.Figure(model.FigureDecimal, nil), "–"},
		{en.Percent(95.95), "96%"},
		{en.Decimal(-0.5, 1), "-0.5"},
		{en.Decimal(-1234.56, 1), "-1,234.6"},
	} {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}
