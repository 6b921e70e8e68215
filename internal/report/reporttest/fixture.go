// Package reporttest builds the donor report's test fixture: the demo data
// (the Hurghada course of January 2023 and the Safaga course of May 2023)
// plus the awkward cases a report must get right, and the figures for 2023
// counted by hand from db/seed/demo.go and the additions below (want.go).
// The expectations were never derived from the code under test.
package reporttest

import (
	"context"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
)

// Today is the day the demo is loaded for the fixture: the demo's two
// "recent" trainings then fall in 2026, outside the 2023 report.
var Today = model.MustDate("2026-11-27")

// Fixture names what the additions created.
type Fixture struct {
	ProjectID    int64
	Hurghada     int64 // the January course
	Safaga       int64 // the May course
	Duplicate    int64 // a second record of Hesham Farouk Osman, merged into him
	Cancelled    int64 // a cancelled 2023 training of the project
	OtherFunding int64 // a 2023 training outside the project
	Documents    int64 // the demo's course running on Today
	Refresher    int64 // the demo's course planned for the month after Today
	Workshop     int64 // a workshop of March 2026 with a no-show
	Draft        int64 // a draft of October 2026
}

// Seed loads the demo into an empty database and adds the fixture.
func Seed(ctx context.Context, s *store.Store) (Fixture, error) {
	if _, err := s.LoadDemo(ctx, seed.Build(Today), store.DemoOptions{NameKey: roster.NameKey, Location: time.UTC}); err != nil {
		return Fixture{}, err
	}
	return Add(ctx, s)
}

// fixer runs the additions, keeping the first error so that Add reads as
// the list of cases.
type fixer struct {
	ctx context.Context
	s   *store.Store
	fx  Fixture
	err error
	op  int
}

