package model

// Actor is who does something, as services see it: the signed-in user and
// the address their request came from (for the audit log). The shell and
// start-up act as System.
type Actor struct {
	User
	IP string
	// Token is set when the request came with a personal API token instead
	// of a sign-in: it then reads only, and personal data only if granted.
	Token *TokenGrant
}

// System is the actor of start-up work and shell commands: no user.
var System = Actor{}

// UserID returns the actor's user id for "who did it" columns, or nil for
// System.
func (a Actor) UserID() *int64 {
	if a.User.ID == 0 {
		return nil
	}
	id := a.User.ID
	return &id
}

// TrainingScope is which trainings a list may show a user, decided by the
// access policy (auth.VisibleTrainings) and applied by the store's queries.
type TrainingScope struct {
	// All shows every training. Otherwise only the trainings that
	// FacilitatorID facilitates are shown (none when it is 0).
	All           bool
	FacilitatorID int64
}
