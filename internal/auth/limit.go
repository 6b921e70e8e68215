package auth

import (
	"sync"
	"time"
)

// Limiter counts failed sign-ins per key (a client address, an account) in
// a sliding window and refuses further attempts once a key reaches its
// limit. It lives in memory: with several instances, each counts its own,
// which still bounds guessing to a small multiple.
type Limiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	now    func() time.Time
	fails  map[string][]time.Time
}

// NewLimiter allows limit failures per key within window.
func NewLimiter(limit int, window time.Duration, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{limit: limit, window: window, now: now, fails: map[string][]time.Time{}}
}

// Blocked reports whether key has used up its attempts, and when it may try
// again.
func (l *Limiter) Blocked(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fs := l.prune(key)
	if len(fs) < l.limit {
		return false, 0
	}
	return true, fs[0].Add(l.window).Sub(l.now())
}

// Fail records a failed attempt.
func (l *Limiter) Fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fails[key] = append(l.prune(key), l.now())
	// Bound memory under a spray of addresses: forget the oldest keys'
	// windows by sweeping everything that has expired.
	if len(l.fails) > 50000 {
		for k := range l.fails {
			l.prune(k)
		}
	}
}

// Reset forgets a key's failures, after a successful sign-in.
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, key)
}

func (l *Limiter) prune(key string) []time.Time {
	fs := l.fails[key]
	cut := l.now().Add(-l.window)
	i := 0
	for i < len(fs) && !fs[i].After(cut) {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(l.fails, key)
		return nil
	}
	l.fails[key] = fs
	return fs
}