func (x *fixer) check(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

// Add puts the fixture's cases on top of the demo data:
//
//  1. Hisham Farouk Othman, a duplicate record of Hesham Farouk Osman (a man
//     on the January course only) with no sex recorded, is registered on
//     the May course, marked present at sessions 1 and 2 (session 3 left
//     unmarked), scored 50 → 75 with satisfaction 5, and then merged into
//     Hesham without his registration being moved.
//  2. Mahmoud Adel El-Shazly's withdrawn registration on the May course gets
//     a mark and an assessment (10 → 90, satisfaction 1) that must not
//     count; Tamer Hassan Fouad, a new person, is registered and withdrawn
//     there too, with a mark.
//  3. The January course gets a fifth session with two marks, then the
//     session is removed.
//  4. A cancelled training of the project in September 2023 (tagged SDG 5
//     and GCM 11) with Tamer and Ahmed Mahmoud Abdelrahman, and a training
//     outside the project in March 2023 with Tamer; neither counts.
//  5. The May course requires a post-test score of at least 60.
//  6. Ahmed Mahmoud Abdelrahman has since moved to headquarters as a
//     manager; his registrations still say Safaga, front-line officer.
//  7. Five more indicators cover the other metrics.
//  8. to 10. The current year's cases (see current).
func Add(ctx context.Context, s *store.Store) (Fixture, error) {
	x := &fixer{ctx: ctx, s: s}
	x.fx.Hurghada = x.training("Counter-smuggling for customs officers")
	x.fx.Safaga = x.training("Identifying and referring victims of trafficking")
	if x.err != nil {
		return x.fx, x.err
	}
	t1, err := s.TrainingDetail(ctx, x.fx.Hurghada)
	if err != nil {
		return x.fx, err
	}
	x.fx.ProjectID = *t1.ProjectID
	jan := x.roster(x.fx.Hurghada)
	may := x.roster(x.fx.Safaga)
	maySessions := x.sittings(x.fx.Safaga)
	if x.err != nil {
		return x.fx, x.err
	}
	hesham, ahmed := jan["Hesham Farouk Osman"], jan["Ahmed Mahmoud Abdelrahman"]
	hq := jan["Sameh Fouad Morsy"].DutyStationID

	x.duplicate(hesham, maySessions)
	x.withdrawn(may["Mahmoud Adel El-Shazly"], maySessions)
	tamer := x.person("Tamer Hassan Fouad", "تامر حسن فؤاد", hesham)
	x.register(x.fx.Safaga, tamer, hesham, model.RegWithdrawn, maySessions[0])
	x.removedSession(jan)
	x.outside(tamer, ahmed)
	x.exec("UPDATE trainings SET completion_min_post_score = 60 WHERE id = ?", x.fx.Safaga)
	x.exec("UPDATE persons SET duty_station_id = ?, position = 'management' WHERE id = ?", *hq, ahmed.PersonID)
	x.indicators()
	x.current(jan)
	return x.fx, x.err
}

// training finds a demo training by the start of its title.
func (x *fixer) training(title string) int64 {
	rows, _, err := x.s.ListTrainings(x.ctx, model.TrainingFilter{Scope: model.TrainingScope{All: true}, Text: title})
	x.check(err)
	if err == nil && len(rows) != 1 {
		x.check(fmt.Errorf("reporttest: %d trainings match %q", len(rows), title))
		return 0
	}
	if len(rows) == 0 {
		return 0
	}
	return rows[0].ID
}

// roster maps a training's participants by Latin name.
func (x *fixer) roster(id int64) map[string]model.RosterRow {
	rows, err := x.s.Roster(x.ctx, id)
	x.check(err)
	out := map[string]model.RosterRow{}
	for _, r := range rows {
		out[r.NameLatin] = r
	}
	return out
}

// sittings lists a training's live session ids in date order.
func (x *fixer) sittings(id int64) []int64 {
	rows, err := x.s.Sittings(x.ctx, id)
	x.check(err)
	var out []int64
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func (x *fixer) exec(q string, args ...any) { x.check(x.s.Exec(x.ctx, q, args...)) }

// mark records a mark the way a tablet would have.
func (x *fixer) mark(reg, sitting int64, m model.Mark) {
	x.op++
	x.exec(`INSERT INTO attendance (registration_id, sitting_id, status, note, client_time, device_id, op_id, via, recorded_at)
VALUES (?, ?, ?, '', 0, 'fixture', ?, 'online', ?)`, reg, sitting, string(m), fmt.Sprintf("fixture-%d", x.op),
		time.Date(2023, 1, 1, 9, 0, 0, 0, time.UTC))
}

// assess saves one registration's scores.
func (x *fixer) assess(reg int64, pre, post float64, sat int) {
	x.check(x.s.SaveAssessments(x.ctx, []model.Assessment{{RegistrationID: reg, PreScore: &pre, PostScore: &post, Satisfaction: &sat}}))
}

// person creates a person working where like works.
func (x *fixer) person(latin, arabic string, like model.RosterRow) int64 {
	p := model.Person{NameLatin: latin, NameArabic: arabic, Sex: model.SexMale, AgencyID: like.AgencyID,
		DutyStationID: like.DutyStationID, Position: model.PositionFrontLine, NameKey: roster.NameKey(latin, arabic)}
	x.check(x.s.CreatePerson(x.ctx, &p))
	return p.ID
}

// register puts person on training as recorded for like, with one mark
// present at sitting (0: none), and returns the registration.
func (x *fixer) register(training, person int64, like model.RosterRow, st model.RegistrationStatus, sitting int64) int64 {
	r := model.Registration{TrainingID: training, PersonID: person, Status: st, AgencyID: like.AgencyID,
		DutyStationID: like.DutyStationID, Position: model.PositionFrontLine}
	x.check(x.s.InsertRegistration(x.ctx, &r, nil))
	if sitting != 0 && r.ID != 0 {
		x.mark(r.ID, sitting, model.MarkPresent)
	}
	return r.ID
}
