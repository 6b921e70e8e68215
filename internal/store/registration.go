package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/traindesk/traindesk/internal/model"
)

// Register puts a person on a training, checking that they are not on it
// already, that a place is free, and that their agency's or station's quota
// is not used up. The registration keeps the agency, station and position.
func (s *Store) Register(ctx context.Context, r *model.Registration, by *int64) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		var n int64
		if err := s.write(ctx).Model(&model.Registration{}).Where("training_id = ? AND person_id = ?", r.TrainingID, r.PersonID).Count(&n).Error; err != nil {
			return mapErr("register", err)
		}
		if n > 0 {
			return model.ErrAlreadyRegistered
		}
		if r.Status != model.RegWithdrawn {
			if err := s.checkPlaces(ctx, r, 0); err != nil {
				return err
			}
		}
		r.RegisteredByID, r.RegisteredAt = by, s.Now()
		if err := s.write(ctx).Create(r).Error; err != nil {
			if errors.Is(err, model.ErrConflict) {
				return model.ErrAlreadyRegistered
			}
			return mapErr("register", err)
		}
		return s.logRegistration(ctx, r.ID, "", r.Status, "", by)
	})
}

// checkPlaces fails when the training or a quota that applies to r has no
// free place; except is a registration not to count (the one changing).
func (s *Store) checkPlaces(ctx context.Context, r *model.Registration, except int64) error {
	var t model.Training
	if err := s.write(ctx).First(&t, r.TrainingID).Error; err != nil {
		return mapErr("training", err)
	}
	live := func() *gorm.DB {
		return s.write(ctx).Model(&model.Registration{}).Where("training_id = ? AND status <> 'withdrawn' AND id <> ?", r.TrainingID, except)
	}
	var used int64
	if err := live().Count(&used).Error; err != nil {
		return mapErr("count places", err)
	}
	if int(used) >= t.Capacity {
		return model.ErrFull
	}
	var quotas []model.TrainingQuota
	if err := s.write(ctx).Where("training_id = ?", r.TrainingID).Find(&quotas).Error; err != nil {
		return mapErr("quotas", err)
	}
	for _, q := range quotas {
		var n int64
		switch {
		case q.AgencyID != nil && r.AgencyID != nil && *q.AgencyID == *r.AgencyID:
			if err := live().Where("agency_id = ?", *q.AgencyID).Count(&n).Error; err != nil {
				return mapErr("count quota", err)
			}
		case q.DutyStationID != nil && r.DutyStationID != nil && *q.DutyStationID == *r.DutyStationID:
			if err := live().Where("duty_station_id = ?", *q.DutyStationID).Count(&n).Error; err != nil {
				return mapErr("count quota", err)
			}
		default:
			continue
		}
		if int(n) >= q.Places {
			return &model.QuotaError{Quota: q, Used: int(n)}
		}
	}
	return nil
}

func (s *Store) logRegistration(ctx context.Context, id int64, from, to model.RegistrationStatus, reason string, by *int64) error {
	return mapErr("registration history", s.write(ctx).Exec(
		"INSERT INTO registration_history (registration_id, old_status, new_status, reason, changed_by_id, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
		id, string(from), string(to), reason, by, s.Now()).Error)
}

// SetRegistrationStatus changes a registration's status and keeps the
// change in its history; coming back from withdrawn needs a free place.
func (s *Store) SetRegistrationStatus(ctx context.Context, id int64, to model.RegistrationStatus, reason string, by *int64) (model.Registration, error) {
	var r model.Registration
	err := s.Tx(ctx, func(ctx context.Context) error {
		if err := s.write(ctx).First(&r, id).Error; err != nil {
			return mapErr("registration", err)
		}
		from := r.Status
		if from == to {
			return nil
		}
		if from == model.RegWithdrawn {
			if err := s.checkPlaces(ctx, &r, r.ID); err != nil {
				return err
			}
		}
		r.Status = to
		if err := s.write(ctx).Model(&r).Select("Status", "UpdatedAt").Updates(&r).Error; err != nil {
			return mapErr("set registration status", err)
		}
		return s.logRegistration(ctx, r.ID, from, to, reason, by)
	})
	return r, err
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
