package model

import (
	"time"
)

// Figures is the donor report: every number that the page, the exports, the
// JSON API and the PDF show, computed once by report.Compute. It is plain data so
// that any writer reads the same figures. Percentages run from 0 to 100 and
// are nil when there is nothing to divide by.
type Figures struct {
	Project      ReportProject       `json:"project"`
	Period       Period              `json:"period"`
	Scope        ReportScope         `json:"filter"`
	Counted      ReportCounted       `json:"counted"`
	Summary      ReportSummary       `json:"summary"`
	Attendance   AttendanceFigures   `json:"attendance"`
	Knowledge    KnowledgeFigures    `json:"knowledge"`
	Satisfaction SatisfactionFigures `json:"satisfaction"`
	Outcome      OutcomeFigures      `json:"outcome"`
	Questions    []QuestionFigures   `json:"questions"`
	Agreement    []AgreeFigures      `json:"agreement"`
	Groups       Disaggregation      `json:"disaggregation"`
	Indicators   []IndicatorFigures  `json:"indicators"`
	SDGs         []GoalFigures       `json:"sdgs"`
	GCMs         []GoalFigures       `json:"gcm_objectives"`
	Trainings    []TrainingFigures   `json:"trainings"`
}

// ReportProject names the project reported on and its donor.
type ReportProject struct {
	ID               int64   `json:"id"`
	Code             string  `json:"code"`
	TitleEn          string  `json:"title_en"`
	TitleAr          string  `json:"title_ar"`
	DonorID          int64   `json:"donor_id"`
	DonorEn          string  `json:"donor_en"`
	DonorAr          string  `json:"donor_ar"`
	MasteryThreshold float64 `json:"mastery_threshold"`
}

// Period is the reporting period, both days included.
type Period struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// ReportScope repeats the optional filters (0: any). FacilitatorID narrows
// the figures to one trainer's trainings (the dashboard of a trainer).
type ReportScope struct {
	AgencyID      int64 `json:"agency_id,omitempty"`
	GovernorateID int64 `json:"governorate_id,omitempty"`
	ThematicID    int64 `json:"thematic_area_id,omitempty"`
	FacilitatorID int64 `json:"facilitator_id,omitempty"`
}

// ReportCounted says what the figures stand on. AsOf is the venues' day
// when they were counted: a session counts once it has taken place (its
// day is before AsOf, or it is AsOf and the roll has been taken). Running
// is how many counted trainings still have sessions to come (their
// completion is not counted yet); NotStarted how many trainings of the
// period have had no session yet, and so count nowhere.
type ReportCounted struct {
	AsOf       Date `json:"as_of"`
	Running    int  `json:"trainings_running"`
	NotStarted int  `json:"trainings_not_started"`
}

// ReportSummary holds the headline figures. Participations are the
// registrations that attended (present or late) at least once; NoShows
// the live registrations that never did. CompletionBase is the
// participations of the trainings that are over, which the completion
// rate divides.
type ReportSummary struct {
	TrainingsHeld       int      `json:"trainings_held"`
	TrainingDays        int      `json:"training_days"`
	Participations      int      `json:"participations"`
	ParticipationsWomen int      `json:"participations_women"`
	ParticipationsMen   int      `json:"participations_men"`
	Individuals         int      `json:"unique_individuals"`
	Women               int      `json:"women"`
	Men                 int      `json:"men"`
	WomenShare          *float64 `json:"women_share_percent"`
	NoShows             int      `json:"no_shows"`
	CompletionBase      int      `json:"completion_base"`
	Completed           int      `json:"completed"`
	CompletionRate      *float64 `json:"completion_rate_percent"`
}

// AttendanceFigures sums the marks of the participations at their
// trainings' sessions that have taken place. Expected is participations
// times those sessions;
// Unmarked is what the roll left empty, which counts as not attended.
type AttendanceFigures struct {
	Expected int      `json:"expected"`
	Attended int      `json:"attended"`
	Present  int      `json:"present"`
	Late     int      `json:"late"`
	Absent   int      `json:"absent"`
	Excused  int      `json:"excused"`
	Unmarked int      `json:"unmarked"`
	Rate     *float64 `json:"rate_percent"`
}

// KnowledgeFigures compares pre- and post-test scores over the
// participations that have both.
type KnowledgeFigures struct {
	Assessed         int      `json:"assessed"`
	MeanPre          *float64 `json:"mean_pre"`
	MeanPost         *float64 `json:"mean_post"`
	MeanGain         *float64 `json:"mean_gain"`
	Improved         int      `json:"improved"`
	ImprovedShare    *float64 `json:"improved_percent"`
	MasteryThreshold float64  `json:"mastery_threshold"`
	Mastery          int      `json:"mastery"`
	MasteryShare     *float64 `json:"mastery_percent"`
}

