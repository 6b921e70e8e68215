package auth

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"

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
}

// NewGate lets slots computations run at once (0: one per core) and
// queue more wait (0: four per slot).
func NewGate(slots, queue int) *Gate {
	if slots <= 0 {
		slots = runtime.GOMAXPROCS(0)
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
	defer g.slots.Release(1)
	fn()
	return nil
}
