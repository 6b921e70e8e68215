package auth_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestSignIn_UnknownEmailTakesAsLongAsAWrongPassword: an unknown email
// costs the same work as a wrong password — one bcrypt comparison, through
// the same gate, against a hash of the configured cost (the decoy) — so the
// two failures cannot be told apart by their time. The test counts the
// comparisons and reads their hashes' cost instead of timing them, which a
// busy machine would make unreliable.
func TestSignIn_UnknownEmailTakesAsLongAsAWrongPassword(t *testing.T) {
	for _, cost := range []int{auth.MinCost, auth.MinCost + 1} {
		s := auth.NewSessions(nil, auth.SessionOptions{Secret: testSecret, Cost: cost})
		if got := auth.DecoyCost(s); got != cost {
			t.Errorf("configured cost %d: the decoy hash has cost %d", cost, got)
		}
	}

	const cost = auth.MinCost + 1
	st := storetest.SQLite(t, store.Options{})
	hash, _ := auth.HashPassword("the-right-password", cost)
	u := model.User{Email: "known@example.org", Name: "Known", Role: model.RoleManager, PasswordHash: hash, Active: true}
	if err := st.CreateUser(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	limits := auth.Limits{Account: auth.Rule{Limit: 1000, Window: time.Hour}, Address: auth.Rule{Limit: 1000, Window: time.Hour},
		Device: auth.Rule{Limit: 1000, Window: time.Hour}}
	sess := auth.NewSessions(st, auth.SessionOptions{Secret: testSecret, Idle: time.Hour, Max: time.Hour, Cost: cost, Limits: &limits})
	var costs []int
	auth.SetCompare(sess, func(h, password string) bool {
		c, err := bcrypt.Cost([]byte(h))
		if err != nil {
			t.Errorf("compared against something that is not a bcrypt hash: %v", err)
		}
		costs = append(costs, c)
		return bcrypt.CompareHashAndPassword([]byte(h), []byte(password)) == nil
	})
	work := func(email string) []int {
		costs = nil
		if err := newBrowser("192.0.2.1").signIn(sess, email, "a-wrong-password"); !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("%s = %v", email, err)
		}
		return costs
	}
	known, unknown := work("known@example.org"), work("nobody@example.org")
	if !slices.Equal(known, []int{cost}) || !slices.Equal(unknown, known) {
		t.Errorf("bcrypt comparisons (their costs): wrong password %v, unknown email %v; want one at cost %d each", known, unknown, cost)
	}
}

// TestGate_BoundsConcurrentChecks: no more bcrypt checks run at once than
// the gate has slots, a bounded number wait, and the rest are refused at
// once instead of piling up.
func TestGate_BoundsConcurrentChecks(t *testing.T) {
	g := auth.NewGate(2, 3)
	release := make(chan struct{})
	started := make(chan struct{}, 10)
	var mu sync.Mutex
	running, most := 0, 0
	check := func() {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		started <- struct{}{}
		<-release
		mu.Lock()
		running--
		mu.Unlock()
	}
	var wg sync.WaitGroup
	errs := make(chan error, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); errs <- g.Do(context.Background(), check) }()
	}
	<-started
	<-started
	for auth.Waiting(g) < 3 {
		time.Sleep(time.Millisecond) // until the other three queue
	}
	for i := 0; i < 4; i++ {
		if err := g.Do(context.Background(), check); !errors.Is(err, auth.ErrBusy) {
			t.Fatalf("a check beyond slots and queue = %v, want ErrBusy", err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.Do(ctx, check); !errors.Is(err, auth.ErrBusy) && !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled wait = %v", err)
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("a queued check = %v", err)
		}
	}
	if most != 2 {
		t.Errorf("%d checks ran at once, want 2", most)
	}
}

// TestSignIn_BcryptChecksBounded: sign-ins for many accounts at once run
// their password checks one slot at a time; those beyond the queue are
// refused as busy at once, and their attempts are given back.
func TestSignIn_BcryptChecksBounded(t *testing.T) {
	st := storetest.SQLite(t, store.Options{})
	s := auth.NewSessions(st, auth.SessionOptions{Secret: testSecret, Idle: time.Hour, Max: time.Hour, Cost: auth.MinCost, HashSlots: 1})
	release := make(chan struct{})
	var mu sync.Mutex
	running, most := 0, 0
	auth.SetCompare(s, func(string, string) bool {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		<-release
		mu.Lock()
		running--
		mu.Unlock()
		return false
	})
	const n = 8 // one running, four queued (four per slot), three refused
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() {
			errs <- newBrowser(fmt.Sprintf("203.0.113.%d", i+1)).signIn(s, fmt.Sprintf("user%d@example.org", i), "wrong")
		}()
	}
	busy := 0
	for busy < 3 {
		if err := <-errs; !errors.Is(err, auth.ErrBusy) {
			t.Fatalf("before any check ended: %v, want ErrBusy", err)
		}
		busy++
	}
	for auth.Waiting(auth.GateOf(s)) < 4 {
		time.Sleep(time.Millisecond) // until the other four queue
	}
	close(release)
	for i := 0; i < n-busy; i++ {
		if err := <-errs; !errors.Is(err, auth.ErrBadCredentials) {
			t.Errorf("a queued sign-in = %v", err)
		}
	}
	if most != 1 {
		t.Errorf("%d password checks ran at once, want 1", most)
	}
	// Refused as busy, an attempt counts nothing: only the five checked
	// attempts' counters remain (an account and an address each).
	st.Exec(context.Background(), "DELETE FROM signin_throttles WHERE attempts = 0")
	if left := st.MustCount(context.Background(), "signin_throttles"); left != int64(2*(n-busy)) {
		t.Errorf("%d counters hold attempts, want %d", left, 2*(n-busy))
	}
}

// TestGate_RestsWhileOthersWait: under contention a slot stays taken after
// a check for a multiple of the check's time, so that a queued check
// starts only after the rest; the first caller is not held up by it.
func TestGate_RestsWhileOthersWait(t *testing.T) {
	g := auth.NewGate(1, 4).Rest(1000)
	release, started := make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- g.Do(context.Background(), func() { close(started); <-release; time.Sleep(time.Millisecond) })
	}()
	<-started
	second := make(chan time.Time, 1)
	go func() {
		g.Do(context.Background(), func() { second <- time.Now() })
	}()
	for auth.Waiting(g) < 1 {
		time.Sleep(time.Millisecond) // until the second check queues
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	done := time.Now()
	select {
	case at := <-second:
		t.Fatalf("the queued check started %s after the first ended, during its rest", at.Sub(done))
	case <-time.After(200 * time.Millisecond):
	}
}
