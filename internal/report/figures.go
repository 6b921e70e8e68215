package report

import "github.com/traindesk/traindesk/internal/model"

// Figures is the donor report: every number that the page, the exports, the
// JSON API and the PDF show, computed once by Compute. It is plain data so
// that any writer reads the same figures. Percentages run from 0 to 100 and
// are nil when there is nothing to divide by.
type Figures struct {
	Project      Project        `json:"project"`
	Period       Period         `json:"period"`
	Scope        Scope          `json:"filter"`
	Summary      Summary        `json:"summary"`
	Attendance   Attendance     `json:"attendance"`
	Knowledge    Knowledge      `json:"knowledge"`
	Satisfaction Satisfaction   `json:"satisfaction"`
	Groups       Disaggregation `json:"disaggregation"`
	Indicators   []Indicator    `json:"indicators"`
	SDGs         []Goal         `json:"sdgs"`
	GCMs         []Goal         `json:"gcm_objectives"`
	Trainings    []Training     `json:"trainings"`
}

// Project names the project reported on and its donor.
type Project struct {
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
	From model.Date `json:"from"`
	To   model.Date `json:"to"`
}

// Scope repeats the optional filters (0: any).
type Scope struct {
	AgencyID      int64 `json:"agency_id,omitempty"`
	GovernorateID int64 `json:"governorate_id,omitempty"`
	ThematicID    int64 `json:"thematic_area_id,omitempty"`
}

// Summary holds the headline figures.
type Summary struct {
	TrainingsHeld       int      `json:"trainings_held"`
	TrainingDays        int      `json:"training_days"`
	Participations      int      `json:"participations"`
	ParticipationsWomen int      `json:"participations_women"`
	ParticipationsMen   int      `json:"participations_men"`
	Individuals         int      `json:"unique_individuals"`
	Women               int      `json:"women"`
	Men                 int      `json:"men"`
	WomenShare          *float64 `json:"women_share_percent"`
	Completed           int      `json:"completed"`
	CompletionRate      *float64 `json:"completion_rate_percent"`
}

// Attendance sums the marks of the participations at their trainings' live
// sessions. Expected is participations times sessions; Unmarked is what the
// roll left empty, which counts as not attended.
type Attendance struct {
	Expected int      `json:"expected"`
	Attended int      `json:"attended"`
	Present  int      `json:"present"`
	Late     int      `json:"late"`
	Absent   int      `json:"absent"`
	Excused  int      `json:"excused"`
	Unmarked int      `json:"unmarked"`
	Rate     *float64 `json:"rate_percent"`
}

// Knowledge compares pre- and post-test scores over the participations
// that have both.
type Knowledge struct {
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

// Satisfaction summarises the end-of-course ratings from 1 to 5.
type Satisfaction struct {
	Responses int      `json:"responses"`
	Mean      *float64 `json:"mean"`
	Counts    [5]int   `json:"counts"` // Counts[i] rated i+1
}

// Disaggregation splits participations and unique individuals by what was
// recorded on the registrations.
type Disaggregation struct {
	Agency      []Group `json:"by_agency"`
	Station     []Group `json:"by_duty_station"`
	Governorate []Group `json:"by_governorate"`
	Position    []Group `json:"by_position"`
}

// Group is one line of a disaggregation. Key is the agency's, station's or
// governorate's id, or the position's code; "" gathers registrations that
// recorded nothing. A person recorded under two groups (after moving
// between trainings) is an individual of both.
type Group struct {
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

// Indicator is a project indicator with its actual value for the period
// and the progress from baseline to target.
type Indicator struct {
	ID       int64        `json:"id"`
	Code     string       `json:"code"`
	NameEn   string       `json:"name_en"`
	NameAr   string       `json:"name_ar"`
	Unit     string       `json:"unit"`
	Metric   model.Metric `json:"metric"`
	Baseline float64      `json:"baseline"`
	Target   float64      `json:"target"`
	Actual   *float64     `json:"actual"`
	Progress *float64     `json:"progress_percent"`
}

// Goal is an SDG or a GCM objective with the counted trainings tagged with
// it and their participations and unique individuals.
type Goal struct {
	Number         int64  `json:"number"`
	TitleEn        string `json:"title_en"`
	TitleAr        string `json:"title_ar"`
	Trainings      int    `json:"trainings"`
	Participations int    `json:"participations"`
	Individuals    int    `json:"unique_individuals"`
}

// Training is one line of the per-training table.
type Training struct {
	ID             int64                `json:"id"`
	Title          string               `json:"title"`
	StartsOn       model.Date           `json:"starts_on"`
	EndsOn         model.Date           `json:"ends_on"`
	Venue          string               `json:"venue"`
	City           string               `json:"city"`
	GovernorateEn  string               `json:"governorate_en"`
	GovernorateAr  string               `json:"governorate_ar"`
	Status         model.TrainingStatus `json:"status"`
	Sessions       int                  `json:"sessions"`
	Days           int                  `json:"training_days"`
	Participants   int                  `json:"participants"`
	Women          int                  `json:"women"`
	Men            int                  `json:"men"`
	Expected       int                  `json:"attendance_expected"`
	Attended       int                  `json:"attended"`
	AttendanceRate *float64             `json:"attendance_rate_percent"`
	Completed      int                  `json:"completed"`
	CompletionRate *float64             `json:"completion_rate_percent"`
}

// share is n out of of as a percentage, or nil when of is 0.
func share(n, of int) *float64 {
	if of == 0 {
		return nil
	}
	v := float64(n) * 100 / float64(of)
	return &v
}

// mean is sum over n, or nil when n is 0.
func mean(sum float64, n int) *float64 {
	if n == 0 {
		return nil
	}
	v := sum / float64(n)
	return &v
}