// SatisfactionFigures summarises the end-of-course ratings from 1 to 5.
type SatisfactionFigures struct {
	Responses int      `json:"responses"`
	Mean      *float64 `json:"mean"`
	Counts    [5]int   `json:"counts"` // Counts[i] rated i+1
}

// Disaggregation splits participations and unique individuals by what was
// recorded on the registrations.
type Disaggregation struct {
	Agency      []GroupFigures `json:"by_agency"`
	Station     []GroupFigures `json:"by_duty_station"`
	Governorate []GroupFigures `json:"by_governorate"`
	Position    []GroupFigures `json:"by_position"`
}

// GroupFigures is one line of a disaggregation. Key is the agency's,
// station's or governorate's id, or the position's code; "" gathers registrations that
// recorded nothing. A person recorded under two groups (after moving
// between trainings) is an individual of both.
type GroupFigures struct {
	Key                 string `json:"key"`
	NameEn              string `json:"name_en,omitempty"`
	NameAr              string `json:"name_ar,omitempty"`
	Participations      int    `json:"participations"`
	ParticipationsWomen int    `json:"participations_women"`
	ParticipationsMen   int    `json:"participations_men"`
	Individuals         int    `json:"unique_individuals"`
	Women               int    `json:"women"`
	Men                 int    `json:"men"`
}

// IndicatorFigures is a project indicator with its actual value for the
// period and the progress from baseline to target.
type IndicatorFigures struct {
	ID       int64    `json:"id"`
	Code     string   `json:"code"`
	NameEn   string   `json:"name_en"`
	NameAr   string   `json:"name_ar"`
	Unit     string   `json:"unit"`
	Metric   Metric   `json:"metric"`
	Baseline float64  `json:"baseline"`
	Target   float64  `json:"target"`
	Actual   *float64 `json:"actual"`
	Progress *float64 `json:"progress_percent"`
}

// GoalFigures is an SDG or a GCM objective with the counted trainings
// tagged with it and their participations and unique individuals.
type GoalFigures struct {
	Number         int64  `json:"number"`
	TitleEn        string `json:"title_en"`
	TitleAr        string `json:"title_ar"`
	Trainings      int    `json:"trainings"`
	Participations int    `json:"participations"`
	Individuals    int    `json:"unique_individuals"`
}

// TrainingFigures is one line of the per-training table. Sessions are those
// that have taken place, SessionsPlanned all its live ones; a training with
// sessions to come is Running, and its completion is not counted yet.
type TrainingFigures struct {
	ID              int64          `json:"id"`
	TitleEn         string         `json:"title_en"`
	TitleAr         string         `json:"title_ar"`
	StartsOn        Date           `json:"starts_on"`
	EndsOn          Date           `json:"ends_on"`
	VenueEn         string         `json:"venue_en"`
	VenueAr         string         `json:"venue_ar"`
	City            string         `json:"city"`
	GovernorateEn   string         `json:"governorate_en"`
	GovernorateAr   string         `json:"governorate_ar"`
	Status          TrainingStatus `json:"status"`
	Running         bool           `json:"running"`
	Sessions        int            `json:"sessions"`
	SessionsPlanned int            `json:"sessions_planned"`
	Days            int            `json:"training_days"`
	Participants    int            `json:"participants"`
	NoShows         int            `json:"no_shows"`
	Women           int            `json:"women"`
	Men             int            `json:"men"`
	Expected        int            `json:"attendance_expected"`
	Attended        int            `json:"attended"`
	AttendanceRate  *float64       `json:"attendance_rate_percent"`
	Completed       int            `json:"completed"`
	CompletionRate  *float64       `json:"completion_rate_percent"`
}

// ReportDimensions lists the disaggregations in the order the report
// shows them.
var ReportDimensions = []string{"agency", "station", "governorate", "position"}

// Lines returns the disaggregation lines of dim.
func (d Disaggregation) Lines(dim string) []GroupFigures {
	switch dim {
	case "agency":
		return d.Agency
	case "station":
		return d.Station
	case "governorate":
		return d.Governorate
	case "position":
		return d.Position
	}
	return nil
}

// YearPeriod returns the first and last day of year.
func YearPeriod(year int) (Date, Date) {
	return Date{Year: year, Month: 1, Day: 1}, Date{Year: year, Month: 12, Day: 31}
}

// QuarterPeriod returns the first and last day of quarter q (1–4) of year.
func QuarterPeriod(year, q int) (Date, Date) {
	first := Date{Year: year, Month: time.Month(3*(q-1) + 1), Day: 1}
	return first, DateOf(first.Time().AddDate(0, 3, -1))
}
