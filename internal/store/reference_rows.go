package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// DonorByID returns one donor, archived or not.
func (s *Store) DonorByID(ctx context.Context, id int64) (model.Donor, error) {
	var d model.Donor
	return d, mapErr("donor", s.read(ctx).First(&d, id).Error)
}

// CreateDonor inserts d and sets its id.
func (s *Store) CreateDonor(ctx context.Context, d *model.Donor) error {
	return mapErr("create donor", s.write(ctx).Create(d).Error)
}

// UpdateDonor saves d's names.
func (s *Store) UpdateDonor(ctx context.Context, d *model.Donor) error {
	return s.update(ctx, "update donor", d, "NameEn", "NameAr", "ShortName", "UpdatedAt")
}

// CreateProject inserts p; a code that another project has (exactly) is
// model.ErrConflict.
func (s *Store) CreateProject(ctx context.Context, p *model.Project) error {
	return mapErr("create project", s.write(ctx).Create(p).Error)
}

// UpdateProject saves p's fields; a code that another project has
// (exactly) is model.ErrConflict.
func (s *Store) UpdateProject(ctx context.Context, p *model.Project) error {
	return s.update(ctx, "update project", p, "Code", "TitleEn", "TitleAr", "DonorID",
		"StartsOn", "EndsOn", "MasteryThreshold", "UpdatedAt")
}

// ProjectCodeTaken reports whether a project other than exceptID has code,
// in any case.
func (s *Store) ProjectCodeTaken(ctx context.Context, code string, exceptID int64) (bool, error) {
	var n int64
	err := s.read(ctx).Model(&model.Project{}).Where("LOWER(code) = LOWER(?) AND id <> ?", code, exceptID).Count(&n).Error
	return n > 0, mapErr("project code", err)
}

// IndicatorByID returns one of a project's indicators; an indicator of
// another project is model.ErrNotFound.
func (s *Store) IndicatorByID(ctx context.Context, projectID, id int64) (model.Indicator, error) {
	var i model.Indicator
	return i, mapErr("indicator", s.read(ctx).Where("project_id = ?", projectID).First(&i, id).Error)
}

// CreateIndicator inserts i into its project.
func (s *Store) CreateIndicator(ctx context.Context, i *model.Indicator) error {
	return mapErr("create indicator", s.write(ctx).Create(i).Error)
}

// UpdateIndicator saves i, which must belong to i.ProjectID.
func (s *Store) UpdateIndicator(ctx context.Context, i *model.Indicator) error {
	res := s.write(ctx).Model(i).Where("project_id = ?", i.ProjectID).
		Select("Code", "NameEn", "NameAr", "Unit", "Metric", "Baseline", "Target", "Actual", "Position").Updates(i)
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("update indicator", model.ErrNotFound)
	}
	return mapErr("update indicator", res.Error)
}

// DeleteIndicator removes one of a project's indicators.
func (s *Store) DeleteIndicator(ctx context.Context, projectID, id int64) error {
	res := s.write(ctx).Where("id = ? AND project_id = ?", id, projectID).Delete(&model.Indicator{})
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("delete indicator", model.ErrNotFound)
	}
	return mapErr("delete indicator", res.Error)
}

// AgencyByID returns one agency, archived or not.
func (s *Store) AgencyByID(ctx context.Context, id int64) (model.Agency, error) {
	var a model.Agency
	return a, mapErr("agency", s.read(ctx).First(&a, id).Error)
}

// CreateAgency inserts a and sets its id.
func (s *Store) CreateAgency(ctx context.Context, a *model.Agency) error {
	return mapErr("create agency", s.write(ctx).Create(a).Error)
}

// UpdateAgency saves a's fields.
func (s *Store) UpdateAgency(ctx context.Context, a *model.Agency) error {
	return s.update(ctx, "update agency", a, "NameEn", "NameAr", "ShortName", "ParentMinistryEn",
		"ParentMinistryAr", "Kind", "FocalName", "FocalPhone", "FocalEmail", "UpdatedAt")
}

// DutyStationByID returns one duty station, archived or not.
func (s *Store) DutyStationByID(ctx context.Context, id int64) (model.DutyStation, error) {
	var d model.DutyStation
	return d, mapErr("duty station", s.read(ctx).First(&d, id).Error)
}

// CreateDutyStation inserts d and sets its id.
func (s *Store) CreateDutyStation(ctx context.Context, d *model.DutyStation) error {
	return mapErr("create duty station", s.write(ctx).Create(d).Error)
}

// UpdateDutyStation saves d's fields.
func (s *Store) UpdateDutyStation(ctx context.Context, d *model.DutyStation) error {
	return s.update(ctx, "update duty station", d, "NameEn", "NameAr", "Kind", "GovernorateID", "AgencyID", "UpdatedAt")
}

// ThematicAreaByID returns one thematic area, archived or not.
func (s *Store) ThematicAreaByID(ctx context.Context, id int64) (model.ThematicArea, error) {
	var t model.ThematicArea
	return t, mapErr("thematic area", s.read(ctx).First(&t, id).Error)
}

// CreateThematicArea inserts t and sets its id.
func (s *Store) CreateThematicArea(ctx context.Context, t *model.ThematicArea) error {
	return mapErr("create thematic area", s.write(ctx).Create(t).Error)
}

// UpdateThematicArea saves t's names.
func (s *Store) UpdateThematicArea(ctx context.Context, t *model.ThematicArea) error {
	return s.update(ctx, "update thematic area", t, "NameEn", "NameAr")
}
