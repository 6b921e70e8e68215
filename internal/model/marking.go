package model

import "time"

// MarkKey names one cell of the attendance grid: a registration at a
// session. A cell holds at most one current mark.
type MarkKey struct {
	RegistrationID int64
	SittingID      int64
}

// Key returns the cell a mark belongs to.
func (a Attendance) Key() MarkKey { return MarkKey{a.RegistrationID, a.SittingID} }

// Key returns the cell an operation marks.
func (op MarkOp) Key() MarkKey { return MarkKey{op.RegistrationID, op.SittingID} }

// MarkingScope is what deciding on a batch of marks needs from the
// database: the live sessions the batch names, the facilitators of their
// trainings, and the registrations it names. Ids the database does not
// know are simply missing.
type MarkingScope struct {
	Sittings      map[int64]Sitting
	Facilitators  map[int64][]int64 // user ids by training
	Registrations map[int64]Registration
}

// RollCall is a session's roll as the service hands it to the roll-call
// page: the people still registered, their current marks and check-in
// codes, and whether the viewer may mark now.
type RollCall struct {
	Training TrainingDetail
	Sitting  Sitting
	Refs     Refs                // to name duty stations
	People   []RosterRow         // without the withdrawn
	Marks    map[int64]MarkState // by registration
	Codes    map[int64]string    // check-in code by registration
	CanMark  bool
	Now      time.Time // the server's clock when the roll was read
	// Version is the session's marks version, read before its marks.
	Version int64
	// Delta says that Changed holds only the marks changed after the
	// version the caller last saw; otherwise Changed holds every mark.
	Delta   bool
	Changed []MarkState
}

// SessionVersion is a session's marks version with what deciding who may
// read its marks needs: the training it belongs to and its facilitators.
// The version grows by one with each transaction that changes a mark of
// the session, so a tablet that saw version V needs only the marks stamped
// with a later one.
type SessionVersion struct {
	SittingID    int64
	TrainingID   int64
	Version      int64
	Facilitators []int64
}

// MarkCell is one cell of the attendance grid with its history, for the
// page where the office reads and corrects a mark.
type MarkCell struct {
	Training   Training
	Sitting    Sitting
	Person     RosterRow
	Mark       Mark
	Note       string
	History    []MarkChange // newest first
	CanCorrect bool
}

// Correction is a mark set from the office: it replaces whatever the
// tablets sent for that cell.
type Correction struct {
	TrainingID     int64
	RegistrationID int64
	SittingID      int64
	Status         Mark
	Note           string
}

// AssessmentSheet is a training's scores table: the people still
// registered and their saved scores.
type AssessmentSheet struct {
	Training Training
	Roster   []RosterRow          // without the withdrawn
	Scores   map[int64]Assessment // by registration
}

// BadgeSheet is a training's printable badges: one per person still
// registered, with the signed check-in code and its QR image.
type BadgeSheet struct {
	Training TrainingDetail
	Refs     Refs
	Roster   []RosterRow      // without the withdrawn
	Codes    map[int64]string // check-in code by registration
	QR       map[int64][]byte // PNG of the code by registration
}
