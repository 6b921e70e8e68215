package roster

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// Photos is the evidence service's part in erasure and retention: it
// deletes the photos of people by its own delete path inside the caller's
// transaction, and their stored bytes by Purge after the commit.
// *evidence.Service implements it.
type Photos interface {
	ForgetPhotosOf(ctx context.Context, actor model.Actor, personIDs []int64) (model.FileRemoval, error)
	ExpirePhotos(ctx context.Context, due []model.RetentionPhoto) (model.FileRemoval, error)
	Purge(ctx context.Context, r model.FileRemoval) error
}

// WithPhotos makes erasure and retention delete the photos of the
// persons they concern through p. Without it they leave photos alone.
func (s *Service) WithPhotos(p Photos) *Service {
	s.photos = p
	return s
}
