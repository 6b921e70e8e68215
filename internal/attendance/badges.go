package attendance

import (
	"context"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/qr"
)

// badgeQRSize is the side of a badge's QR image, in pixels; the page
// prints it at half that for a sharp print.
const badgeQRSize = 240

// Badges prepares a training's printable badges: one per person still
// registered, with their signed check-in code and its QR image, for
// everyone who sees the training.
func (s *Service) Badges(ctx context.Context, actor model.Actor, trainingID int64) (model.BadgeSheet, error) {
	var b model.BadgeSheet
	d, err := s.training(ctx, actor, trainingID, auth.ViewTraining)
	if err != nil {
		return b, err
	}
	b = model.BadgeSheet{Training: d, Codes: map[int64]string{}, QR: map[int64][]byte{}}
	if b.Refs, err = s.store.AllRefs(ctx); err != nil {
		return b, err
	}
	roster, err := s.store.Roster(ctx, d.ID)
	if err != nil {
		return b, err
	}
	b.Roster = live(roster)
	for _, r := range b.Roster {
		code := s.codes.Code(r.ID)
		png, err := qr.PNG(code, badgeQRSize)
		if err != nil {
			return b, err
		}
		b.Codes[r.ID], b.QR[r.ID] = code, png
	}
	return b, nil
}
