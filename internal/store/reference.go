package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// Reference lists change rarely and are small: they are read whole, in the
// order the forms show them. Archived entries are left out unless asked for,
// so that new trainings cannot pick them while old ones still show them.

// Governorates lists Egypt's governorates by id.
func (s *Store) Governorates(ctx context.Context) ([]model.Governorate, error) {
	var out []model.Governorate
	return out, mapErr("governorates", s.read(ctx).Order("id").Find(&out).Error)
}

// SDGs lists the Sustainable Development Goals by number.
func (s *Store) SDGs(ctx context.Context) ([]model.SDG, error) {
	var out []model.SDG
	return out, mapErr("sdgs", s.read(ctx).Order("id").Find(&out).Error)
}

// GCMObjectives lists the Global Compact's objectives by number.
func (s *Store) GCMObjectives(ctx context.Context) ([]model.GCMObjective, error) {
	var out []model.GCMObjective
	return out, mapErr("gcm objectives", s.read(ctx).Order("id").Find(&out).Error)
}

func archived(all bool) string {
	if all {
		return "1 = 1"
	}
	return "archived_at IS NULL"
}

// ThematicAreas lists the thematic areas by English name.
func (s *Store) ThematicAreas(ctx context.Context, withArchived bool) ([]model.ThematicArea, error) {
	var out []model.ThematicArea
	return out, mapErr("thematic areas", s.read(ctx).Where(archived(withArchived)).Order("name_en, id").Find(&out).Error)
}

// Donors lists donors by English name.
func (s *Store) Donors(ctx context.Context, withArchived bool) ([]model.Donor, error) {
	var out []model.Donor
	return out, mapErr("donors", s.read(ctx).Where(archived(withArchived)).Order("name_en, id").Find(&out).Error)
}

// Projects lists projects by code.
func (s *Store) Projects(ctx context.Context, withArchived bool) ([]model.Project, error) {
	var out []model.Project
	return out, mapErr("projects", s.read(ctx).Where(archived(withArchived)).Order("code, id").Find(&out).Error)
}

// ProjectByID returns one project.
func (s *Store) ProjectByID(ctx context.Context, id int64) (model.Project, error) {
	var p model.Project
	return p, mapErr("project", s.read(ctx).First(&p, id).Error)
}

// ProjectByCode returns the project with that code.
func (s *Store) ProjectByCode(ctx context.Context, code string) (model.Project, error) {
	var p model.Project
	return p, mapErr("project by code", s.read(ctx).Where("code = ?", code).First(&p).Error)
}

// Indicators lists a project's indicators in their order.
func (s *Store) Indicators(ctx context.Context, projectID int64) ([]model.Indicator, error) {
	var out []model.Indicator
	return out, mapErr("indicators", s.read(ctx).Where("project_id = ?", projectID).Order("position, id").Find(&out).Error)
}

// Agencies lists partner agencies by English name.
func (s *Store) Agencies(ctx context.Context, withArchived bool) ([]model.Agency, error) {
	var out []model.Agency
	return out, mapErr("agencies", s.read(ctx).Where(archived(withArchived)).Order("name_en, id").Find(&out).Error)
}

// DutyStations lists duty stations by English name.
func (s *Store) DutyStations(ctx context.Context, withArchived bool) ([]model.DutyStation, error) {
	var out []model.DutyStation
	return out, mapErr("duty stations", s.read(ctx).Where(archived(withArchived)).Order("name_en, id").Find(&out).Error)
}

// AllRefs reads every reference list, archived entries included (pages
// must still name what old records point at; forms filter them).
func (s *Store) AllRefs(ctx context.Context) (model.Refs, error) {
	var r model.Refs
	var err error
	if r.Governorates, err = s.Governorates(ctx); err != nil {
		return r, err
	}
	if r.SDGs, err = s.SDGs(ctx); err != nil {
		return r, err
	}
	if r.GCMs, err = s.GCMObjectives(ctx); err != nil {
		return r, err
	}
	if r.Thematic, err = s.ThematicAreas(ctx, true); err != nil {
		return r, err
	}
	if r.Donors, err = s.Donors(ctx, true); err != nil {
		return r, err
	}
	if r.Projects, err = s.Projects(ctx, true); err != nil {
		return r, err
	}
	if r.Agencies, err = s.Agencies(ctx, true); err != nil {
		return r, err
	}
	r.Stations, err = s.DutyStations(ctx, true)
	return r, err
}
