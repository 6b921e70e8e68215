package model_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

// TestFigureText: the one rule every output writes figures by. Halves
// round away from zero (95.95% is 96.0%, not 95%), means and percentages
// always show one decimal, recorded numbers as recorded.
func TestFigureText(t *testing.T) {
	for _, tt := range []struct {
		kind model.FigureKind
		v    float64
		want string
	}{
		{model.FigurePercent, 95.95, "96.0"}, {model.FigurePercent, 6.25, "6.3"}, {model.FigurePercent, 100.0 * 152 / 159, "95.6"},
		{model.FigurePercent, 100, "100.0"}, {model.FigureDecimal, 3, "3.0"}, {model.FigureDecimal, 156.0 / 44, "3.5"},
		{model.FigureDecimal, -0.04, "0.0"}, {model.FigureDecimal, -2.26, "-2.3"}, {model.FigureCount, 1234, "1234"},
		{model.FigureNumber, 70, "70"}, {model.FigureNumber, 72.5, "72.5"}, {model.FigureNumber, 200.0 / 3, "66.67"},
		{model.FigureNumber, 0.1 + 0.2, "0.3"},
	} {
		if got := model.FigureText(tt.kind, tt.v); got != tt.want {
			t.Errorf("FigureText(%d, %v) = %q, want %q", tt.kind, tt.v, got, tt.want)
		}
	}
}
