package migrations

import (
	"time"

	"gorm.io/gorm"
)

// m0006SigninThrottle is the snapshot of the sign-in counters' table as
// this migration creates it. The id is a keyed hash of what is counted (an
// account, a client address, a known browser), so the table never holds a
// typed e-mail or an address.
type m0006SigninThrottle struct {
	ID           string    `gorm:"primaryKey;size:64"`
	Attempts     int       `gorm:"not null;default:0"`
	WindowStart  time.Time `gorm:"not null;index:ix_signin_throttles_window"`
	BlockedUntil time.Time `gorm:"not null"`
}

func (m0006SigninThrottle) TableName() string { return "signin_throttles" }

// m0006 moves the sign-in limits from each instance's memory into the
// database, so that several instances behind a load balancer enforce one
// limit and counting and checking can be one atomic step.
func m0006(tx *gorm.DB) error {
	return createTables(tx, &m0006SigninThrottle{})
}
