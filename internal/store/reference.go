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

// Refs is every reference list at once, for forms and pages that show
// names for ids.
type Refs struct {
	Governorates []model.Governorate
	SDGs         []model.SDG
	GCMs         []model.GCMObjective
	Thematic     []model.ThematicArea
	Donors       []model.Donor
	Projects     []model.Project
	Agencies     []model.Agency
	Stations     []model.DutyStation
}

// AllRefs reads every reference list, archived entries included (pages
// must still name what old records point at; forms filter them).
func (s *Store) AllRefs(ctx context.Context) (Refs, error) {
	var r Refs
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

// Agency returns the agency with id, if listed.
func (r Refs) Agency(id *int64) (model.Agency, bool) {
	if id != nil {
		for _, a := range r.Agencies {
			if a.ID == *id {
				return a, true
			}
		}
	}
	return model.Agency{}, false
}

// Station returns the duty station with id, if listed.
func (r Refs) Station(id *int64) (model.DutyStation, bool) {
	if id != nil {
		for _, s := range r.Stations {
			if s.ID == *id {
				return s, true
			}
		}
	}
	return model.DutyStation{}, false
}

// Project returns the project with id, if listed.
func (r Refs) Project(id *int64) (model.Project, bool) {
	if id != nil {
		for _, p := range r.Projects {
			if p.ID == *id {
				return p, true
			}
		}
	}
	return model.Project{}, false
}

// Donor returns the donor with id, if listed.
func (r Refs) Donor(id int64) (model.Donor, bool) {
	for _, d := range r.Donors {
		if d.ID == id {
			return d, true
		}
	}
	return model.Donor{}, false
}

// Governorate returns the governorate with id, if listed.
func (r Refs) Governorate(id *int64) (model.Governorate, bool) {
	if id != nil {
		for _, g := range r.Governorates {
			if g.ID == *id {
				return g, true
			}
		}
	}
	return model.Governorate{}, false
}

// ThematicArea returns the thematic area with id, if listed.
func (r Refs) ThematicArea(id *int64) (model.ThematicArea, bool) {
	if id != nil {
		for _, t := range r.Thematic {
			if t.ID == *id {
				return t, true
			}
		}
	}
	return model.ThematicArea{}, false
}
