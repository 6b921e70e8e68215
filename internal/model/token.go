package model

import (
	"strconv"
	"strings"
	"time"
)

// APIToken is a personal API token: a secret a user gives a system (a
// donor's portal, a nightly script) so that it can read what the user may
// read through /api/v1 — never change anything. Only the SHA-256 of the
// secret is stored; the secret is shown once, when it is made.
type APIToken struct {
	ID           int64
	UserID       int64
	Name         string
	Hash         string // hex SHA-256 of the secret
	Prefix       string // the secret's first characters, to tell tokens apart
	Scope        string // TokenScopeRead: tokens only ever read
	PersonalData bool   // may read participant lists
	ExpiresAt    time.Time
	RevokedAt    *time.Time
	LastUsedAt   *time.Time
	CreatedAt    time.Time
}

// TokenScopeRead is the one scope a token has: reading.
const TokenScopeRead = "read"

// Live reports whether the token still works at now.
func (t APIToken) Live(now time.Time) bool { return t.RevokedAt == nil && now.Before(t.ExpiresAt) }

// TokenGrant is what an actor that came with a token may do beyond its
// user's role: it reads only, and personal data only when the token says so.
type TokenGrant struct {
	TokenID      int64
	PersonalData bool
}

// TokenLifetimes are the expiries a token can be given, in days.
var TokenLifetimes = []int{7, 30, 90, 365}

// TokenInput is the new-token form as typed.
type TokenInput struct {
	Name         string
	Days         string // one of TokenLifetimes
	PersonalData bool
}

// Validate checks the form and returns the lifetime in days.
func (in *TokenInput) Validate() (int, error) {
	errs := Errors{}
	in.Name = strings.TrimSpace(in.Name)
	text(errs, "name", in.Name, 100, true)
	days, err := strconv.Atoi(strings.TrimSpace(in.Days))
	valid := false
	for _, d := range TokenLifetimes {
		valid = valid || (err == nil && d == days)
	}
	if !valid {
		errs.Add("days", "error.choose")
	}
	return days, errs.Err()
}
