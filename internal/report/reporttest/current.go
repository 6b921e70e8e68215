package reporttest

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
)

// current is cases 8 to 10, in the year of Today (2026), next to the
// demo's two recent trainings: the document examination course, running
// from the day before Today to the day after with only its first day
// marked, and the airport refresher, planned for the month after.
//
//  8. A two-day workshop in March, completed: Hossam (officer 14) present
//     twice, Noha (officer 20) present then absent, both scored and rating
//     it 3; Khaled (officer 18), nominated, marked absent on the first day
//     only: a no-show.
//  9. A draft briefing in October with a participant marked present: a
//     draft counts nowhere.
//  10. Nothing is marked yet on Today's session of the running course; the
//     tests mark it to see the session count (see TodayMarked).
func (x *fixer) current(jan map[string]model.RosterRow) {
	x.fx.Documents = x.training("Document examination")
	x.fx.Refresher = x.training("Counter-smuggling refresher")
	project := x.fx.ProjectID
	hossam, noha, khaled := jan["Hossam El-Din Ali"], jan["Noha Tarek Abdelghany"], jan["Khaled Abdelhamid Nasr"]

	ws := model.Training{TitleEn: "Risk profiling workshop for airport shifts", ProjectID: &project, AgencyID: hossam.AgencyID,
		City: "Hurghada", GovernorateID: ptr(int64(17)), StartsOn: model.MustDate("2026-03-10"), EndsOn: model.MustDate("2026-03-11"),
		Status: model.StatusCompleted, Capacity: 10, Language: "ar", CompletionMinRate: 80}
	x.check(x.s.CreateTraining(x.ctx, &ws, model.TrainingPlan{SDGs: []int64{16}, GCMs: []int64{11}, DayStarts: "09:00", DayEnds: "15:00"}))
	x.fx.Workshop = ws.ID
	days := x.sittings(ws.ID)
	if len(days) != 2 {
		return
	}
	a := x.register(ws.ID, hossam.PersonID, hossam, model.RegConfirmed, days[0])
	x.mark(a, days[1], model.MarkPresent)
	x.assess(a, 50, 80, 3)
	b := x.register(ws.ID, noha.PersonID, noha, model.RegConfirmed, days[0])
	x.mark(b, days[1], model.MarkAbsent)
	x.assess(b, 60, 65, 3)
	c := x.register(ws.ID, khaled.PersonID, khaled, model.RegNominated, 0)
	x.mark(c, days[0], model.MarkAbsent)

	draft := model.Training{TitleEn: "Port health briefing (draft)", ProjectID: &project, AgencyID: hossam.AgencyID,
		City: "Safaga", GovernorateID: ptr(int64(17)), StartsOn: model.MustDate("2026-10-05"), EndsOn: model.MustDate("2026-10-05"),
		Status: model.StatusDraft, Capacity: 10, Language: "ar", CompletionMinRate: 80}
	x.check(x.s.CreateTraining(x.ctx, &draft, model.TrainingPlan{SDGs: []int64{5}, DayStarts: "09:00", DayEnds: "15:00"}))
	x.fx.Draft = draft.ID
	if days := x.sittings(draft.ID); len(days) > 0 {
		x.register(draft.ID, hossam.PersonID, hossam, model.RegConfirmed, days[0])
	}
}

// TodayMarked marks Ramy Essam El-Banna (officer 19), the document
// course's one no-show, present at its session of Today: that session then
// has taken place, and he becomes a participation (see WantTodayMarked).
func TodayMarked(ctx context.Context, s *store.Store, fx Fixture) error {
	x := &fixer{ctx: ctx, s: s, op: 1000}
	ramy := x.roster(fx.Documents)["Ramy Essam El-Banna"]
	sits, err := s.Sittings(ctx, fx.Documents)
	x.check(err)
	for _, si := range sits {
		if si.Date == Today {
			x.mark(ramy.ID, si.ID, model.MarkPresent)
		}
	}
	return x.err
}

// Attend marks a registration present at the first session of its
// training, so that it counts as a participation.
func Attend(ctx context.Context, s *store.Store, trainingID, registrationID int64) error {
	x := &fixer{ctx: ctx, s: s, op: 2000 + int(registrationID)}
	if days := x.sittings(trainingID); len(days) > 0 {
		x.mark(registrationID, days[0], model.MarkPresent)
	}
	return x.err
}
