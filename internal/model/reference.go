package model

import "time"

// Governorate is one of Egypt's 27 governorates.
type Governorate struct {
	ID     int64
	Code   string
	NameEn string
	NameAr string
}

// SDG is one of the 17 Sustainable Development Goals; ID is its number.
type SDG struct {
	ID      int64
	TitleEn string
	TitleAr string
}

// GCMObjective is one of the 23 objectives of the Global Compact for Safe,
// Orderly and Regular Migration; ID is its number.
type GCMObjective struct {
	ID      int64
	TitleEn string
	TitleAr string
}

// ThematicArea groups trainings by subject (counter-smuggling, protection…).
type ThematicArea struct {
	ID         int64
	NameEn     string
	NameAr     string
	ArchivedAt *time.Time
}

// Donor is the government or institution that funds projects.
type Donor struct {
	ID         int64
	NameEn     string
	NameAr     string
	ShortName  string
	ArchivedAt *time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Project is a grant: the frame a donor reports against.
type Project struct {
	ID               int64
	Code             string
	TitleEn          string
	TitleAr          string
	DonorID          int64
	StartsOn         Date
	EndsOn           Date
	MasteryThreshold int // post-test score that counts as mastery, 0–100
	ArchivedAt       *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Metric names how an indicator's actual value is computed from the data.
type Metric string

// The metrics traindesk computes; MetricManual is entered by hand.
const (
	MetricOfficialsTrained Metric = "officials_trained" // unique individuals
	MetricParticipations   Metric = "participations"    // registrations
	MetricWomenShare       Metric = "women_share"       // % of individuals who are women
	MetricKnowledgeGain    Metric = "knowledge_gain"    // % with post > pre
	MetricCompletionRate   Metric = "completion_rate"   // % of participations completed
	MetricTrainingsHeld    Metric = "trainings_held"    // trainings counted in the period (not cancelled)
	MetricTrainingDays     Metric = "training_days"     // sessions held
	MetricSkillsUse        Metric = "skills_use"        // % of follow-up answers reporting use
	MetricManual           Metric = "manual"
)

// Metrics lists the metrics in the order forms show them.
var Metrics = []Metric{MetricOfficialsTrained, MetricParticipations, MetricWomenShare,
	MetricKnowledgeGain, MetricCompletionRate, MetricTrainingsHeld, MetricTrainingDays, MetricSkillsUse, MetricManual}

// Indicator is a project's measurable result with its baseline and target.
type Indicator struct {
	ID        int64
	ProjectID int64
	Code      string
	NameEn    string
	NameAr    string
	Unit      string // "count" or "percent"
	Metric    Metric
	Baseline  float64
	Target    float64
	Actual    *float64 // only for MetricManual
	Position  int
}

// AgencyKind classifies partner institutions.
type AgencyKind string

// Agency kinds.
const (
	AgencyCustoms   AgencyKind = "customs"
	AgencyPolice    AgencyKind = "police"
	AgencyJudiciary AgencyKind = "judiciary"
	AgencyLabour    AgencyKind = "labour"
	AgencyMinistry  AgencyKind = "ministry"
	AgencyOther     AgencyKind = "other"
)

// AgencyKinds lists the kinds in display order.
var AgencyKinds = []AgencyKind{AgencyCustoms, AgencyPolice, AgencyJudiciary, AgencyLabour, AgencyMinistry, AgencyOther}

// Agency is a partner institution whose staff are trained.
type Agency struct {
	ID               int64
	NameEn           string
	NameAr           string
	ShortName        string
	ParentMinistryEn string
	ParentMinistryAr string
	Kind             AgencyKind
	FocalName        string
	FocalPhone       string
	FocalEmail       string
	ArchivedAt       *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// StationKind classifies duty stations.
type StationKind string

// Duty station kinds.
const (
	StationSeaport      StationKind = "seaport"
	StationAirport      StationKind = "airport"
	StationLandBorder   StationKind = "land_border"
	StationHeadquarters StationKind = "headquarters"
	StationOther        StationKind = "other"
)

// StationKinds lists the kinds in display order.
var StationKinds = []StationKind{StationSeaport, StationAirport, StationLandBorder, StationHeadquarters, StationOther}

// DutyStation is where an officer works: a port, an airport, a border
// crossing or a headquarters.
type DutyStation struct {
	ID            int64
	NameEn        string
	NameAr        string
	Kind          StationKind
	GovernorateID *int64
	AgencyID      *int64
	ArchivedAt    *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}
