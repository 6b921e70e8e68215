package auth

import (
	"context"
	"net/netip"
	"slices"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// counted is what one sign-in attempt was counted under: the counters it
// took. A browser trusted for the account takes only its own counter.
type counted struct {
	ids  []string
	kind map[string]counter
}

// counter is a kind of counter, with its own rule.
type counter int

const (
	accountCounter counter = iota
	addressCounter
	deviceCounter
)

func (s *Sessions) rule(k counter) Rule {
	switch k {
	case accountCounter:
		return s.limits.Account
	case addressCounter:
		return s.limits.Address
	}
	return s.limits.Device
}

// attemptKeys names the counters an attempt may take.
type attemptKeys struct {
	account, address, device string // device is "" for a browser not known for the account
	email, ip                string // for LimitError, which the log shows
}

// keysFor builds the counters' ids: keyed hashes, so the table never holds
// what was typed into the e-mail field or the client's address.
func (s *Sessions) keysFor(email, ip, device string) attemptKeys {
	k := attemptKeys{account: "a:" + s.mac("acct", email)[:32], address: "i:" + s.mac("addr", addressBlock(ip))[:32],
		email: email, ip: ip}
	if device != "" {
		k.device = "d:" + s.mac("device", device)[:32]
	}
	return k
}

// addressBlock is what the address limit counts: an IPv4 address, or the
// /64 network of an IPv6 one (one household or office gets a whole /64).
func addressBlock(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil || a.Unmap().Is4() {
		return ip
	}
	p, _ := a.Prefix(64)
	return p.String()
}

func (k attemptKeys) all() []string {
	ids := []string{k.account, k.address}
	if k.device != "" {
		ids = append(ids, k.device)
	}
	slices.Sort(ids) // one lock order for every instance: no deadlock
	return ids
}

// plan decides on the counters in rows (changed in place) whether the
// attempt may be checked: a known browser on its own counter while that
// allows; otherwise the account's and the address's counters, both of
// which must allow.
func (s *Sessions) plan(k attemptKeys, rows map[string]*model.SigninThrottle, now time.Time) (counted, error) {
	if k.device != "" {
		if ok, _ := s.limits.Device.take(rows[k.device], now); ok {
			return counted{ids: []string{k.device}, kind: map[string]counter{k.device: deviceCounter}}, nil
		}
	}
	acct, addr := *rows[k.account], *rows[k.address]
	okA, waitA := s.limits.Account.take(&acct, now)
	okI, waitI := s.limits.Address.take(&addr, now)
	switch {
	case !okI:
		return counted{}, &LimitError{Key: "ip:" + k.ip, Wait: waitI}
	case !okA:
		return counted{}, &LimitError{Key: "acct:" + k.email, Wait: waitA}
	}
	*rows[k.account], *rows[k.address] = acct, addr
	return counted{ids: []string{k.account, k.address},
		kind: map[string]counter{k.account: accountCounter, k.address: addressCounter}}, nil
}

// take counts the attempt before its password is checked, so that
// counting and checking the limits is one atomic step for every instance
// sharing the database: of any number of attempts at once, only as many as
// the limits allow reach bcrypt. An attempt surely over a limit is refused
// on a plain read, without waiting for the database's writer.
func (s *Sessions) take(ctx context.Context, k attemptKeys) (counted, error) {
	now := s.now().UTC()
	ids := k.all()
	seen, err := s.store.SigninThrottles(ctx, ids)
	if err != nil {
		return counted{}, err
	}
	rows := map[string]*model.SigninThrottle{}
	for _, id := range ids {
		rows[id] = &model.SigninThrottle{ID: id}
	}
	for i := range seen {
		rows[seen[i].ID] = &seen[i]
	}
	if _, err := s.plan(k, rows, now); err != nil {
		return counted{}, err
	}
	var c counted
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		for _, id := range ids {
			t, err := s.store.LockSigninThrottle(ctx, id)
			if err != nil {
				return err
			}
			rows[id] = &t
		}
		if c, err = s.plan(k, rows, now); err != nil {
			return err
		}
		for _, id := range c.ids {
			if err := s.store.SaveSigninThrottle(ctx, *rows[id]); err != nil {
				return err
			}
		}
		return nil
	})
	return c, err
}

// settle closes the count of an attempt inside ctx's transaction. A right
// password clears the browser's own counter or, from an unknown browser,
// the account's, and gives the address its attempt back; an attempt whose
// password was never checked gives every attempt back. A wrong password
// stays counted.
func (s *Sessions) settle(ctx context.Context, c counted, signedIn bool) error {
	for _, id := range c.ids {
		if signedIn && c.kind[id] != addressCounter {
			if err := s.store.DeleteSigninThrottle(ctx, id); err != nil {
				return err
			}
			continue
		}
		t, err := s.store.LockSigninThrottle(ctx, id)
		if err != nil {
			return err
		}
		s.rule(c.kind[id]).give(&t)
		if err := s.store.SaveSigninThrottle(ctx, t); err != nil {
			return err
		}
	}
	return nil
}

// PurgeThrottles deletes the counters that count and block nothing any
// more; serve runs it every hour.
func (s *Sessions) PurgeThrottles(ctx context.Context) (int64, error) {
	return s.store.PurgeSigninThrottles(ctx, s.now().Add(-s.limits.longest()))
}
