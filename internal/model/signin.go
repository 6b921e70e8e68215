package model

import "time"

// SigninThrottle is one counter of sign-in attempts, kept in the database
// so that every instance behind a load balancer counts into the same one.
// ID names what is counted (an account, a client address or a known
// browser) by a keyed hash, never by the e-mail or address itself.
type SigninThrottle struct {
	ID           string
	Attempts     int       // attempts counted since WindowStart
	WindowStart  time.Time // when the current count began
	BlockedUntil time.Time // no attempt is checked before this time
}

// TableName is the counters' table, created by db/migrations.
func (SigninThrottle) TableName() string { return "signin_throttles" }
