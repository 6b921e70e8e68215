package model

// Places is how a training's places are taken, as the registration rule
// reads it: the capacity, the live (not withdrawn) registrations, and for
// each quota the live registrations of its agency and of its station.
type Places struct {
	Capacity int
	Used     int
	Quotas   []QuotaUse
}

// QuotaUse is one quota with the live registrations it may count.
type QuotaUse struct {
	Quota     TrainingQuota
	ByAgency  int // live registrations of the quota's agency (0 when it names none)
	ByStation int // live registrations of the quota's duty station (0 when it names none)
}

// Admit says why r cannot take a place, or nil: the training is full
// (ErrFull), or a quota that applies to r is used up (*QuotaError). A quota
// applies through r's agency first, else through r's duty station; the
// counts must leave out r itself when r is already stored.
func (p Places) Admit(r Registration) error {
	if p.Used >= p.Capacity {
		return ErrFull
	}
	for _, u := range p.Quotas {
		q := u.Quota
		var n int
		switch {
		case q.AgencyID != nil && r.AgencyID != nil && *q.AgencyID == *r.AgencyID:
			n = u.ByAgency
		case q.DutyStationID != nil && r.DutyStationID != nil && *q.DutyStationID == *r.DutyStationID:
			n = u.ByStation
		default:
			continue
		}
		if n >= q.Places {
			return &QuotaError{Quota: q, Used: n}
		}
	}
	return nil
}

// Default hours of the sessions a training's days get.
const (
	DefaultDayStarts = "09:00"
	DefaultDayEnds   = "15:00"
)

// DailySittings lists the sessions a training's days lack: one for every
// day from its first to its last that has none in existing, with the given
// hours (the defaults when starts is empty). Sessions outside the dates are
// not touched: they may hold attendance.
func DailySittings(t Training, starts, ends string, existing []SittingRow) []Sitting {
	have := map[Date]bool{}
	for _, e := range existing {
		have[e.Date] = true
	}
	if starts == "" {
		starts, ends = DefaultDayStarts, DefaultDayEnds
	}
	var add []Sitting
	for d := t.StartsOn; !d.After(t.EndsOn) && !t.StartsOn.IsZero(); d = d.AddDays(1) {
		if !have[d] {
			add = append(add, Sitting{TrainingID: t.ID, Date: d, StartsAt: starts, EndsAt: ends})
		}
	}
	return add
}
