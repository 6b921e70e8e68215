package auth

import (
	"context"
	"net/netip"
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
	if err != nil {
		return ip
	}
	if a = a.Unmap(); a.Is4() {
		return a.String()
	}
	p, _ := a.WithZone("").Prefix(64)
	return p.String()
}

func (k attemptKeys) all() []string {
	ids := []string{k.account, k.address}
	if k.device != "" {
		ids = append(ids, k.device)
	}
	return ids
}

// plan decides whether the attempt may be checked, on the counters get
// returns (and changes them in place): a known browser on its own counter
// while that allows; otherwise the account's and the address's counters,
// both of which must allow. get is called in one order, device, account,
// address, so that transactions locking the rows never deadlock.
func (s *Sessions) plan(k attemptKeys, now time.Time, get func(id string) (*model.SigninThrottle, error)) (counted, error) {
	if k.device != "" {
		t, err := get(k.device)
		if err != nil {
			return counted{}, err
		}
		if ok, _ := s.limits.Device.take(t, now); ok {
			return counted{ids: []string{k.device}, kind: map[string]counter{k.device: deviceCounter}}, nil
		}
	}
	acct, err := get(k.account)
	if err != nil {
		return counted{}, err
	}
	addr, err := get(k.address)
	if err != nil {
		return counted{}, err
	}
	a, i := *acct, *addr
	okA, waitA := s.limits.Account.take(&a, now)
	okI, waitI := s.limits.Address.take(&i, now)
	switch {
	case !okI:
		return counted{}, &LimitError{Key: "ip:" + k.ip, Wait: waitI}
	case !okA:
		return counted{}, &LimitError{Key: "acct:" + k.email, Wait: waitA}
	}
	*acct, *addr = a, i
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
	seen, err := s.store.SigninThrottles(ctx, k.all())
	if err != nil {
		return counted{}, err
	}
	read := map[string]*model.SigninThrottle{}
	for i := range seen {
		read[seen[i].ID] = &seen[i]
	}
	_, err = s.plan(k, now, func(id string) (*model.SigninThrottle, error) {
		if t, ok := read[id]; ok {
			return t, nil
		}
		return &model.SigninThrottle{ID: id}, nil
	})
	if err != nil {
		return counted{}, err
	}
	var c counted
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		locked := map[string]*model.SigninThrottle{}
		var err error
		c, err = s.plan(k, now, func(id string) (*model.SigninThrottle, error) {
			t, err := s.store.LockSigninThrottle(ctx, id)
			locked[id] = &t
			return &t, err
		})
		if err != nil {
			return err
		}
		for _, id := range c.ids {
			if err := s.store.SaveSigninThrottle(ctx, *locked[id]); err != nil {
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
