package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/traindesk/traindesk/internal/model"
)

// Reference entries are archived or deleted here; which one an entry may
// have (deleting only what nothing points at) is the reference service's
// rule. References counts what points at an entry, for that rule.

// refRow returns an empty row of kind's table, for statements that need
// only the table.
func refRow(kind model.RefKind) (any, error) {
	switch kind {
	case model.RefDonor:
		return &model.Donor{}, nil
	case model.RefProject:
		return &model.Project{}, nil
	case model.RefAgency:
		return &model.Agency{}, nil
	case model.RefStation:
		return &model.DutyStation{}, nil
	case model.RefThematic:
		return &model.ThematicArea{}, nil
	}
	return nil, fmt.Errorf("store: unknown reference kind %q", kind)
}

// refUse is a column that points at a reference entry.
type refUse struct {
	what   string
	row    any
	column string
}

// refUses lists, for each kind, the columns that point at it. A project's
// indicators are not here: they belong to the project and are deleted with
// it, so they never keep a project alive on their own.
func refUses(kind model.RefKind) []refUse {
	switch kind {
	case model.RefDonor:
		return []refUse{{"projects", &model.Project{}, "donor_id"}}
	case model.RefProject:
		return []refUse{{"trainings", &model.Training{}, "project_id"}}
	case model.RefAgency:
		return []refUse{
			{"trainings", &model.Training{}, "agency_id"},
			{"persons", &model.Person{}, "agency_id"},
			{"registrations", &model.Registration{}, "agency_id"},
			{"duty_stations", &model.DutyStation{}, "agency_id"},
			{"training_quotas", &model.TrainingQuota{}, "agency_id"},
		}
	case model.RefStation:
		return []refUse{
			{"persons", &model.Person{}, "duty_station_id"},
			{"registrations", &model.Registration{}, "duty_station_id"},
			{"training_quotas", &model.TrainingQuota{}, "duty_station_id"},
		}
	case model.RefThematic:
		return []refUse{{"trainings", &model.Training{}, "thematic_area_id"}}
	}
	return nil
}

// References counts the rows that still point at a reference entry, in a
// fixed order, leaving out the kinds of rows that do not. An empty answer
// means the entry may be deleted.
func (s *Store) References(ctx context.Context, kind model.RefKind, id int64) ([]model.Use, error) {
	if _, err := refRow(kind); err != nil {
		return nil, err
	}
	var out []model.Use
	for _, u := range refUses(kind) {
		var n int64
		err := s.read(ctx).Model(u.row).Where(u.column+" = ?", id).Count(&n).Error
		if err != nil {
			return nil, mapErr("references of "+string(kind), err)
		}
		if n > 0 {
			out = append(out, model.Use{What: u.what, Count: n})
		}
	}
	return out, nil
}

// SetArchived archives an entry, or restores it when archived is false.
// Archiving an archived entry keeps the day it was first archived.
func (s *Store) SetArchived(ctx context.Context, kind model.RefKind, id int64, archived bool) error {
	row, err := refRow(kind)
	if err != nil {
		return err
	}
	var v any
	if archived {
		v = gorm.Expr("COALESCE(archived_at, ?)", s.Now())
	}
	res := s.write(ctx).Model(row).Where("id = ?", id).Update("archived_at", v)
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("archive "+string(kind), model.ErrNotFound)
	}
	return mapErr("archive "+string(kind), res.Error)
}

// DeleteReference deletes an entry, with a project's indicators, in one
// transaction. Whether it may go (nothing uses it) is the reference
// service's to decide, in the same transaction.
func (s *Store) DeleteReference(ctx context.Context, kind model.RefKind, id int64) error {
	row, err := refRow(kind)
	if err != nil {
		return err
	}
	return s.Tx(ctx, func(ctx context.Context) error {
		if kind == model.RefProject {
			if err := s.write(ctx).Where("project_id = ?", id).Delete(&model.Indicator{}).Error; err != nil {
				return mapErr("delete indicators", err)
			}
		}
		res := s.write(ctx).Where("id = ?", id).Delete(row)
		if res.Error == nil && res.RowsAffected == 0 {
			return mapErr("delete "+string(kind), model.ErrNotFound)
		}
		return mapErr("delete "+string(kind), res.Error)
	})
}

// update saves the named columns of row, found by its primary key; a row
// that does not exist is model.ErrNotFound.
func (s *Store) update(ctx context.Context, op string, row any, cols ...string) error {
	res := s.write(ctx).Model(row).Select(cols).Updates(row)
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr(op, model.ErrNotFound)
	}
	return mapErr(op, res.Error)
}
