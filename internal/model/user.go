package model

import (
	"net/mail"
	"strings"
	"time"
)

// Role is what a user is allowed to do.
type Role string

// The four roles of traindesk.
const (
	RoleAdmin          Role = "admin"
	RoleProgramOfficer Role = "program_officer"
	RoleTrainer        Role = "trainer"
	RoleManager        Role = "manager"
)

// Roles lists every role in the order forms show them.
var Roles = []Role{RoleAdmin, RoleProgramOfficer, RoleTrainer, RoleManager}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// CanEditTrainings reports whether the role plans trainings and registers
// participants.
func (r Role) CanEditTrainings() bool { return r == RoleAdmin || r == RoleProgramOfficer }

// CanSeeReports reports whether the role may read donor reports.
func (r Role) CanSeeReports() bool { return r != RoleTrainer }

// User is a person who signs in to traindesk.
type User struct {
	ID           int64
	Email        string
	Name         string
	Role         Role
	PasswordHash string
	Active       bool
	Locale       string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	LastLoginAt  *time.Time
}

// NormalizeEmail lower-cases and trims an address so that lookups match.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidEmail reports whether s is a plain address (no display name).
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s, "@")
}

// MinPasswordLength is the shortest password traindesk accepts.
const MinPasswordLength = 10

// UserInput is what a form or the shell gives to create or change a user.
type UserInput struct {
	Email    string
	Name     string
	Role     Role
	Password string
}

// Validate checks the input; password is required when creating.
func (in *UserInput) Validate(creating bool) error {
	errs := Errors{}
	in.Email = NormalizeEmail(in.Email)
	in.Name = strings.TrimSpace(in.Name)
	if in.Email == "" {
		errs.Add("email", "error.required")
	} else if !ValidEmail(in.Email) {
		errs.Add("email", "error.email")
	}
	if in.Name == "" {
		errs.Add("name", "error.required")
	} else if len([]rune(in.Name)) > 120 {
		errs.Add("name", "error.too_long")
	}
	if !in.Role.Valid() {
		errs.Add("role", "error.choose")
	}
	if creating || in.Password != "" {
		if len([]rune(in.Password)) < MinPasswordLength {
			errs.Add("password", "error.password_short")
		}
	}
	return errs.Err()
}

// Login is a server-side sign-in session. The browser's cookie carries a
// random token; the database keeps only its SHA-256, so a copy of the
// database cannot be replayed as cookies.
type Login struct {
	ID         string
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	RevokedAt  *time.Time
	IP         string
	UserAgent  string
}
