package training

import (
	"sort"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/components"
)

// ShowProps is everything a training's page shows.
type ShowProps struct {
	Names    components.Names
	T        model.TrainingDetail
	Sittings []model.SittingRow
	Roster   []model.RosterRow
	Marks    map[[2]int64]model.Attendance // by registration and session
	Today    model.Date
	CanEdit  bool
	Scores   map[int64]model.Assessment // by registration
	// CanAssess: may enter test scores (editors and the training's trainers).
	CanAssess bool
}

// Group is a line of the participants-by-agency or by-station tables.
type Group struct {
	ID       *int64
	Count    int
	Women    int
	Men      int
	Quota    int // 0: no quota
	HasQuota bool
}

// Counts sums the live registrations.
type Counts struct {
	Live, Confirmed, Nominated, Withdrawn, Women, Men int
}

// Counts tallies the roster.
func (p ShowProps) Counts() Counts {
	var c Counts
	for _, r := range p.Roster {
		switch r.Status {
		case model.RegWithdrawn:
			c.Withdrawn++
			continue
		case model.RegConfirmed:
			c.Confirmed++
		case model.RegNominated:
			c.Nominated++
		}
		c.Live++
		switch r.Sex {
		case model.SexFemale:
			c.Women++
		case model.SexMale:
			c.Men++
		}
	}
	return c
}

// ByAgency groups the live registrations by the agency recorded on them,
// with each agency's quota; agencies with a quota and nobody yet appear too.
func (p ShowProps) ByAgency() []Group {
	return p.group(func(r model.RosterRow) *int64 { return r.AgencyID }, func(q model.TrainingQuota) *int64 { return q.AgencyID })
}

// ByStation groups the live registrations by duty station.
func (p ShowProps) ByStation() []Group {
	return p.group(func(r model.RosterRow) *int64 { return r.DutyStationID }, func(q model.TrainingQuota) *int64 { return q.DutyStationID })
}

func (p ShowProps) group(key func(model.RosterRow) *int64, qkey func(model.TrainingQuota) *int64) []Group {
	idx := map[int64]int{}
	var out []Group
	get := func(id *int64) *Group {
		k := int64(0)
		if id != nil {
			k = *id
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Group{ID: id})
		}
		return &out[i]
	}
	for _, q := range p.T.Quotas {
		if id := qkey(q); id != nil {
			g := get(id)
			g.Quota, g.HasQuota = q.Places, true
		}
	}
	for _, r := range p.Roster {
		if r.Status == model.RegWithdrawn {
			continue
		}
		g := get(key(r))
		g.Count++
		if r.Sex == model.SexFemale {
			g.Women++
		} else if r.Sex == model.SexMale {
			g.Men++
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// IndexMarks keys marks by registration and session for the grid.
func IndexMarks(marks []model.Attendance) map[[2]int64]model.Attendance {
	out := make(map[[2]int64]model.Attendance, len(marks))
	for _, a := range marks {
		out[[2]int64{a.RegistrationID, a.SittingID}] = a
	}
	return out
}

// Mark returns the mark of a registration at a session, or "".
func (p ShowProps) Mark(reg, sitting int64) model.Mark {
	return p.Marks[[2]int64{reg, sitting}].Status
}

// Rate is the share of sessions held so far that a participant attended
// (present or late), and whether any session was marked.
func (p ShowProps) Rate(reg int64) (float64, bool) {
	attended, marked := 0, 0
	for _, s := range p.Sittings {
		a, ok := p.Marks[[2]int64{reg, s.ID}]
		if !ok {
			continue
		}
		marked++
		if a.Status.Attended() {
			attended++
		}
	}
	if len(p.Sittings) == 0 || marked == 0 {
		return 0, false
	}
	return float64(attended) * 100 / float64(len(p.Sittings)), true
}

// Result applies the training's completion rule to a registration.
func (p ShowProps) Result(reg int64) model.Result {
	attended := 0
	for _, s := range p.Sittings {
		if a, ok := p.Marks[[2]int64{reg, s.ID}]; ok && a.Status.Attended() {
			attended++
		}
	}
	var post *float64
	if a, ok := p.Scores[reg]; ok {
		post = a.PostScore
	}
	return p.T.Complete(attended, len(p.Sittings), post)
}

// Completers counts the live registrations that completed.
func (p ShowProps) Completers() int {
	n := 0
	for _, r := range p.Roster {
		if r.Status != model.RegWithdrawn && p.Result(r.ID).Completed {
			n++
		}
	}
	return n
}

// OutsideDates reports whether a session lies outside the training's dates
// (after the dates changed).
func (p ShowProps) OutsideDates(s model.SittingRow) bool {
	return s.Date.Before(p.T.StartsOn) || s.Date.After(p.T.EndsOn)
}
