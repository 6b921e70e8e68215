package auth

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

// ErrBusy refuses a password check while as many are running and waiting
// as the gate allows: the caller should try again in a moment.
var ErrBusy = errors.New("auth: too many password checks at once")

// Gate bounds how many bcrypt computations run at once, so that a flood
// of sign-ins cannot take every core from the other requests, and how many
// wait for their turn, so that the queue cannot grow without end.
type Gate struct {
	slots   *semaphore.Weighted
	waiting atomic.Int64
	queue   int64
	// rest is how long a slot stays taken after a computation, as a
	// multiple of the computation's time (see Rest).
	rest float64
}

// restFactor is the sessions' gate's rest: a slot computes at most a third
// of the time, so that a flood of guesses keeps to a sixth of a two-core
// machine and the pages keep most of their throughput (make bench measures
// the dashboard under 50 wrong passwords a second).
const restFactor = 2

// Rest makes a slot stay taken, after a computation while others wait for
// one, for f times as long as the computation took, without holding up its
// caller: a duty cycle that bounds the share of the processor hashing may
// take however many guesses arrive. A check that finds a slot free is not
// slowed; queued checks wait longer; those beyond the queue are refused
// as busy, as before.
func (g *Gate) Rest(f float64) *Gate {
	g.rest = f
	return g
}

// NewGate lets slots computations run at once (0: one per two cores, at
// least one) and queue more wait (0: four per slot). Half the cores: with
// one per core, a flood of guesses took every core and the dashboard kept
// a third of its throughput; the other half stays for everyone else.
func NewGate(slots, queue int) *Gate {
	if slots <= 0 {
		slots = max(1, runtime.GOMAXPROCS(0)/2)
	}
	if queue <= 0 {
		queue = 4 * slots
	}
	return &Gate{slots: semaphore.NewWeighted(int64(slots)), queue: int64(queue)}
}

// Do runs fn once a slot is free. It returns ErrBusy at once when the
// queue is full, and the context's error when ctx ends while waiting.
func (g *Gate) Do(ctx context.Context, fn func()) error {
	if !g.slots.TryAcquire(1) {
		if g.waiting.Add(1) > g.queue {
			g.waiting.Add(-1)
			return ErrBusy
		}
		err := g.slots.Acquire(ctx, 1)
		g.waiting.Add(-1)
		if err != nil {
			return err
		}
	}
	start := time.Now()
	fn()
	if rest := time.Duration(float64(time.Since(start)) * g.rest); rest > 0 && g.waiting.Load() > 0 {
		time.AfterFunc(rest, func() { g.slots.Release(1) })
	} else {
		g.slots.Release(1)
	}
	return nil
}
