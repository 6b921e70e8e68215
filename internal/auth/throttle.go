package auth

import (
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// Rule limits sign-in attempts counted under one key. Up to Limit
// attempts are checked freely within Window (counted from the first);
// then, with Delay zero, nothing more until the window ends; with Delay
// set, the next attempt waits Delay, and each one after it twice as long
// as the one before, up to MaxDelay. Refused attempts are not counted, and
// the waiting is a time stored with the counter: nothing sleeps.
type Rule struct {
	Limit    int
	Window   time.Duration
	Delay    time.Duration
	MaxDelay time.Duration
}

// Limits are the sign-in limits, after OWASP's "slow down online guessing
// attacks with device cookies": a browser that has signed in to an account
// before is trusted for that account and counted on its own (Device);
// attempts from anywhere else are counted per account, with growing
// delays instead of a lock (Account), and per client address (Address).
type Limits struct {
	Account Rule
	Address Rule
	Device  Rule
}

// DefaultLimits are the limits production runs with (the README lists
// them). An office behind one address stays far below the address limit:
// only failed attempts from browsers not known for their account count.
func DefaultLimits() Limits {
	return Limits{
		Account: Rule{Limit: 5, Window: 24 * time.Hour, Delay: time.Minute, MaxDelay: 15 * time.Minute},
		Address: Rule{Limit: 100, Window: 15 * time.Minute},
		Device:  Rule{Limit: 10, Window: 15 * time.Minute},
	}
}

// longest is the longest window of the limits: a counter that began
// longer ago counts nothing any more.
func (l Limits) longest() time.Duration {
	w := l.Account.Window
	for _, r := range []Rule{l.Address, l.Device} {
		w = max(w, r.Window)
	}
	return w
}

// take counts one attempt on t when the rule allows it at now, and says
// how long to wait when it does not. t is changed only when allowed.
func (r Rule) take(t *model.SigninThrottle, now time.Time) (bool, time.Duration) {
	c := *t
	if c.WindowStart.IsZero() || !now.Before(c.WindowStart.Add(r.Window)) {
		c.Attempts, c.WindowStart = 0, now
	}
	if now.Before(c.BlockedUntil) {
		return false, c.BlockedUntil.Sub(now)
	}
	if c.Attempts >= r.Limit && r.Delay == 0 {
		return false, c.WindowStart.Add(r.Window).Sub(now)
	}
	c.Attempts++
	c.BlockedUntil = time.Time{}
	if over := c.Attempts - r.Limit; over >= 0 {
		c.BlockedUntil = c.WindowStart.Add(r.Window)
		if r.Delay > 0 {
			c.BlockedUntil = now.Add(r.delay(over))
		}
	}
	*t = c
	return true, 0
}

// delay is the wait after the over-th attempt beyond the limit.
func (r Rule) delay(over int) time.Duration {
	d := r.Delay
	for i := 0; i < over && d < r.MaxDelay; i++ {
		d *= 2
	}
	if r.MaxDelay > 0 && d > r.MaxDelay {
		d = r.MaxDelay
	}
	return d
}

// give takes back one attempt that turned out not to be a failure (a
// right password, or a check that never ran), so that an office's
// successful sign-ins never use up its address's limit.
func (r Rule) give(t *model.SigninThrottle) {
	if t.Attempts > 0 {
		t.Attempts--
	}
	if t.Attempts < r.Limit {
		t.BlockedUntil = time.Time{}
	}
}
