package model

// ReportParticipant is one participation (a live registration of a
// counted training that attended at least once) for the participant list, with the person it counts
// as after merges and what was recorded on the registration.
type ReportParticipant struct {
	RegistrationID int64
	TrainingID     int64
	TitleEn        string // the training's
	TitleAr        string
	StartsOn       Date
	PersonID       int64
	NameLatin      string
	NameArabic     string
	Sex            Sex
	Rank           string
	Phone          string // empty when contact data is left out
	Email          string
	AgencyEn       string
	AgencyAr       string
	StationEn      string
	StationAr      string
	GovernorateEn  string
	GovernorateAr  string
	Position       Position
	Attended       int // sessions present or late
	Sessions       int // the training's live sessions that have taken place
	Planned        int // all its live sessions
	PreScore       *float64
	PostScore      *float64
	Satisfaction   *int
	MinRate        int
	MinPostScore   *int
}

// Running reports whether the training still has sessions to come.
func (p ReportParticipant) Running() bool { return p.Sessions < p.Planned }

// Completed applies the training's completion rule to a training that is
// over; nobody has completed a training that is still running.
func (p ReportParticipant) Completed() bool {
	return !p.Running() && Completed(p.Attended, p.Planned, p.MinRate, p.MinPostScore, p.PostScore)
}

// AttendanceLine is one participation's row of the attendance matrix: its
// marks at the training's sessions that have taken place, in date order
// ("" where the roll left the cell empty).
type AttendanceLine struct {
	RegistrationID int64
	TrainingID     int64
	TitleEn        string // the training's
	TitleAr        string
	PersonID       int64
	NameLatin      string
	NameArabic     string
	Marks          []Mark
	Dates          []Date
}

// Attended counts the marks present or late.
func (a AttendanceLine) Attended() int {
	n := 0
	for _, m := range a.Marks {
		if m.Attended() {
			n++
		}
	}
	return n
}

// ReportFilter chooses the trainings a donor report counts: one project's
// trainings that are neither drafts nor cancelled, whose dates overlap
// [From, To] and that have had a session by AsOf, optionally narrowed by
// the training's partner agency, the governorate where it was held, its
// thematic area and one of its facilitators (0: any).
type ReportFilter struct {
	ProjectID     int64
	From, To      Date
	AgencyID      int64
	GovernorateID int64
	ThematicID    int64
	FacilitatorID int64
	// TrainingID narrows the report to one training (0: any), for what is
	// told about a single course, such as its news item.
	TrainingID int64
	// AsOf is the venues' today: a session has taken place when its day is
	// before AsOf, or is AsOf and has a mark.
	AsOf Date
	// Mastery is the post-test score that counts as mastery (the project's
	// threshold); only the assessments statement reads it.
	Mastery float64
}

// ReportTraining is one training of the period with its figures. Sessions
// counts its live sessions that have taken place (none: it has not
// started and counts nowhere), Planned all its live sessions. Marks and
// participants count those sessions only; NoShows are the live
// registrations with no present or late mark at them.
type ReportTraining struct {
	ID             int64
	TitleEn        string
	TitleAr        string
	StartsOn       Date
	EndsOn         Date
	VenueEn        string
	VenueAr        string
	City           string
	GovernorateID  *int64
	GovernorateEn  string
	GovernorateAr  string
	Status         TrainingStatus
	Sessions       int // live sessions that have taken place
	Planned        int // live sessions
	Days           int // sessions that have taken place within the period
	Participants   int
	NoShows        int
	Women          int
	Men            int
	Present        int
	Late           int
	Absent         int
	Excused        int
	Completed      int
	MinRate        int
	MinPostScore   *int
	ThematicAreaID *int64
}

// ReportGroup is one line of a disaggregation: the participations and the
// unique individuals (after merges) of one agency, duty station,
// governorate or position (as recorded on the registrations), each by
// sex. ID is nil and Key empty for registrations that recorded nothing.
// The line of Dim "all" counts everybody.
type ReportGroup struct {
	Dim                 string // "all", "agency", "station", "governorate" or "position"
	ID                  *int64
	Key                 string `gorm:"column:grp_key"` // the position
	NameEn, NameAr      string
	Participations      int
	ParticipationsWomen int
	ParticipationsMen   int
	Individuals         int
	Women               int
	Men                 int
}

// Position is a recorded position as the model names it.
func (g ReportGroup) Position() Position { return Position(g.Key) }

// ReportAssessments sums the test scores and satisfaction ratings of the
// live registrations. Assessed counts those with both a pre- and a
// post-test score; the sums, Improved and Mastery are over those only.
type ReportAssessments struct {
	Assessed   int
	SumPre     float64
	SumPost    float64
	Improved   int // post > pre
	Mastery    int // post >= the project's mastery threshold
	Sat1, Sat2 int
	Sat3, Sat4 int
	Sat5       int
}

// ReportGoal is an SDG or GCM objective that counted trainings are tagged
// with: how many trainings, participations and unique individuals.
type ReportGoal struct {
	Kind           string // "sdg" or "gcm"
	Goal           int64  // the goal's or objective's number
	TitleEn        string
	TitleAr        string
	Trainings      int
	Participations int
	Individuals    int
}
