package model_test

import (
	"strconv"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func TestPeriods(t *testing.T) {
	for q, want := range []string{"2024-01-01 2024-03-31", "2024-04-01 2024-06-30", "2024-07-01 2024-09-30", "2024-10-01 2024-12-31"} {
		a, b := model.QuarterPeriod(2024, q+1)
		if got := a.String() + " " + b.String(); got != want {
			t.Errorf("Q%s = %s, want %s", strconv.Itoa(q+1), got, want)
		}
	}
	if a, b := model.YearPeriod(2023); a.String()+" "+b.String() != "2023-01-01 2023-12-31" {
		t.Errorf("year 2023 = %s to %s", a, b)
	}
}

func TestRoundTo(t *testing.T) {
	for in, want := range map[float64]float64{95.44: 95.4, 95.46: 95.5, 95.95: 96, 15.57: 15.6, -2.26: -2.3, 3: 3, -0.04: 0} {
		if got := model.RoundTo(in, 1); got != want {
			t.Errorf("RoundTo(%v, 1) = %v, want %v", in, got, want)
		}
	}
}
