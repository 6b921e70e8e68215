package auth

import (
	"golang.org/x/crypto/bcrypt"
)

// SetCompare replaces the password comparison, so that a test can count
// the checks that reach it or make them cheap.
func SetCompare(s *Sessions, f func(hash, password string) bool) { s.compare = f }

// DecoyCost is the bcrypt cost of the hash an unknown email is checked
// against.
func DecoyCost(s *Sessions) int {
	c, _ := bcrypt.Cost([]byte(s.decoy))
	return c
}

// Waiting is how many callers wait for a slot of g.
func Waiting(g *Gate) int64 { return g.waiting.Load() }

// GateOf is the gate of s's password checks.
func GateOf(s *Sessions) *Gate { return s.gate }
