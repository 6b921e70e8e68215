package auth_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

func TestRule_GrowingDelays(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t, store.Options{})
	addUser(t, s, "owner@example.org", "owner-password")
	limits := auth.DefaultLimits()
	sess, checks := cheapSessions(s, func() time.Time { return now }, &limits)
	attacker := newBrowser("203.0.113.9")
	for i := 0; i < 5; i++ {
		if err := attacker.signIn(sess, "owner@example.org", "guess"); !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("free attempt %d = %v", i+1, err)
		}
	}
	// Each further attempt waits twice as long as the one before, up to
	// 15 minutes; a refused attempt neither counts nor reaches bcrypt.
	for _, want := range []time.Duration{1, 2, 4, 8, 15, 15} {
		want *= time.Minute
		if got := limitWait(attacker.signIn(sess, "owner@example.org", "guess")); got != want {
			t.Fatalf("wait = %v, want %v", got, want)
		}
		before := checks.Load()
		now = now.Add(want - time.Second)
		if got := limitWait(attacker.signIn(sess, "owner@example.org", "guess")); got != time.Second {
			t.Fatalf("a second early: wait %v, want 1s", got)
		}
		now = now.Add(time.Second)
		if err := attacker.signIn(sess, "owner@example.org", "guess"); !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("after waiting %v = %v", want, err)
		}
		if checks.Load() != before+1 {
			t.Fatalf("%d checks for one allowed attempt", checks.Load()-before)
		}
	}
	// A day after the first failure the count starts again.
	now = now.Add(24 * time.Hour)
	if err := attacker.signIn(sess, "owner@example.org", "owner-password"); err != nil {
		t.Fatalf("a day later with the right password = %v", err)
	}
}

func TestRule_AddressWindow(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t, store.Options{})
	addUser(t, s, "staff@example.org", "staff-password")
	limits := auth.DefaultLimits()
	limits.Address = auth.Rule{Limit: 3, Window: 10 * time.Minute}
	sess, _ := cheapSessions(s, func() time.Time { return now }, &limits)
	office := "198.51.100.7"
	// A right password gives the address its attempt back.
	for i := 0; i < 5; i++ {
		if err := newBrowser(office).signIn(sess, "staff@example.org", "staff-password"); err != nil {
			t.Fatalf("sign-in %d = %v", i, err)
		}
	}
	for i := 0; i < 3; i++ {
		newBrowser(office).signIn(sess, fmt.Sprintf("nobody%d@example.org", i), "x")
		now = now.Add(time.Minute)
	}
	if got := limitWait(newBrowser(office).signIn(sess, "staff@example.org", "staff-password")); got != 7*time.Minute {
		t.Fatalf("after 3 failures the address waits %v, want 7m", got)
	}
	// IPv6 addresses of one /64 count together.
	for i := 0; i < 3; i++ {
		newBrowser(fmt.Sprintf("2001:db8:1:2::%x", i+1)).signIn(sess, "nobody@example.org", "x")
	}
	if err := newBrowser("2001:db8:1:2::ff").signIn(sess, "staff@example.org", "staff-password"); limitWait(err) <= 0 {
		t.Fatalf("another address of the same /64 = %v, want a limit", err)
	}
	if err := newBrowser("2001:db8:1:3::1").signIn(sess, "staff@example.org", "staff-password"); err != nil {
		t.Fatalf("another /64 = %v", err)
	}
	now = now.Add(7 * time.Minute)
	if err := newBrowser(office).signIn(sess, "staff@example.org", "staff-password"); err != nil {
		t.Fatalf("after the window = %v", err)
	}
	// Counters that count nothing any more are purged.
	now = now.Add(25 * time.Hour)
	if n, err := sess.PurgeThrottles(context.Background()); err != nil || n == 0 || s.MustCount(context.Background(), "signin_throttles") != 0 {
		t.Errorf("purge = %d, %v", n, err)
	}
}

// fire sends n wrong passwords at once, spread over instances, for the
// account email(i) from the address ip(i); each must be checked (and
// wrong) or refused by a limit.
func fire(t *testing.T, instances []*auth.Sessions, n int, email, ip func(i int) string) {
	t.Helper()
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = newBrowser(ip(i)).signIn(instances[i%len(instances)], email(i), "wrong-guess")
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if !errors.Is(err, auth.ErrBadCredentials) && limitWait(err) <= 0 {
			t.Fatalf("an attempt answered %v", err)
		}
	}
}

// TestSignIn_ParallelAttemptsCheckAtMostTheLimit fires wrong passwords
// at once, as an attacker does, and counts those that reach the password
// check: counting and checking the limit are one atomic step, on both
// databases and across two instances sharing one.
func TestSignIn_ParallelAttemptsCheckAtMostTheLimit(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	limits := auth.DefaultLimits()
	limits.Address.Limit = 20
	botnet := func(i int) string { return fmt.Sprintf("203.0.113.%d", i+1) }
	owner := func(int) string { return "owner@example.org" }
	check := func(t *testing.T, s *store.Store, others ...*store.Store) {
		addUser(t, s, "owner@example.org", "owner-password")
		t.Run("OneAccount", func(t *testing.T) {
			sess, checks := cheapSessions(s, clock, &limits)
			fire(t, []*auth.Sessions{sess}, 40, owner, botnet)
			if got := checks.Load(); got != int64(limits.Account.Limit) {
				t.Errorf("%d of 40 parallel attempts on one account reached the password check, want %d", got, limits.Account.Limit)
			}
		})
		t.Run("OneAddress", func(t *testing.T) {
			sess, checks := cheapSessions(s, clock, &limits)
			fire(t, []*auth.Sessions{sess}, 60, func(i int) string { return fmt.Sprintf("guess%d@example.org", i) },
				func(int) string { return "198.51.100.1" })
			if got := checks.Load(); got != 20 {
				t.Errorf("%d of 60 parallel attempts from one address reached the password check, want 20", got)
			}
		})
		t.Run("TwoInstances", func(t *testing.T) {
			s.Exec(context.Background(), "DELETE FROM signin_throttles")
			a, checksA := cheapSessions(s, clock, &limits)
			b, checksB := cheapSessions(others[0], clock, &limits)
			fire(t, []*auth.Sessions{a, b}, 40, owner, botnet)
			if got := checksA.Load() + checksB.Load(); got != int64(limits.Account.Limit) {
				t.Errorf("two instances checked %d of 40 attempts on one account, want %d", got, limits.Account.Limit)
			}
		})
	}
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "shared.db")
		s := storetest.OpenSQLite(t, path, quietStore)
		if _, err := s.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		check(t, s, storetest.OpenSQLite(t, path, quietStore))
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := storetest.PostgresDSN(t)
		open := func() *store.Store {
			// Slow-query warnings are expected: forty transactions queue
			// for one row and for the pool's connections.
			s, err := store.Open(context.Background(), dsn, quietStore)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
		s := open()
		if _, err := s.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		check(t, s, open())
	})
}
