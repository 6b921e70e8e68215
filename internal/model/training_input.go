package model

import (
	"regexp"
	"strconv"
	"strings"
)

// QuotaInput reserves places on a training for an agency or a duty station.
type QuotaInput struct {
	AgencyID  *int64
	StationID *int64
	Places    string // as typed
}

// TrainingInput is the training form as typed.
type TrainingInput struct {
	TitleEn        string
	TitleAr        string
	ObjectivesEn   string
	ObjectivesAr   string
	ThematicAreaID *int64
	ProjectID      *int64
	AgencyID       *int64
	VenueEn        string
	VenueAr        string
	City           string
	GovernorateID  *int64
	StartsOn       string
	EndsOn         string
	Capacity       string
	Language       string
	Facilitators   []int64
	SDGs           []int64
	GCMs           []int64
	Quotas         []QuotaInput
	CompletionRate string // percent of sessions; empty means the default
	MinPostScore   string // optional
	DayStarts      string // default session hours, HH:MM
	DayEnds        string
	OutsideOK      bool // the officer confirmed dates outside the project's period
}

// TrainingLanguages are the languages a training can be given in.
var TrainingLanguages = []string{"ar", "en", "ar,en"}

var clock = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)

// ValidClock reports whether s is an HH:MM time of day.
func ValidClock(s string) bool { return clock.MatchString(s) }

// Training turns valid input into a training (without its id, status or
// audit fields). project is the chosen project, if any, for the period
// check. It returns field errors as a *ValidationError.
func (in *TrainingInput) Training(project *Project) (Training, []Quota, error) {
	errs := Errors{}
	trim(&in.TitleEn, &in.TitleAr, &in.VenueEn, &in.VenueAr, &in.City, &in.ObjectivesEn, &in.ObjectivesAr)
	t := Training{TitleEn: in.TitleEn, TitleAr: in.TitleAr, ObjectivesEn: in.ObjectivesEn, ObjectivesAr: in.ObjectivesAr,
		ThematicAreaID: in.ThematicAreaID, ProjectID: in.ProjectID, AgencyID: in.AgencyID,
		VenueEn: in.VenueEn, VenueAr: in.VenueAr, City: in.City, GovernorateID: in.GovernorateID, Language: in.Language,
		CompletionMinRate: DefaultCompletionRate}
	// A training needs a title in at least one language; the pages show the
	// other language's where one is missing.
	if in.TitleEn == "" && in.TitleAr == "" {
		errs.Add("title_en", "training.error.title_one")
	}
	for f, v := range map[string]string{"title_en": in.TitleEn, "title_ar": in.TitleAr} {
		if len([]rune(v)) > 300 {
			errs.Add(f, "error.too_long")
		}
	}
	for f, v := range map[string]string{"venue_en": in.VenueEn, "venue_ar": in.VenueAr} {
		if len([]rune(v)) > 200 {
			errs.Add(f, "error.too_long")
		}
	}
	start, err := ParseDate(in.StartsOn)
	if err != nil {
		errs.Add("starts_on", "error.date")
	}
	end, err := ParseDate(in.EndsOn)
	if err != nil {
		errs.Add("ends_on", "error.date")
	}
	if !start.IsZero() && !end.IsZero() {
		switch {
		case end.Before(start):
			errs.Add("ends_on", "training.error.end_before_start")
		case start.DaysUntil(end) > 60:
			errs.Add("ends_on", "training.error.too_long")
		}
	}
	t.StartsOn, t.EndsOn = start, end
	if project != nil && !start.IsZero() && !end.IsZero() && !in.OutsideOK {
		if (!project.StartsOn.IsZero() && start.Before(project.StartsOn)) || (!project.EndsOn.IsZero() && end.After(project.EndsOn)) {
			errs.Add("starts_on", "training.error.outside_project")
		}
	}
	capacity, err := strconv.Atoi(strings.TrimSpace(in.Capacity))
	switch {
	case err != nil || capacity < 1:
		errs.Add("capacity", "training.error.capacity")
	case capacity > 1000:
		errs.Add("capacity", "training.error.capacity_max")
	}
	t.Capacity = capacity
	if !validLanguage(in.Language) {
		errs.Add("language", "error.choose")
	}
	t.CompletionMinRate = percentField(errs, "completion_rate", in.CompletionRate, DefaultCompletionRate)
	if strings.TrimSpace(in.MinPostScore) != "" {
		v := percentField(errs, "min_post_score", in.MinPostScore, 0)
		t.CompletionMinPostScore = &v
	}
	if in.DayStarts == "" {
		in.DayStarts = "09:00"
	}
	if in.DayEnds == "" {
		in.DayEnds = "15:00"
	}
	if !ValidClock(in.DayStarts) {
		errs.Add("day_starts", "error.time")
	}
	if !ValidClock(in.DayEnds) || (ValidClock(in.DayStarts) && in.DayEnds <= in.DayStarts) {
		errs.Add("day_ends", "training.error.hours")
	}
	quotas := in.quotas(errs, capacity)
	return t, quotas, errs.Err()
}

