// Package certificate makes the evidence of a training: the certificates
// of completion with their verification codes, and the attendance sheet the
// donor reads as a means of verification. It decides who completed (the
// training's rule, the same one the training's page shows), when
// certificates may be issued, that one is never issued twice, when one may
// be revoked or reinstated, and draws both documents as PDF. Its Service is
// what the web layer calls; each of its changes is one transaction with its
// audit event.
package certificate

import (
	"crypto/rand"
	"fmt"
	"io"
	"strings"
)

// CodeLen is the length of a verification code: 12 characters of
// Crockford's base 32 carry 60 random bits, far too many to guess, and are
// still short enough to type from paper.
const CodeLen = 12

// alphabet is Crockford's base 32: no I, L, O or U, so that a code read
// aloud or typed from paper is not mistaken for another.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewCode draws a random code from r (crypto/rand when r is nil).
func NewCode(r io.Reader) (string, error) {
	if r == nil {
		r = rand.Reader
	}
	b := make([]byte, CodeLen)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("certificate: random code: %w", err)
	}
	out := make([]byte, CodeLen)
	for i, v := range b {
		// 256 is a multiple of 32, so taking the low five bits is uniform.
		out[i] = alphabet[v&31]
	}
	return string(out), nil
}

// Normalize turns a code as typed or scanned into its stored form: upper
// case, without spaces or hyphens, with O read as 0 and I or L as 1. It
// reports false when the result cannot be a code, so that the caller need
// not look it up.
func Normalize(s string) (string, bool) {
	s = strings.ToUpper(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\t':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if !strings.ContainsRune(alphabet, r) {
			return "", false
		}
		b.WriteRune(r)
	}
	if b.Len() != CodeLen {
		return "", false
	}
	return b.String(), true
}
