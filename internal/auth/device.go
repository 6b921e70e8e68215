package auth

import (
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
)

// DeviceCookie is the cookie by which a browser that has signed in to an
// account before is known for that account (OWASP's device cookie).
const DeviceCookie = "traindesk_device"

// deviceAge is how long a browser stays known after its last sign-in.
const deviceAge = 180 * 24 * time.Hour

// maxDeviceAccounts bounds the accounts one browser is known for (a
// shared office computer); the oldest sign-in is forgotten first.
const maxDeviceAccounts = 5

// deviceEntry is one account a browser is known for: a keyed hash of the
// account (the cookie never names it) and a random id by which the
// browser's own attempts are counted.
type deviceEntry struct {
	Account string `json:"a"`
	Nonce   string `json:"n"`
}

func newDeviceCodec(secret []byte) *securecookie.SecureCookie {
	c := securecookie.New(DeriveKey(secret, "device-hash", 64), DeriveKey(secret, "device-block", 32))
	c.MaxAge(int(deviceAge / time.Second))
	c.SetSerializer(securecookie.JSONEncoder{})
	return c
}

// devices reads the browser's signed device cookie; a missing, expired or
// forged one is no entry at all.
func (s *Sessions) devices(r *http.Request) []deviceEntry {
	c, err := r.Cookie(DeviceCookie)
	if err != nil {
		return nil
	}
	var es []deviceEntry
	if s.device.Decode(DeviceCookie, c.Value, &es) != nil {
		return nil
	}
	return es
}

// knownDevice returns the id under which this browser's attempts on the
// account email are counted, or "" when the browser is not known for it.
func (s *Sessions) knownDevice(r *http.Request, email string) string {
	acct := s.mac("device-account", email)[:22]
	for _, e := range s.devices(r) {
		if e.Account == acct && e.Nonce != "" {
			return e.Nonce
		}
	}
	return ""
}

// rememberDevice marks the browser as known for the account email after a
// successful sign-in, with a new id, as OWASP advises. A cookie that
// cannot be encoded is left out: the sign-in itself has succeeded.
func (s *Sessions) rememberDevice(w http.ResponseWriter, r *http.Request, email string) {
	acct := s.mac("device-account", email)[:22]
	es := []deviceEntry{{Account: acct, Nonce: randomToken(16)}}
	for _, e := range s.devices(r) {
		if e.Account != acct && len(es) < maxDeviceAccounts {
			es = append(es, e)
		}
	}
	v, err := s.device.Encode(DeviceCookie, es)
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: DeviceCookie, Value: v, Path: "/login", MaxAge: int(deviceAge / time.Second),
		HttpOnly: true, Secure: s.isHTTPS(r), SameSite: http.SameSiteLaxMode})
}
