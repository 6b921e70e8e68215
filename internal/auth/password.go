// Package auth signs users in and out: bcrypt passwords, server-side
// sessions (logins) carried by a signed and encrypted gorilla/sessions
// cookie, sign-in rate limits, and the role rules of who may do what.
package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"

	"golang.org/x/crypto/bcrypt"
)

// MinCost is the lowest bcrypt cost traindesk accepts; DefaultCost is used
// in production.
const (
	MinCost     = 10
	DefaultCost = 12
)

// ErrBadCredentials is the one answer to an unknown email, a wrong password
// and a disabled account, so that sign-in never tells which it was.
var ErrBadCredentials = errors.New("auth: the email or password is wrong")

// HashPassword hashes pw with bcrypt at cost (at least MinCost).
func HashPassword(pw string, cost int) (string, error) {
	if cost < MinCost {
		cost = MinCost
	}
	b, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// CheckPassword reports whether pw matches hash.
func CheckPassword(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// RandomPassword returns a password of 16 URL-safe characters (96 bits), for
// generated first passwords and resets.
func RandomPassword() string {
	b := make([]byte, 12)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DeriveKey derives a purpose-specific key from the master secret, so that
// the cookie keys, the QR code key and the certificate key are independent.
func DeriveKey(secret []byte, purpose string, size int) []byte {
	var out []byte
	for i := byte(1); len(out) < size; i++ {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(purpose))
		m.Write([]byte{i})
		out = append(out, m.Sum(nil)...)
	}
	return out[:size]
}
