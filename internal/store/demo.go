package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
)

// DemoOptions are the parts of the demo load that the caller decides.
type DemoOptions struct {
	PasswordHash string                            // for the demo users
	NameKey      func(latin, arabic string) string // the registry's name normaliser
	Location     *time.Location                    // venues' time zone, for mark times
}

// LoadDemo writes the demo data set in one transaction. It does nothing
// and returns false when the database already holds a training.
func (s *Store) LoadDemo(ctx context.Context, d seed.Demo, opt DemoOptions) (bool, error) {
	loaded := false
	err := s.Tx(ctx, func(ctx context.Context) error {
		var n int64
		if err := s.write(ctx).Model(&model.Training{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		loaded = true
		return s.loadDemo(ctx, d, opt)
	})
	return loaded, mapErr("load demo", err)
}

func (s *Store) loadDemo(ctx context.Context, d seed.Demo, opt DemoOptions) error {
	db := s.write(ctx)
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	if err := db.Create(&d.Donor).Error; err != nil {
		return err
	}
	d.Project.DonorID = d.Donor.ID
	if err := db.Create(&d.Project).Error; err != nil {
		return err
	}
	for i := range d.Indicators {
		d.Indicators[i].ProjectID = d.Project.ID
	}
	if err := db.Create(&d.Indicators).Error; err != nil {
		return err
	}
	if err := db.Create(&d.Agency).Error; err != nil {
		return err
	}
	for i := range d.Stations {
		d.Stations[i].AgencyID = &d.Agency.ID
	}
	if err := db.Create(&d.Stations).Error; err != nil {
		return err
	}

	userIDs := map[string]int64{}
	for _, du := range d.Users {
		u := model.User{Email: du.Email, Name: du.Name, Role: du.Role, PasswordHash: opt.PasswordHash, Active: true}
		var existing model.User
		if err := db.Where("email = ?", du.Email).Limit(1).Find(&existing).Error; err != nil {
			return err
		}
		if existing.ID != 0 {
			userIDs[du.Email] = existing.ID
			continue
		}
		if err := db.Create(&u).Error; err != nil {
			return err
		}
		userIDs[du.Email] = u.ID
	}
	officer := userIDs["officer@traindesk.local"]

	persons := make([]model.Person, len(d.Officers))
	// The demo's officers are trained as part of their agency's public
	// task, recorded by the officer user when the first demo training
	// was planned (a month before it), so that the day is never after
	// the demo's own today.
	basisOn := d.Trainings[0].Training.StartsOn
	for _, t := range d.Trainings {
		if t.Training.StartsOn.Before(basisOn) {
			basisOn = t.Training.StartsOn
		}
	}
	basisOn = basisOn.AddDays(-30)
	for i, o := range d.Officers {
		st := d.Stations[o.Station]
		p := model.Person{
			NameLatin: o.NameEn, NameArabic: o.NameAr, Sex: o.Sex, BirthYear: &d.Officers[i].BirthYear,
			AgencyID: &d.Agency.ID, DutyStationID: &d.Stations[o.Station].ID, Position: o.Position, Rank: o.Rank,
			Phone: fmt.Sprintf("+20 10 %04d %04d", 1200+i*37, 3100+i*53),
		}
		if o.Station == seed.HQ {
			p.Email = strings.ToLower(strings.ReplaceAll(strings.Split(o.NameEn, " ")[0]+"."+lastWord(o.NameEn), "-", "")) + "@customs.example.gov.eg"
		}
		_ = st
		if opt.NameKey != nil {
			p.NameKey = opt.NameKey(p.NameLatin, p.NameArabic)
		}
		persons[i] = p
	}
	if err := db.Omit(basisColumns...).Create(&persons).Error; err != nil {
		return err
	}
	if err := demoBasis(db, persons, basisOn, officer); err != nil {
		return err
	}

	thematic := []int64{1, 2, 5, 1}
	for ti, dt := range d.Trainings {
		t := dt.Training
		t.ProjectID, t.AgencyID, t.CreatedByID = &d.Project.ID, &d.Agency.ID, &officer
		t.ThematicAreaID = &thematic[ti%len(thematic)]
		if err := db.Create(&t).Error; err != nil {
			return err
		}
		var sittings []model.Sitting
		for day := 0; day < t.Days(); day++ {
			topic := ""
			if day < len(dt.Topics) {
				topic = dt.Topics[day]
			}
			sittings = append(sittings, model.Sitting{TrainingID: t.ID, Date: t.StartsOn.AddDays(day),
				StartsAt: "09:00", EndsAt: "15:00", Topic: topic})
		}
		if err := db.Create(&sittings).Error; err != nil {
			return err
		}
		for _, email := range dt.Facilitators {
			if err := db.Table("training_facilitators").Create(map[string]any{"training_id": t.ID, "user_id": userIDs[email]}).Error; err != nil {
				return err
			}
		}
		for _, g := range dt.SDGs {
			if err := db.Table("training_sdgs").Create(map[string]any{"training_id": t.ID, "sdg_id": g}).Error; err != nil {
				return err
			}
		}
		for _, g := range dt.GCMs {
			if err := db.Table("training_gcms").Create(map[string]any{"training_id": t.ID, "gcm_id": g}).Error; err != nil {
				return err
			}
		}
		trainer := userIDs[dt.Facilitators[0]]
		registeredAt := t.StartsOn.AddDays(-14).Time().Add(10 * time.Hour)
		for ri, dr := range dt.Regs {
			p := persons[dr.Officer]
			r := model.Registration{TrainingID: t.ID, PersonID: p.ID, Status: dr.Status, AgencyID: p.AgencyID,
				DutyStationID: p.DutyStationID, Position: p.Position, RegisteredByID: &officer,
				RegisteredAt: registeredAt.Add(time.Duration(ri) * time.Minute), UpdatedAt: registeredAt}
			if err := db.Create(&r).Error; err != nil {
				return err
			}
			if err := db.Table("registration_history").Create(map[string]any{"registration_id": r.ID, "old_status": "",
				"new_status": string(dr.Status), "reason": "", "changed_by_id": officer, "changed_at": r.RegisteredAt}).Error; err != nil {
				return err
			}
			for si, m := range dr.Marks {
				if m == "" || si >= len(sittings) {
					continue
				}
				at := time.Date(sittings[si].Date.Year, sittings[si].Date.Month, sittings[si].Date.Day, 9, 20, 0, 0, opt.Location).
					Add(time.Duration(ri) * 7 * time.Second).UTC()
				op := fmt.Sprintf("demo-%d-%d-%d", ti, ri, si)
				a := model.Attendance{RegistrationID: r.ID, SittingID: sittings[si].ID, Status: m, ClientTime: at.UnixMilli(),
					DeviceID: "demo-tablet", OpID: op, Via: model.ViaOnline, RecordedByID: &trainer, RecordedAt: at}
				if err := db.Create(&a).Error; err != nil {
					return err
				}
				h := model.AttendanceChange{RegistrationID: r.ID, SittingID: sittings[si].ID, NewStatus: string(m),
					ClientTime: a.ClientTime, DeviceID: a.DeviceID, OpID: op, Via: a.Via, RecordedByID: &trainer, RecordedAt: at}
				if err := db.Create(&h).Error; err != nil {
					return err
				}
			}
			if dr.Pre > 0 || dr.Post > 0 {
				pre, post, sat := dr.Pre, dr.Post, dr.Satisfaction
				a := model.Assessment{RegistrationID: r.ID, PreScore: &pre, PostScore: &post, UpdatedByID: &trainer,
					UpdatedAt: t.EndsOn.Time().Add(14 * time.Hour)}
				if sat > 0 {
					a.Satisfaction = &sat
				}
				if err := db.Create(&a).Error; err != nil {
					return err
				}
			}
		}
	}
	return s.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditDemoLoaded, Actor: model.System,
		Values: map[string]string{"trainings": strconv.Itoa(len(d.Trainings)), "persons": strconv.Itoa(len(persons))}})
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

// basisColumns are the persons' lawful-basis fields, which the demo
// records apart from the rest.
var basisColumns = []string{"LawfulBasis", "BasisOn", "BasisPurpose", "BasisByID"}

// demoBasis records the basis of the demo's officers. Tests of older
// migrations load the demo into a schema from before the basis was asked;
// there it is left out.
func demoBasis(db *gorm.DB, persons []model.Person, on model.Date, officer int64) error {
	if !db.Migrator().HasColumn(&model.Person{}, "LawfulBasis") {
		return nil
	}
	ids := make([]int64, len(persons))
	for i := range persons {
		p := &persons[i]
		ids[i] = p.ID
		p.LawfulBasis, p.BasisOn, p.BasisPurpose = model.BasisPublicTask, &on, "Training under the agency's capacity-building programme"
		if officer != 0 {
			p.BasisByID = &officer
		}
	}
	if len(persons) == 0 {
		return nil
	}
	p := persons[0]
	return db.Model(&model.Person{}).Where("id IN ?", ids).
		Updates(map[string]any{"lawful_basis": p.LawfulBasis, "basis_on": p.BasisOn, "basis_purpose": p.BasisPurpose, "basis_by_id": p.BasisByID}).Error
}
