package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestAPIToken_CountsAndRevoke runs the token statements on both
// databases: the per-minute count that instances share (one upsert), the
// cleanup of old minutes, and revocation limited to the token's owner.
func TestAPIToken_CountsAndRevoke(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		u := model.User{Email: "m@example.org", Name: "M", Role: model.RoleManager, PasswordHash: "x", Active: true}
		if err := s.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC)
		tok := model.APIToken{UserID: u.ID, Name: "n", Hash: "h", Prefix: "td_abc", Scope: model.TokenScopeRead,
			ExpiresAt: now.Add(time.Hour), CreatedAt: now}
		if err := s.CreateAPIToken(ctx, &tok); err != nil {
			t.Fatal(err)
		}
		minute := now.Unix() / 60
		for want := 1; want <= 3; want++ {
			if got, err := s.CountAPITokenHit(ctx, tok.ID, minute-90); err != nil || got != want {
				t.Fatalf("hit %d = %d, %v", want, got, err)
			}
		}
		if got, err := s.CountAPITokenHit(ctx, tok.ID, minute); err != nil || got != 1 {
			t.Fatalf("a new minute = %d, %v", got, err)
		}
		if n := s.MustCount(ctx, "api_token_minutes"); n != 1 {
			t.Errorf("%d minutes kept, want the old one forgotten", n)
		}
		if err := s.RevokeAPIToken(ctx, u.ID+1, tok.ID, now); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("another user revokes: %v", err)
		}
		if err := s.RevokeAPIToken(ctx, u.ID, tok.ID, now); err != nil {
			t.Fatal(err)
		}
		got, err := s.APITokenByHash(ctx, "h")
		if err != nil || got.Live(now) || got.RevokedAt == nil {
			t.Errorf("revoked token = %+v, %v", got, err)
		}
	})
}
