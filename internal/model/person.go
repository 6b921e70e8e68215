package model

import "time"

// Sex as recorded for disaggregated reporting.
type Sex string

// Sexes.
const (
	SexFemale Sex = "F"
	SexMale   Sex = "M"
)

// Position describes a participant's role at work.
type Position string

// The positions donors ask about; anything else is PositionOther.
const (
	PositionFrontLine    Position = "front_line"
	PositionDesk         Position = "desk"
	PositionCapacity     Position = "capacity_building"
	PositionHeadquarters Position = "headquarters"
	PositionManagement   Position = "management"
	PositionOther        Position = "other"
)

// Positions lists the positions in display order.
var Positions = []Position{PositionFrontLine, PositionDesk, PositionCapacity, PositionHeadquarters, PositionManagement, PositionOther}

// Person is one real participant across all trainings.
type Person struct {
	ID            int64
	NameLatin     string
	NameArabic    string
	NameKey       string // normalised names for search and matching
	Sex           Sex
	BirthYear     *int
	AgeBand       string
	AgencyID      *int64
	DutyStationID *int64
	Position      Position
	Rank          string
	Phone         string
	Email         string
	NationalRef   string // an employee or ID number when the agency gives one
	Notes         string
	Lang          string // the language of their messages: "ar", "en", or "" for PreferredLang's default
	MergedIntoID  *int64
	LawfulBasis   LawfulBasis // why the data is held; "" for records from before it was asked
	BasisOn       *Date       // when the basis was given or established
	BasisPurpose  string      // what the data is held for
	BasisByID     *int64      // the user who recorded the basis
	ErasedAt      *time.Time  // the identity was erased; the record stays under a pseudonym
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// RegistrationStatus is a person's standing on a training.
type RegistrationStatus string

// Registration statuses.
const (
	RegNominated RegistrationStatus = "nominated"
	RegConfirmed RegistrationStatus = "confirmed"
	RegWithdrawn RegistrationStatus = "withdrawn"
)

// RegistrationStatuses lists them in display order.
var RegistrationStatuses = []RegistrationStatus{RegNominated, RegConfirmed, RegWithdrawn}

// Registration is a person on a training, with the agency, duty station and
// position they had at that training so that old reports stay right after
// an officer moves.
type Registration struct {
	ID             int64
	TrainingID     int64
	PersonID       int64
	Status         RegistrationStatus
	AgencyID       *int64
	DutyStationID  *int64
	Position       Position
	RegisteredByID *int64
	RegisteredAt   time.Time
	UpdatedAt      time.Time
}

// PersonMerge records that one person was merged into another, so that the
// merge can be undone.
type PersonMerge struct {
	ID                 int64
	SurvivorID         int64
	MergedID           int64
	MovedRegistrations string // JSON list of registration ids moved
	MergedByID         *int64
	MergedAt           time.Time
	UndoneAt           *time.Time
	UndoneByID         *int64
}

// PreferredLang is the language a person's messages are written in: the
// one recorded, or else Arabic for an officer of a partner agency (the
// people traindesk trains) and English for anyone else.
func (p Person) PreferredLang() string {
	return DefaultLang(p.Lang, p.AgencyID)
}

// DefaultLang resolves a recorded language ("ar", "en" or "") for a person
// of agency (nil when none).
func DefaultLang(lang string, agency *int64) string {
	switch lang {
	case "ar", "en":
		return lang
	}
	if agency != nil {
		return "ar"
	}
	return "en"
}

// RegistryStamp is what changes whenever the live registry does (a person
// added, edited, merged or unmerged): compared between two moments, it
// says whether what was read of the registry still holds.
type RegistryStamp struct {
	Merged  int64  // persons merged into another
	MaxID   int64  // the highest id
	Changed string // the latest updated_at, as text
}
