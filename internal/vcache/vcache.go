// Package vcache keeps values computed from the database together with
// the data version they were computed at (a counter the database bumps
// in the transaction of every change, on whichever instance made it), and
// hands a value out only while the version read by the caller is still
// the one it was computed at. Read the version BEFORE computing: a value
// is then never kept under a version later than the data it was computed
// from, so a change made after the read moves the version and the next
// caller computes again.
package vcache

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/sync/singleflight"
)

// Versioned holds values by key. The values it hands out are shared:
// callers must not change them.
type Versioned[K comparable, V any] struct {
	mu      sync.Mutex
	entries map[K]entry[V]
	max     int
	flight  singleflight.Group
}

type entry[V any] struct {
	version int64
	value   V
}

// New returns an empty cache that starts again when it holds max keys.
func New[K comparable, V any](max int) *Versioned[K, V] {
	return &Versioned[K, V]{entries: map[K]entry[V]{}, max: max}
}

// get returns the value kept for k if it was computed at version.
func (c *Versioned[K, V]) get(k K, version int64) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	return e.value, ok && e.version == version
}

// put keeps v for k at version, unless a value of a later version is kept
// already.
func (c *Versioned[K, V]) put(k K, version int64, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok && e.version > version {
		return
	}
	if _, ok := c.entries[k]; !ok && len(c.entries) >= c.max {
		clear(c.entries)
	}
	c.entries[k] = entry[V]{version: version, value: v}
}

// Load returns the value for k at version, computing it with compute when
// it is not kept; callers asking at once for the same key and version
// wait for one computation. The computation runs to its end even when the
// caller that started it goes away, since the others wait for it.
func (c *Versioned[K, V]) Load(ctx context.Context, k K, version int64, compute func(ctx context.Context) (V, error)) (V, error) {
	if v, ok := c.get(k, version); ok {
		return v, nil
	}
	got, err, _ := c.flight.Do(fmt.Sprintf("%v@%d", k, version), func() (any, error) {
		v, err := compute(context.WithoutCancel(ctx))
		if err == nil {
			c.put(k, version, v)
		}
		return v, err
	})
	if err != nil {
		var zero V
		return zero, err
	}
	return got.(V), nil
}
