package model

// Refs is every reference list at once, for forms and pages that show
// names for ids.
type Refs struct {
	Governorates []Governorate
	SDGs         []SDG
	GCMs         []GCMObjective
	Thematic     []ThematicArea
	Donors       []Donor
	Projects     []Project
	Agencies     []Agency
	Stations     []DutyStation
}

// Agency returns the agency with id, if listed.
func (r Refs) Agency(id *int64) (Agency, bool) {
	if id != nil {
		for _, a := range r.Agencies {
			if a.ID == *id {
				return a, true
			}
		}
	}
	return Agency{}, false
}

// Station returns the duty station with id, if listed.
func (r Refs) Station(id *int64) (DutyStation, bool) {
	if id != nil {
		for _, s := range r.Stations {
			if s.ID == *id {
				return s, true
			}
		}
	}
	return DutyStation{}, false
}

// Project returns the project with id, if listed.
func (r Refs) Project(id *int64) (Project, bool) {
	if id != nil {
		for _, p := range r.Projects {
			if p.ID == *id {
				return p, true
			}
		}
	}
	return Project{}, false
}

// Donor returns the donor with id, if listed.
func (r Refs) Donor(id int64) (Donor, bool) {
	for _, d := range r.Donors {
		if d.ID == id {
			return d, true
		}
	}
	return Donor{}, false
}

// Governorate returns the governorate with id, if listed.
func (r Refs) Governorate(id *int64) (Governorate, bool) {
	if id != nil {
		for _, g := range r.Governorates {
			if g.ID == *id {
				return g, true
			}
		}
	}
	return Governorate{}, false
}

// ThematicArea returns the thematic area with id, if listed.
func (r Refs) ThematicArea(id *int64) (ThematicArea, bool) {
	if id != nil {
		for _, t := range r.Thematic {
			if t.ID == *id {
				return t, true
			}
		}
	}
	return ThematicArea{}, false
}
