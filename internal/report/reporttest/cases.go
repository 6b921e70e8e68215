package reporttest

import (
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// duplicate is case 1: a second record of hesham on the May course, merged
// into him while its registration stays where it was.
func (x *fixer) duplicate(hesham model.RosterRow, may []int64) {
	p := model.Person{NameLatin: "Hisham Farouk Othman", NameArabic: "هشام فاروق عثمان", AgencyID: hesham.AgencyID,
		DutyStationID: hesham.DutyStationID, Position: model.PositionFrontLine}
	x.check(x.s.CreatePerson(x.ctx, &p))
	x.fx.Duplicate = p.ID
	reg := x.register(x.fx.Safaga, p.ID, hesham, model.RegConfirmed, may[0])
	x.mark(reg, may[1], model.MarkPresent)
	x.assess(reg, 50, 75, 5)
	x.exec("UPDATE persons SET merged_into_id = ? WHERE id = ?", hesham.PersonID, p.ID)
}

// withdrawn is case 2: what a withdrawn registration holds never counts.
func (x *fixer) withdrawn(r model.RosterRow, may []int64) {
	if r.Status != model.RegWithdrawn {
		x.check(fmt.Errorf("reporttest: %s is %s on the May course, not withdrawn", r.NameLatin, r.Status))
	}
	x.mark(r.ID, may[0], model.MarkPresent)
	x.assess(r.ID, 10, 90, 1)
}

// removedSession is case 3: a removed session and its marks do not count.
func (x *fixer) removedSession(jan map[string]model.RosterRow) {
	si := model.Sitting{TrainingID: x.fx.Hurghada, Date: model.MustDate("2023-01-19"), StartsAt: "15:30", EndsAt: "16:30",
		Topic: "Closing evaluation"}
	x.check(x.s.AddSitting(x.ctx, &si))
	x.mark(jan["Yasser Gamal Mansour"].ID, si.ID, model.MarkPresent)
	x.mark(jan["Tarek Nabil El-Sawy"].ID, si.ID, model.MarkPresent)
	x.check(x.s.RemoveSitting(x.ctx, si.ID))
}

// outside is case 4: a cancelled training of the project and a training
// of no project, both in 2023, with people on them.
func (x *fixer) outside(tamer int64, ahmed model.RosterRow) {
	project := x.fx.ProjectID
	cancelled := model.Training{TitleEn: "Container profiling workshop", ProjectID: &project, AgencyID: ahmed.AgencyID,
		City: "Safaga", GovernorateID: ptr(int64(17)), StartsOn: model.MustDate("2023-09-10"), EndsOn: model.MustDate("2023-09-11"),
		Status: model.StatusPlanned, Capacity: 10, Language: "ar", CompletionMinRate: 80}
	x.check(x.s.CreateTraining(x.ctx, &cancelled, model.TrainingPlan{SDGs: []int64{5}, GCMs: []int64{11}, DayStarts: "09:00", DayEnds: "15:00"}))
	x.fx.Cancelled = cancelled.ID
	days := x.sittings(cancelled.ID)
	if len(days) > 0 {
		x.register(cancelled.ID, tamer, ahmed, model.RegConfirmed, days[0])
		x.register(cancelled.ID, ahmed.PersonID, ahmed, model.RegConfirmed, days[0])
	}
	x.exec("UPDATE trainings SET status = 'cancelled', cancel_reason = 'Venue unavailable' WHERE id = ?", cancelled.ID)

	other := model.Training{TitleEn: "Regional exchange on port security", AgencyID: ahmed.AgencyID, City: "Hurghada",
		GovernorateID: ptr(int64(17)), StartsOn: model.MustDate("2023-03-05"), EndsOn: model.MustDate("2023-03-06"),
		Status: model.StatusCompleted, Capacity: 10, Language: "en", CompletionMinRate: 80}
	x.check(x.s.CreateTraining(x.ctx, &other, model.TrainingPlan{SDGs: []int64{16}, DayStarts: "09:00", DayEnds: "15:00"}))
	x.fx.OtherFunding = other.ID
	if days := x.sittings(other.ID); len(days) > 0 {
		x.register(other.ID, tamer, ahmed, model.RegConfirmed, days[0])
	}
}

// indicators is case 7: the metrics the demo's indicators do not use.
func (x *fixer) indicators() {
	actual := 3.0
	for _, ind := range []model.Indicator{
		{Code: "1.5", NameEn: "Participations in trainings", NameAr: "عدد المشاركات في التدريبات", Unit: "count",
			Metric: model.MetricParticipations, Baseline: 0, Target: 200, Position: 5},
		{Code: "1.6", NameEn: "Share of participations completed", NameAr: "نسبة المشاركات المكتملة", Unit: "percent",
			Metric: model.MetricCompletionRate, Baseline: 50, Target: 90, Position: 6},
		{Code: "1.7", NameEn: "Trainings held", NameAr: "عدد التدريبات المنعقدة", Unit: "count",
			Metric: model.MetricTrainingsHeld, Baseline: 0, Target: 10, Position: 7},
		{Code: "2.1", NameEn: "Standard operating procedures adopted", NameAr: "إجراءات التشغيل القياسية المعتمدة", Unit: "count",
			Metric: model.MetricManual, Baseline: 1, Target: 5, Actual: &actual, Position: 8},
		{Code: "2.2", NameEn: "Referral agreements signed", NameAr: "اتفاقات الإحالة الموقعة", Unit: "count",
			Metric: model.MetricManual, Baseline: 0, Target: 2, Position: 9},
	} {
		ind.ProjectID = x.fx.ProjectID
		x.check(x.s.CreateIndicator(x.ctx, &ind))
	}
}

func ptr[T any](v T) *T { return &v }
