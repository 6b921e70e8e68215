package model

import "time"

// TrainingList is one page of the trainings list, with the reference lists
// that name its filters and columns.
type TrainingList struct {
	Rows  []TrainingRow
	Total int64
	Refs  Refs
}

// TrainingMonth is one month of the trainings calendar.
type TrainingMonth struct {
	Year  int
	Month time.Month
	Today Date
	Rows  []TrainingRow
}

// TrainingForm is what the training form offers besides the input: the
// reference lists and the trainers who may facilitate. Detail is the saved
// training when editing, the zero value when creating.
type TrainingForm struct {
	Detail   TrainingDetail
	Refs     Refs
	Trainers []User
}

// TrainingPage is what the pages and documents of one training read: the
// training, the reference lists (to name things), its sessions, its people,
// their marks and their scores, and the venue's today.
type TrainingPage struct {
	Detail   TrainingDetail
	Refs     Refs
	Sittings []SittingRow
	Roster   []RosterRow
	Marks    []Attendance
	Scores   map[int64]Assessment // by registration
	Today    Date
}

// SittingPage is a session's form: the training, the session as stored
// (the zero value when adding) and how many marks it holds.
type SittingPage struct {
	Training Training
	Sitting  Sitting
	Marks    int
}

// SignInSheet is a session's printable sign-in sheet: the training, the
// session and its number among the training's sessions, and the roster.
type SignInSheet struct {
	Detail  TrainingDetail
	Refs    Refs
	Sitting Sitting
	Number  int // 1 for the first session
	Roster  []RosterRow
}

// RegisterPage is the page that adds participants to a training: the
// persons found, who is on the training already and how many places are
// free.
type RegisterPage struct {
	Detail     TrainingDetail
	Refs       Refs
	Results    []PersonRow
	Registered map[int64]bool // persons already on the training
	Free       int
}