// Quota is a validated quota.
type Quota struct {
	AgencyID  *int64
	StationID *int64
	Places    int
}

func (in *TrainingInput) quotas(errs Errors, capacity int) []Quota {
	var out []Quota
	sum := 0
	for _, q := range in.Quotas {
		if q.AgencyID == nil && q.StationID == nil && strings.TrimSpace(q.Places) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(q.Places))
		switch {
		case q.AgencyID == nil && q.StationID == nil:
			errs.Add("quotas", "training.error.quota_target")
		case err != nil || n < 1:
			errs.Add("quotas", "training.error.quota_places")
		case capacity > 0 && n > capacity:
			errs.Add("quotas", "training.error.quota_over_capacity")
		default:
			sum += n
			out = append(out, Quota{AgencyID: q.AgencyID, StationID: q.StationID, Places: n})
		}
	}
	if capacity > 0 && sum > capacity && !hasNested(out) {
		errs.Add("quotas", "training.error.quotas_over_capacity")
	}
	return out
}

// hasNested reports whether quotas mix agencies and stations, in which
// case they overlap (a station belongs to an agency) and may add up to more
// than the capacity.
func hasNested(qs []Quota) bool {
	a, s := false, false
	for _, q := range qs {
		a = a || q.AgencyID != nil
		s = s || q.StationID != nil
	}
	return a && s
}

func percentField(errs Errors, field, s string, def int) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 100 {
		errs.Add(field, "error.percent")
		return def
	}
	return n
}

func validLanguage(s string) bool {
	for _, l := range TrainingLanguages {
		if s == l {
			return true
		}
	}
	return false
}

// transitions lists the status changes a training may make.
var transitions = map[TrainingStatus][]TrainingStatus{
	StatusDraft:     {StatusPlanned, StatusCancelled},
	StatusPlanned:   {StatusDraft, StatusOngoing, StatusCancelled},
	StatusOngoing:   {StatusCompleted, StatusPlanned, StatusCancelled},
	StatusCompleted: {StatusOngoing},
	StatusCancelled: {StatusDraft},
}

// NextStatuses lists where a training in status st may go.
func NextStatuses(st TrainingStatus) []TrainingStatus { return transitions[st] }

// CanMove reports whether a training may go from one status to another.
func CanMove(from, to TrainingStatus) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// SittingInput is a session's form as typed.
type SittingInput struct {
	Date, StartsAt, EndsAt, Topic string
}

// Sitting validates the input against the training's dates.
func (in SittingInput) Sitting(t Training) (Sitting, error) {
	errs := Errors{}
	d, err := ParseDate(in.Date)
	if err != nil {
		errs.Add("date", "error.date")
	} else if d.Before(t.StartsOn) || d.After(t.EndsOn) {
		errs.Add("date", "training.error.session_outside")
	}
	if !ValidClock(in.StartsAt) {
		errs.Add("starts_at", "error.time")
	}
	if !ValidClock(in.EndsAt) || (ValidClock(in.StartsAt) && in.EndsAt <= in.StartsAt) {
		errs.Add("ends_at", "training.error.hours")
	}
	topic := strings.TrimSpace(in.Topic)
	if len([]rune(topic)) > 300 {
		errs.Add("topic", "error.too_long")
	}
	return Sitting{TrainingID: t.ID, Date: d, StartsAt: in.StartsAt, EndsAt: in.EndsAt, Topic: topic}, errs.Err()
}
