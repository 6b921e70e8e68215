package store

import (
	"context"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// CreateAPIToken inserts t.
func (s *Store) CreateAPIToken(ctx context.Context, t *model.APIToken) error {
	return mapErr("create api token", s.write(ctx).Create(t).Error)
}

// APITokensOf lists a user's tokens, newest first.
func (s *Store) APITokensOf(ctx context.Context, userID int64) ([]model.APIToken, error) {
	var out []model.APIToken
	err := s.read(ctx).Where("user_id = ?", userID).Order("created_at DESC, id DESC").Find(&out).Error
	return out, mapErr("api tokens", err)
}

// APITokenByHash returns the token whose secret hashes to hash, or
// model.ErrNotFound.
func (s *Store) APITokenByHash(ctx context.Context, hash string) (model.APIToken, error) {
	var t model.APIToken
	err := s.read(ctx).Where("hash = ?", hash).First(&t).Error
	return t, mapErr("api token by hash", err)
}

// RevokeAPIToken marks user userID's token id revoked at at; a token of
// another user is model.ErrNotFound. Revoking twice keeps the first time.
func (s *Store) RevokeAPIToken(ctx context.Context, userID, id int64, at time.Time) error {
	var n int64
	if err := s.read(ctx).Model(&model.APIToken{}).Where("id = ? AND user_id = ?", id, userID).Count(&n).Error; err != nil {
		return mapErr("revoke api token", err)
	}
	if n == 0 {
		return mapErr("revoke api token", model.ErrNotFound)
	}
	err := s.write(ctx).Model(&model.APIToken{}).Where("id = ? AND revoked_at IS NULL", id).Update("revoked_at", at.UTC()).Error
	return mapErr("revoke api token", err)
}

// TouchAPIToken records a use of token id at at.
func (s *Store) TouchAPIToken(ctx context.Context, id int64, at time.Time) error {
	return mapErr("touch api token", s.write(ctx).Model(&model.APIToken{}).Where("id = ?", id).Update("last_used_at", at.UTC()).Error)
}

// CountAPITokenHit adds one request to token id's count for minute (Unix
// time / 60) and returns the count. One statement, so that instances
// sharing the database count together. The first hit of a minute also
// forgets the token's counts older than an hour.
func (s *Store) CountAPITokenHit(ctx context.Context, id, minute int64) (int, error) {
	var hits int
	err := s.write(ctx).Raw(`INSERT INTO api_token_minutes (token_id, minute, hits) VALUES (?, ?, 1)
ON CONFLICT (token_id, minute) DO UPDATE SET hits = api_token_minutes.hits + 1
RETURNING hits`, id, minute).Scan(&hits).Error
	if err != nil {
		return 0, mapErr("count api token hit", err)
	}
	if hits == 1 {
		err = s.write(ctx).Exec("DELETE FROM api_token_minutes WHERE token_id = ? AND minute < ?", id, minute-60).Error
	}
	return hits, mapErr("count api token hit", err)
}
