package vcache

import (
	"context"
	"sync"
)

// Counters keeps the change counters as read once for one request, so
// that the session check and the page it leads to (each of which needs a
// counter) cost one small query together instead of one each. A value
// read at the start of a request is never later than the data the request
// then reads, which is all a Versioned cache needs. The web layer attaches
// Counters only to requests that change nothing, and the store forgets
// them whenever a transaction ends, so a request never compares against a
// counter older than its own writes.
type Counters struct {
	mu     sync.Mutex
	values map[string]int64
}

type countersKey struct{}

// WithCounters returns ctx carrying an empty Counters.
func WithCounters(ctx context.Context) context.Context {
	return context.WithValue(ctx, countersKey{}, &Counters{})
}

// CountersFrom returns the Counters ctx carries, or nil.
func CountersFrom(ctx context.Context) *Counters {
	c, _ := ctx.Value(countersKey{}).(*Counters)
	return c
}

// Get returns counter name, calling readAll (which reads every counter in
// one go) the first time or after Forget.
func (c *Counters) Get(name string, readAll func() (map[string]int64, error)) (int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.values == nil {
		v, err := readAll()
		if err != nil {
			return 0, err
		}
		c.values = v
	}
	return c.values[name], nil
}

// Forget drops what was read, so that the next Get reads again.
func (c *Counters) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.values = nil
}
