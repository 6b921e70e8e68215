package model

import "time"

// Mark is an attendance status for one person at one session.
type Mark string

// Marks.
const (
	MarkPresent Mark = "present"
	MarkLate    Mark = "late"
	MarkAbsent  Mark = "absent"
	MarkExcused Mark = "excused"
)

// Marks lists the marks in the order the roll call offers them.
var Marks = []Mark{MarkPresent, MarkLate, MarkAbsent, MarkExcused}

// Valid reports whether m is one of Marks.
func (m Mark) Valid() bool {
	for _, x := range Marks {
		if m == x {
			return true
		}
	}
	return false
}

// Attended reports whether the mark counts towards completion.
func (m Mark) Attended() bool { return m == MarkPresent || m == MarkLate }

// Via says how a mark reached the server.
type Via string

// Ways a mark is recorded.
const (
	ViaOnline     Via = "online"
	ViaSync       Via = "offline_sync"
	ViaQR         Via = "qr"
	ViaCorrection Via = "correction"
	ViaImport     Via = "import"
)

// Attendance is the current mark of a registration at a sitting.
type Attendance struct {
	ID             int64
	RegistrationID int64
	SittingID      int64
	Status         Mark
	Note           string
	ClientTime     int64 // milliseconds since 1970 on the recording device
	DeviceID       string
	OpID           string
	Via            Via
	RecordedByID   *int64
	RecordedAt     time.Time
	// Version is the session's marks version at which this mark last
	// changed (see SessionVersion); 0 for marks older than versions.
	Version int64
}

// AttendanceChange is one entry of a mark's history.
type AttendanceChange struct {
	ID             int64
	RegistrationID int64
	SittingID      int64
	OldStatus      string
	NewStatus      string
	Note           string
	ClientTime     int64
	DeviceID       string
	OpID           string
	Via            Via
	RecordedByID   *int64
	RecordedAt     time.Time
}

// Assessment holds a participant's test scores and satisfaction rating.
type Assessment struct {
	RegistrationID int64
	PreScore       *float64
	PostScore      *float64
	Satisfaction   *int
	// PreSource, PostSource and SatSource say where each value came from:
	// SourceQuiz when a closed questionnaire wrote it, "" when typed.
	PreSource, PostSource, SatSource string
	UpdatedByID                      *int64
	UpdatedAt                        time.Time
}

// SourceQuiz marks a score written by a closed questionnaire.
const SourceQuiz = "questionnaire"

// Completed applies a training's completion rule to one participant:
// attended is the number of sessions marked present or late, total the
// number of sessions held.
func Completed(attended, total, minRate int, minPost *int, post *float64) bool {
	if total == 0 {
		return false
	}
	if attended*100 < minRate*total {
		return false
	}
	if minPost != nil {
		if post == nil || *post < float64(*minPost) {
			return false
		}
	}
	return true
}

// Certificate is the proof of completion a participant receives.
type Certificate struct {
	ID             int64
	RegistrationID int64
	Code           string
	IssuedAt       time.Time
	RevokedAt      *time.Time
	RevokedReason  string
	RevokedByID    *int64
}
