package model_test

import (
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func TestPlaces_Admit(t *testing.T) {
	one, two, port := int64(1), int64(2), int64(7)
	agencyQuota := model.QuotaUse{Quota: model.TrainingQuota{AgencyID: &one, Places: 2}, ByAgency: 2}
	stationQuota := model.QuotaUse{Quota: model.TrainingQuota{DutyStationID: &port, Places: 3}, ByStation: 1}
	cases := []struct {
		name   string
		places model.Places
		r      model.Registration
		want   error
	}{
		{"Free", model.Places{Capacity: 10, Used: 3}, model.Registration{}, nil},
		{"ErrFull", model.Places{Capacity: 3, Used: 3}, model.Registration{}, model.ErrFull},
		{"ErrQuotaFull", model.Places{Capacity: 10, Used: 3, Quotas: []model.QuotaUse{agencyQuota}}, model.Registration{AgencyID: &one}, model.ErrQuotaFull},
		{"OtherAgency", model.Places{Capacity: 10, Used: 3, Quotas: []model.QuotaUse{agencyQuota}}, model.Registration{AgencyID: &two}, nil},
		{"StationLeft", model.Places{Capacity: 10, Used: 3, Quotas: []model.QuotaUse{stationQuota}}, model.Registration{DutyStationID: &port}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.places.Admit(c.r)
			if (c.want == nil) != (err == nil) || (c.want != nil && !errors.Is(err, c.want)) {
				t.Fatalf("Admit = %v, want %v", err, c.want)
			}
		})
	}
}

func TestDailySittings(t *testing.T) {
	tr := model.Training{ID: 5, StartsOn: model.MustDate("2023-01-16"), EndsOn: model.MustDate("2023-01-19")}
	have := []model.SittingRow{{Sitting: model.Sitting{Date: model.MustDate("2023-01-17")}}}
	got := model.DailySittings(tr, "", "", have)
	if len(got) != 3 || got[1].Date != model.MustDate("2023-01-18") || got[0].StartsAt != model.DefaultDayStarts || got[0].TrainingID != 5 {
		t.Fatalf("DailySittings = %+v", got)
	}
}
