package auth

import (
	"sync"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// The session cache spares a request the reading of its session and user
// when this instance verified them moments ago. An entry is trusted only
// while the database's sign-in change counter (AuthVersion) still has the
// value it had when the entry was read: signing out, revoking, disabling
// a user or changing one bumps the counter in the same transaction, on
// whichever instance did it, so the next request on every instance reads
// the session again. Only a session found alive is answered from the
// cache; whatever would end it is decided on a fresh read.

// cacheLife bounds how long an entry is trusted even while the counter
// stands still; cacheSize bounds the entries one instance keeps.
const (
	cacheLife = time.Minute
	cacheSize = 4096
)

// cachedSession is a session and its user as read at version.
type cachedSession struct {
	login   model.Login
	user    model.User
	version int64
	readAt  time.Time
}

// sessionCache holds sessions verified recently, by session id, and the
// session ids that cookie values were decoded to.
type sessionCache struct {
	mu      sync.Mutex
	entries map[string]cachedSession
	cookies map[string]decodedCookie
}

// decodedCookie is the session id a cookie's value decoded to, and when.
// Decoding (authenticated decryption and gob) is most of what checking a
// cookie costs; what the id then names is checked on every request as
// before, so a cookie remembered here outlives nothing it names.
type decodedCookie struct {
	id string
	at time.Time
}

func newSessionCache() *sessionCache {
	return &sessionCache{entries: map[string]cachedSession{}, cookies: map[string]decodedCookie{}}
}

// cookieID returns the session id value decoded to, when it was decoded
// less than cacheLife before now.
func (c *sessionCache) cookieID(value string, now time.Time) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.cookies[value]
	if !ok || now.Sub(d.at) >= cacheLife || now.Before(d.at) {
		return "", false
	}
	return d.id, true
}

// putCookie remembers that value decoded to id at now; a full map starts
// again.
func (c *sessionCache) putCookie(value, id string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.cookies[value]; !ok && len(c.cookies) >= cacheSize {
		clear(c.cookies)
	}
	c.cookies[value] = decodedCookie{id: id, at: now}
}

// get returns the entry for id when one was read at version and less
// than cacheLife before now.
func (c *sessionCache) get(id string, version int64, now time.Time) (cachedSession, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[id]
	if !ok || e.version != version || now.Sub(e.readAt) >= cacheLife || now.Before(e.readAt) {
		return cachedSession{}, false
	}
	return e, true
}

// has reports whether an entry for id exists, whatever its version.
func (c *sessionCache) has(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.entries[id]
	return ok
}

// put keeps e for id. A full cache first drops the entries past their
// life, and everything when that is not enough.
func (c *sessionCache) put(id string, e cachedSession) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[id]; !ok && len(c.entries) >= cacheSize {
		for k, old := range c.entries {
			if e.readAt.Sub(old.readAt) >= cacheLife {
				delete(c.entries, k)
			}
		}
		if len(c.entries) >= cacheSize {
			clear(c.entries)
		}
	}
	c.entries[id] = e
}

// seen moves the last-seen time of id's entry, after the session was
// touched in the database.
func (c *sessionCache) seen(id string, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[id]; ok {
		e.login.LastSeenAt = at
		c.entries[id] = e
	}
}

// drop forgets id.
func (c *sessionCache) drop(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, id)
}
