package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/traindesk/traindesk/internal/model"
)

// IsRegistered reports whether a person has a registration (of any status)
// on a training.
func (s *Store) IsRegistered(ctx context.Context, trainingID, personID int64) (bool, error) {
	var n int64
	err := s.write(ctx).Model(&model.Registration{}).Where("training_id = ? AND person_id = ?", trainingID, personID).Count(&n).Error
	return n > 0, mapErr("is registered", err)
}

// Places counts how a training's places are taken: its capacity, its live
// registrations and, for each quota, the live registrations of the quota's
// agency and station. except is a registration not to count (the one
// changing). Called inside a transaction, it reads through the writer, so
// the counts hold until the transaction ends.
func (s *Store) Places(ctx context.Context, trainingID, except int64) (model.Places, error) {
	var p model.Places
	var t model.Training
	if err := s.write(ctx).First(&t, trainingID).Error; err != nil {
		return p, mapErr("training", err)
	}
	p.Capacity = t.Capacity
	live := func() *gorm.DB {
		return s.write(ctx).Model(&model.Registration{}).Where("training_id = ? AND status <> 'withdrawn' AND id <> ?", trainingID, except)
	}
	var used int64
	if err := live().Count(&used).Error; err != nil {
		return p, mapErr("count places", err)
	}
	p.Used = int(used)
	var quotas []model.TrainingQuota
	if err := s.write(ctx).Where("training_id = ?", trainingID).Order("id").Find(&quotas).Error; err != nil {
		return p, mapErr("quotas", err)
	}
	for _, q := range quotas {
		u := model.QuotaUse{Quota: q}
		var n int64
		if q.AgencyID != nil {
			if err := live().Where("agency_id = ?", *q.AgencyID).Count(&n).Error; err != nil {
				return p, mapErr("count quota", err)
			}
			u.ByAgency = int(n)
		}
		if q.DutyStationID != nil {
			if err := live().Where("duty_station_id = ?", *q.DutyStationID).Count(&n).Error; err != nil {
				return p, mapErr("count quota", err)
			}
			u.ByStation = int(n)
		}
		p.Quotas = append(p.Quotas, u)
	}
	return p, nil
}

// InsertRegistration stores a registration, registered by by now, and
// starts its history. A second registration of the same person on the
// same training is refused by the database: model.ErrAlreadyRegistered.
func (s *Store) InsertRegistration(ctx context.Context, r *model.Registration, by *int64) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		r.RegisteredByID, r.RegisteredAt = by, s.Now()
		if err := s.write(ctx).Create(r).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return model.ErrAlreadyRegistered
			}
			return mapErr("register", err)
		}
		return s.logRegistration(ctx, r.ID, "", r.Status, "", by)
	})
}

func (s *Store) logRegistration(ctx context.Context, id int64, from, to model.RegistrationStatus, reason string, by *int64) error {
	return mapErr("registration history", s.write(ctx).Exec(
		"INSERT INTO registration_history (registration_id, old_status, new_status, reason, changed_by_id, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
		id, string(from), string(to), reason, by, s.Now()).Error)
}

// SaveRegistrationStatus writes a registration's new status and keeps the
// change, with its reason, in the registration's history.
func (s *Store) SaveRegistrationStatus(ctx context.Context, id int64, from, to model.RegistrationStatus, reason string, by *int64) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		res := s.write(ctx).Model(&model.Registration{}).Where("id = ?", id).
			Updates(map[string]any{"status": to, "updated_at": s.Now()})
		if res.Error != nil {
			return mapErr("set registration status", res.Error)
		}
		if res.RowsAffected == 0 {
			return mapErr("set registration status", model.ErrNotFound)
		}
		return s.logRegistration(ctx, id, from, to, reason, by)
	})
}

// Registration returns one registration.
func (s *Store) Registration(ctx context.Context, id int64) (model.Registration, error) {
	var r model.Registration
	return r, mapErr("registration", s.read(ctx).First(&r, id).Error)
}

// Roster lists a training's registrations (withdrawn ones too, last) by name.
func (s *Store) Roster(ctx context.Context, trainingID int64) ([]model.RosterRow, error) {
	var out []model.RosterRow
	err := s.read(ctx).Raw(`
SELECT r.*, p.name_latin, p.name_arabic, p.sex, p.rank, p.phone, p.email
FROM registrations r JOIN persons p ON p.id = r.person_id
WHERE r.training_id = ?
ORDER BY CASE WHEN r.status = 'withdrawn' THEN 1 ELSE 0 END, LOWER(p.name_latin), p.name_arabic, r.id`, trainingID).Scan(&out).Error
	return out, mapErr("roster", err)
}
