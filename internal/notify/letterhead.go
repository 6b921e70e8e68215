package notify

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg" // logos arrive as JPEG too
	"image/png"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// LetterheadInput is the letterhead form: the organisation's name in both
// languages and, when uploaded, a new logo or footer image.
type LetterheadInput struct {
	OrgEn, OrgAr string
	Logo, Footer []byte // nil keeps the current image
	// TooLarge names the fields whose upload exceeded the limit before
	// it could be read.
	TooLarge []string
}

// LetterheadSettings sits behind ManageMessaging: only administrators set
// the organisation's letterhead.
func (s *Service) LetterheadSettings(ctx context.Context, actor model.Actor) (model.Letterhead, error) {
	if !auth.Allow(actor.User, auth.ManageMessaging, auth.Object{}) {
		return model.Letterhead{}, fmt.Errorf("notify: letterhead: %w", model.ErrForbidden)
	}
	return s.store.Letterhead(ctx)
}

// SaveLetterhead changes the letterhead. An image must be a PNG, JPEG or
// SVG under 2 MB; it is re-encoded (an SVG drawn) as PNG, so that what a letter embeds is
// a clean image whatever was uploaded. A refused image is a
// *model.ValidationError on its field, and nothing is saved.
func (s *Service) SaveLetterhead(ctx context.Context, actor model.Actor, in LetterheadInput) (model.Letterhead, error) {
	head, err := s.LetterheadSettings(ctx, actor)
	if err != nil {
		return head, err
	}
	head.OrgEn, head.OrgAr = strings.TrimSpace(in.OrgEn), strings.TrimSpace(in.OrgAr)
	errs := model.Errors{}
	for _, f := range in.TooLarge {
		errs.Add(f, "letterhead.error.image")
	}
	for field, img := range map[string]struct {
		in  []byte
		out *[]byte
	}{"logo": {in.Logo, &head.Logo}, "footer": {in.Footer, &head.Footer}} {
		if img.in == nil {
			continue
		}
		clean, ok := cleanImage(img.in)
		if !ok {
			errs.Add(field, "letterhead.error.image")
			continue
		}
		*img.out = clean
	}
	if len(head.OrgEn) > 200 || len(head.OrgAr) > 200 {
		errs.Add("org_en", "letterhead.error.name")
	}
	if err := errs.Err(); err != nil {
		return head, err
	}
	head.UpdatedByID = actor.UserID()
	return head, s.store.Tx(ctx, func(ctx context.Context) error {
		if err := s.store.SaveLetterhead(ctx, &head); err != nil {
			return err
		}
		ev := event(model.AuditLetterhead, actor, "letterhead", 1)
		ev.Values = map[string]string{"logo": fmt.Sprint(in.Logo != nil), "footer": fmt.Sprint(in.Footer != nil)}
		return s.store.RecordAudit(ctx, ev)
	})
}

// cleanImage decodes a PNG or JPEG under the size limit and encodes it
// again as PNG; an SVG is drawn as a PNG.
func cleanImage(b []byte) ([]byte, bool) {
	if len(b) == 0 || len(b) > model.MaxLetterheadImage {
		return nil, false
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil && isSVG(b) {
		return rasterSVG(b)
	}
	if err != nil || (format != "png" && format != "jpeg") || cfg.Width*cfg.Height > 16_000_000 {
		return nil, false
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, false
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, false
	}
	return out.Bytes(), true
}
