package report

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/sync/singleflight"

	"github.com/traindesk/traindesk/internal/model"
)

// The dashboard asks for the headline figures on every load, and counting
// them reads every registration and mark of the year. They change only
// when the data they are counted from does, which the database's data
// change counter tells (bumped by triggers in the transaction of every
// such change, on whichever instance made it). So the figures are kept
// per scope and day together with the counter they were counted at, and
// counted again only when the counter has moved: a dashboard load then
// costs one small read instead of the report's aggregates, and every
// instance stays right.

// headlineKey is what the headline figures depend on besides the data:
// whose trainings (0: all of them) and the day they are counted as of.
type headlineKey struct {
	facilitator int64
	today       model.Date
}

// headlineEntry is figures counted at a data version.
type headlineEntry struct {
	version int64
	figs    []model.Figures
}

// maxHeadlineEntries bounds the entries (one per trainer who looks, and
// one for everybody who sees every training).
const maxHeadlineEntries = 1024

// headlineCache holds the headline figures by key. The figures it hands
// out are shared: nobody changes them.
type headlineCache struct {
	mu      sync.Mutex
	entries map[headlineKey]headlineEntry
	flight  singleflight.Group
}

func newHeadlineCache() *headlineCache {
	return &headlineCache{entries: map[headlineKey]headlineEntry{}}
}

// get returns the figures kept for k if they were counted at version.
func (c *headlineCache) get(k headlineKey, version int64) ([]model.Figures, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	return e.figs, ok && e.version == version
}

// put keeps figs for k at version, unless figures of a later version are
// kept already. A full cache starts again.
func (c *headlineCache) put(k headlineKey, version int64, figs []model.Figures) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok && e.version > version {
		return
	}
	if len(c.entries) >= maxHeadlineEntries {
		clear(c.entries)
	}
	c.entries[k] = headlineEntry{version: version, figs: figs}
}

// load returns the figures for k at version, counting them with count
// when they are not kept; requests asking at once for the same key and
// version wait for one count. The count runs to its end even when the
// request that started it goes away, since the others wait for it.
func (c *headlineCache) load(ctx context.Context, k headlineKey, version int64,
	count func(ctx context.Context) ([]model.Figures, error)) ([]model.Figures, error) {
	if figs, ok := c.get(k, version); ok {
		return figs, nil
	}
	name := fmt.Sprintf("%d/%s/%d", k.facilitator, k.today, version)
	v, err, _ := c.flight.Do(name, func() (any, error) {
		figs, err := count(context.WithoutCancel(ctx))
		if err == nil {
			c.put(k, version, figs)
		}
		return figs, err
	})
	if err != nil {
		return nil, err
	}
	return v.([]model.Figures), nil
}
