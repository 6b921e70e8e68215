package roster

import (
	"context"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// maxMatches bounds the likely duplicates shown at once; more than a few
// means the typed name is too common to judge, and the officer should add
// a phone or an email instead.
const maxMatches = 8

// Duplicates is the registry's one duplicate check: the live persons who
// may be p (p itself excluded), strongest first, with those already on
// training trainingID (0: none) marked. The person form asks it before
// saving, the merge screen for suggestions, and the import plan matches
// every row through the same index (registryIndex).
func (s *Service) Duplicates(ctx context.Context, actor model.Actor, p model.Person, trainingID int64) ([]model.PersonMatch, error) {
	if err := allow(actor, auth.ViewPersons); err != nil {
		return nil, err
	}
	return s.duplicates(ctx, p, trainingID)
}

// duplicates is Duplicates without the policy check, for the use cases
// that checked it already.
func (s *Service) duplicates(ctx context.Context, p model.Person, trainingID int64) ([]model.PersonMatch, error) {
	x, err := s.registryIndex(ctx)
	if err != nil {
		return nil, err
	}
	found := x.Matches(CandidateOf(p), DefaultMinScore)
	if len(found) > maxMatches {
		found = found[:maxMatches]
	}
	on, err := s.onTraining(ctx, trainingID)
	if err != nil {
		return nil, err
	}
	out := make([]model.PersonMatch, 0, len(found))
	for _, m := range found {
		full, err := s.store.Person(ctx, m.Candidate.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, model.PersonMatch{Person: full, Score: m.Score, Reasons: m.Reasons, OnTraining: on[full.ID]})
	}
	return out, nil
}

// onTraining lists the persons registered on a training (none for 0).
func (s *Service) onTraining(ctx context.Context, trainingID int64) (map[int64]bool, error) {
	on := map[int64]bool{}
	if trainingID == 0 {
		return on, nil
	}
	rs, err := s.store.Roster(ctx, trainingID)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		on[r.PersonID] = true
	}
	return on, nil
}
