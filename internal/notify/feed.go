package notify

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	ics "github.com/arran4/golang-ical"

	"github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/model"
)

// feedHash is what is kept of a feed's secret token.
func feedHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// signedIn refuses visitors and the System actor.
func signedIn(a model.Actor) error {
	if a.User.ID == 0 {
		return fmt.Errorf("notify: calendar feed: %w", model.ErrForbidden)
	}
	return nil
}

// FeedPage tells the actor whether they have a private calendar address.
func (s *Service) FeedPage(ctx context.Context, actor model.Actor) (model.FeedPage, error) {
	if err := signedIn(actor); err != nil {
		return model.FeedPage{}, err
	}
	var p model.FeedPage
	f, err := s.store.Feed(ctx, actor.User.ID)
	switch {
	case errors.Is(err, model.ErrNotFound):
	case err != nil:
		return p, err
	default:
		p.Exists, p.CreatedAt = true, f.CreatedAt
	}
	rows, err := s.store.FacilitatedSittings(ctx, actor.User.ID)
	p.Sessions = len(rows)
	return p, err
}

// NewFeed makes the actor a private calendar address listing the sessions
// they facilitate, replacing any earlier one (which stops working). The
// address holds a random secret; only its hash is kept, so the page shows
// it this once.
func (s *Service) NewFeed(ctx context.Context, actor model.Actor) (model.FeedPage, error) {
	if err := signedIn(actor); err != nil {
		return model.FeedPage{}, err
	}
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return model.FeedPage{}, err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		if err := s.store.SaveFeed(ctx, &model.CalendarFeed{UserID: actor.User.ID, TokenHash: feedHash(token)}); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, event(model.AuditCalendarFeed, actor, "user", actor.User.ID))
	})
	if err != nil {
		return model.FeedPage{}, err
	}
	p, err := s.FeedPage(ctx, actor)
	if s.o.BaseURL != "" {
		p.URL = s.o.BaseURL + "/calendar/" + token + ".ics"
		p.WebcalURL = webcal(p.URL)
	}
	return p, err
}

// RevokeFeed ends the actor's private calendar address.
func (s *Service) RevokeFeed(ctx context.Context, actor model.Actor) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	return s.store.Tx(ctx, func(ctx context.Context) error {
		gone, err := s.store.DeleteFeed(ctx, actor.User.ID)
		if err != nil || !gone {
			return err
		}
		return s.store.RecordAudit(ctx, event(model.AuditCalendarRevoke, actor, "user", actor.User.ID))
	})
}

// FeedICS answers a calendar application that subscribed to a private
// address: the sessions its owner facilitates, in their language, one
// event each. An unknown or revoked token is model.ErrNotFound.
func (s *Service) FeedICS(ctx context.Context, token string) ([]byte, error) {
	token = strings.TrimSuffix(token, ".ics")
	if token == "" {
		return nil, model.ErrNotFound
	}
	f, err := s.store.FeedByHash(ctx, feedHash(token))
	if err != nil {
		return nil, err
	}
	u, err := s.store.UserByID(ctx, f.UserID)
	if err != nil || !u.Active {
		return nil, fmt.Errorf("notify: feed of an inactive user: %w", model.ErrNotFound)
	}
	rows, err := s.store.FacilitatedSittings(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	l := localizer(model.DefaultLang(u.Locale, nil))
	domain := mail.Domain(s.o.From.Addr)
	events := make([]calEvent, len(rows))
	for i, r := range rows {
		place := joinNonEmpty(", ", l.Pick(r.VenueEn, r.VenueAr), r.City)
		events[i] = calEvent{UID: "session-" + strconv.FormatInt(r.ID, 10) + "@" + domain, Sitting: r.Sitting,
			Summary: l.Pick(r.TitleEn, r.TitleAr), Location: place, Description: r.Topic, Stamp: r.Updated().UTC()}
	}
	return calendar(ics.MethodPublish, l.T("feed.name"), s.o.From, nil, events, s.o.Location), nil
}

// webcal is an http(s) address with the webcal scheme: the same address,
// which calendar apps fetch over HTTPS and subscribe to rather than import
// once.
func webcal(u string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(u, scheme) {
			return "webcal://" + strings.TrimPrefix(u, scheme)
		}
	}
	return ""
}
