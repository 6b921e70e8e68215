package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// TokenStore is what personal API tokens need from the database.
type TokenStore interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	UserByID(ctx context.Context, id int64) (model.User, error)
	CreateAPIToken(ctx context.Context, t *model.APIToken) error
	APITokensOf(ctx context.Context, userID int64) ([]model.APIToken, error)
	APITokenByHash(ctx context.Context, hash string) (model.APIToken, error)
	RevokeAPIToken(ctx context.Context, userID, id int64, at time.Time) error
	TouchAPIToken(ctx context.Context, id int64, at time.Time) error
	CountAPITokenHit(ctx context.Context, id, minute int64) (int, error)
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
}

// Tokens makes, lists, revokes and recognises personal API tokens. A token
// stands for its user, for reading only: the web layer accepts it on the
// API's read routes alone, and the policy gives it no more than the user's
// role (personal data only when the token was made for it).
type Tokens struct {
	store     TokenStore
	now       func() time.Time
	perMinute int
}

// TokenPrefix starts every secret, so that a leaked one is recognisable
// (secret scanners, logs).
const TokenPrefix = "td_"

// DefaultTokenRate is how many requests a token may make per minute.
const DefaultTokenRate = 60

// Token errors; the web layer answers 401 and 429.
var (
	ErrTokenInvalid = errors.New("auth: the API token is unknown, expired or revoked")
	ErrTokenRate    = errors.New("auth: the API token made too many requests this minute")
)

// NewTokens builds token management over st; perMinute bounds each token's
// requests (0: DefaultTokenRate).
func NewTokens(st TokenStore, now func() time.Time, perMinute int) *Tokens {
	if now == nil {
		now = time.Now
	}
	if perMinute <= 0 {
		perMinute = DefaultTokenRate
	}
	return &Tokens{store: st, now: now, perMinute: perMinute}
}

// List returns the actor's own tokens. A token cannot list tokens.
func (t *Tokens) List(ctx context.Context, actor model.Actor) ([]model.APIToken, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	return t.store.APITokensOf(ctx, actor.User.ID)
}

// Create makes a token for the actor and returns its secret, which is
// shown once and never stored.
func (t *Tokens) Create(ctx context.Context, actor model.Actor, in model.TokenInput) (string, model.APIToken, error) {
	if err := signedIn(actor); err != nil {
		return "", model.APIToken{}, err
	}
	days, err := in.Validate()
	if err != nil {
		return "", model.APIToken{}, err
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", model.APIToken{}, err
	}
	secret := TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	now := t.now().UTC()
	tok := model.APIToken{UserID: actor.User.ID, Name: in.Name, Hash: hashToken(secret), Prefix: secret[:len(TokenPrefix)+6],
		Scope: model.TokenScopeRead, PersonalData: in.PersonalData, ExpiresAt: now.Add(time.Duration(days) * 24 * time.Hour), CreatedAt: now}
	err = t.store.Tx(ctx, func(ctx context.Context) error {
		if err := t.store.CreateAPIToken(ctx, &tok); err != nil {
			return err
		}
		return t.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditTokenCreate, Actor: actor,
			Object: model.AuditObject{Type: "api_token", ID: tok.ID},
			Values: map[string]string{"days": strconv.Itoa(days), "personal_data": strconv.FormatBool(in.PersonalData)}})
	})
	if err != nil {
		return "", model.APIToken{}, err
	}
	return secret, tok, nil
}

// Revoke ends one of the actor's tokens at once; another user's token is
// model.ErrNotFound.
func (t *Tokens) Revoke(ctx context.Context, actor model.Actor, id int64) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	return t.store.Tx(ctx, func(ctx context.Context) error {
		if err := t.store.RevokeAPIToken(ctx, actor.User.ID, id, t.now()); err != nil {
			return err
		}
		return t.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditTokenRevoke, Actor: actor,
			Object: model.AuditObject{Type: "api_token", ID: id}})
	})
}

// Authenticate recognises secret and returns the actor it stands for, from
// address ip, for a request to route (the route's pattern, for the audit
// log). Each use counts against the token's rate, updates its last use and
// is audited, in one transaction. An unknown, expired or revoked token, or
// one whose user is disabled, is ErrTokenInvalid; a token over its rate is
// ErrTokenRate with the time until the next minute.
func (t *Tokens) Authenticate(ctx context.Context, secret, route, ip string) (model.Actor, time.Duration, error) {
	if !strings.HasPrefix(secret, TokenPrefix) {
		return model.Actor{}, 0, ErrTokenInvalid
	}
	tok, err := t.store.APITokenByHash(ctx, hashToken(secret))
	if errors.Is(err, model.ErrNotFound) {
		return model.Actor{}, 0, ErrTokenInvalid
	} else if err != nil {
		return model.Actor{}, 0, err
	}
	now := t.now()
	if !tok.Live(now) {
		return model.Actor{}, 0, ErrTokenInvalid
	}
	u, err := t.store.UserByID(ctx, tok.UserID)
	if err != nil || !u.Active {
		return model.Actor{}, 0, ErrTokenInvalid
	}
	actor := model.Actor{User: u, IP: ip, Token: &model.TokenGrant{TokenID: tok.ID, PersonalData: tok.PersonalData}}
	minute := now.Unix() / 60
	var over bool
	err = t.store.Tx(ctx, func(ctx context.Context) error {
		hits, err := t.store.CountAPITokenHit(ctx, tok.ID, minute)
		if err != nil {
			return err
		}
		if over = hits > t.perMinute; over {
			return nil
		}
		if err := t.store.TouchAPIToken(ctx, tok.ID, now); err != nil {
			return err
		}
		return t.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditTokenUse, Actor: actor,
			Object: model.AuditObject{Type: "api_token", ID: tok.ID}, Values: map[string]string{"route": route}})
	})
	if err != nil {
		return model.Actor{}, 0, err
	}
	if over {
		return model.Actor{}, time.Unix((minute+1)*60, 0).Sub(now), ErrTokenRate
	}
	return actor, 0, nil
}

// signedIn refuses the System actor, visitors and tokens: tokens are
// managed by a signed-in person only.
func signedIn(actor model.Actor) error {
	if actor.User.ID == 0 || !actor.User.Active || actor.Token != nil {
		return fmt.Errorf("auth: manage API tokens: %w", model.ErrForbidden)
	}
	return nil
}
