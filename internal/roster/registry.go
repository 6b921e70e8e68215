package roster

import (
	"context"
	"sync"

	"github.com/traindesk/traindesk/internal/model"
)

// registryCache keeps the registry's duplicate index between requests:
// filing 100,000 persons takes seconds, a duplicate check against the
// filed index milliseconds. The index is used while the registry's stamp
// (live persons, highest id, latest change) is the one it was built at or
// brought up to, so that writes by other instances of the application are
// seen. This instance files its own writes in the index as it makes them
// (a person created, edited, merged), because two of them may fall within
// the stamp's time resolution, and so that a clerk entering persons one by
// one does not wait for the whole registry to be filed again each time.
type registryCache struct {
	mu    sync.Mutex
	stamp model.RegistryStamp
	index *Index
}

// registryIndex returns every live person filed for matching. It indexes
// the whole registry rather than asking the database for candidates
// because older and imported rows keep phones as typed, and names in forms
// only matching knows, which only the index normalises.
func (s *Service) registryIndex(ctx context.Context) (*Index, error) {
	stamp, err := s.store.PersonsStamp(ctx)
	if err != nil {
		return nil, err
	}
	c := s.registry
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index != nil && c.stamp == stamp {
		return c.index, nil
	}
	people, err := s.store.AllCandidates(ctx)
	if err != nil {
		return nil, err
	}
	pool := make([]Candidate, len(people))
	for i, p := range people {
		pool[i] = CandidateOf(p)
	}
	c.index, c.stamp = NewIndex(pool), stamp
	return c.index, nil
}

// forget drops the kept index after a write to the registry that is not
// worth filing piece by piece (an import, an undone merge).
func (c *registryCache) forget() {
	c.mu.Lock()
	c.index = nil
	c.mu.Unlock()
}

// apply files a write of this instance in the kept index, and takes the
// registry's stamp after it; if the stamp cannot be read, the index is
// dropped.
func (s *Service) applyToRegistry(ctx context.Context, change func(x *Index)) {
	c := s.registry
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index == nil {
		return
	}
	change(c.index)
	stamp, err := s.store.PersonsStamp(ctx)
	if err != nil {
		c.index = nil
		return
	}
	c.stamp = stamp
}

// personSaved files a person created or edited.
func (s *Service) personSaved(ctx context.Context, p model.Person) {
	s.applyToRegistry(ctx, func(x *Index) { x.Add(CandidateOf(p)) })
}
