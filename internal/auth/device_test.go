package auth_test

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestSignIn_KnownDeviceDuringAttack follows OWASP's device cookies: while
// an attacker guesses an account's password from elsewhere, its owner
// still signs in from a browser that signed in before; browsers the
// account does not know wait, and a known browser that guesses too loses
// its trust.
func TestSignIn_KnownDeviceDuringAttack(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t, store.Options{})
	addUser(t, s, "owner@example.org", "owner-password")
	addUser(t, s, "colleague@example.org", "colleague-password")
	sess, checks := cheapSessions(s, func() time.Time { return now }, nil)

	laptop := newBrowser("192.0.2.10")
	if err := laptop.signIn(sess, "owner@example.org", "owner-password"); err != nil {
		t.Fatal(err)
	}
	shared := newBrowser("192.0.2.10") // known for the colleague only
	if err := shared.signIn(sess, "colleague@example.org", "colleague-password"); err != nil {
		t.Fatal(err)
	}

	// The attack: a wrong password every minute for two hours, from
	// addresses that change.
	refused := 0
	for i := 0; i < 120; i++ {
		err := newBrowser(fmt.Sprintf("203.0.113.%d", i%250+1)).signIn(sess, "owner@example.org", "guess")
		if limitWait(err) > 0 {
			refused++
		} else if !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("guess %d = %v", i, err)
		}
		if i%30 == 29 {
			if err := laptop.signIn(sess, "owner@example.org", "owner-password"); err != nil {
				t.Fatalf("the owner's laptop during the attack (minute %d) = %v", i, err)
			}
		}
		now = now.Add(time.Minute)
	}
	if guesses := 120 - refused; guesses > 15 {
		t.Errorf("%d guesses in two hours were checked, want at most 15 (5 free, then waits up to 15 minutes)", guesses)
	}
	checked := checks.Load()

	// Browsers the account does not know wait, even with the right
	// password: a new one, one known for another account, one with a
	// forged cookie.
	forged := newBrowser("192.0.2.10")
	forged.jar.SetCookies(loginURL, []*http.Cookie{{Name: auth.DeviceCookie, Value: "forged-value", Path: "/login"}})
	for name, b := range map[string]*browser{"new": newBrowser("192.0.2.10"), "other account's": shared, "forged": forged} {
		if err := b.signIn(sess, "owner@example.org", "owner-password"); limitWait(err) <= 0 {
			t.Errorf("a %s browser with the right password = %v, want to wait", name, err)
		}
	}
	if checks.Load() != checked {
		t.Error("a refused attempt reached the password check")
	}

	// A known browser that guesses is counted on its own, and after ten
	// failures is treated as any other: it waits too.
	for i := 0; i < 10; i++ {
		if err := laptop.signIn(sess, "owner@example.org", "typo"); !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("typo %d on the laptop = %v", i, err)
		}
	}
	if err := laptop.signIn(sess, "owner@example.org", "owner-password"); limitWait(err) <= 0 {
		t.Errorf("the laptop after ten failures = %v, want to wait", err)
	}
	now = now.Add(15 * time.Minute)
	if err := laptop.signIn(sess, "owner@example.org", "owner-password"); err != nil {
		t.Errorf("the laptop after its window = %v", err)
	}
}

// TestSignIn_OfficeBehindOneAddress: many people of one office, behind
// one address, mistype and sign in without being limited; only failures
// from browsers unknown to their account count, and known browsers pass
// even when the address has reached its limit.
func TestSignIn_OfficeBehindOneAddress(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t, store.Options{})
	sess, _ := cheapSessions(s, func() time.Time { return now }, nil)
	const office = "198.51.100.20"
	limit := auth.DefaultLimits().Address.Limit
	staff := make([]*browser, 60)
	for i := range staff {
		email := fmt.Sprintf("officer%d@example.org", i)
		addUser(t, s, email, "password-"+email)
		staff[i] = newBrowser(office)
		// Each mistypes once on a browser not yet known, then signs in.
		if err := staff[i].signIn(sess, email, "typo"); !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("officer %d's typo = %v", i, err)
		}
		if err := staff[i].signIn(sess, email, "password-"+email); err != nil {
			t.Fatalf("officer %d = %v", i, err)
		}
	}
	// Someone in the office guesses until the address is limited.
	for i := 60; i < limit; i++ {
		newBrowser(office).signIn(sess, fmt.Sprintf("nobody%d@example.org", i), "x")
	}
	if err := newBrowser(office).signIn(sess, "officer0@example.org", "password-officer0@example.org"); limitWait(err) <= 0 {
		t.Fatalf("after %d failures from one address a new browser = %v, want to wait", limit, err)
	}
	for i, b := range staff {
		if err := b.signIn(sess, fmt.Sprintf("officer%d@example.org", i), fmt.Sprintf("password-officer%d@example.org", i)); err != nil {
			t.Fatalf("officer %d on a known browser = %v", i, err)
		}
	}
}
