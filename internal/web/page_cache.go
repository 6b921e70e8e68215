package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/vcache"
)

// A kept page is a rendered page held while the data version it was
// rendered from stands, so that loading it again costs a copy instead of
// a render. It is kept per user (their name, role and id are on it, and
// their role and scope decide what it shows), language and day; the parts
// that change with every request (the CSP nonce and the CSRF token, which
// is the session's) are rendered as random marks and written in per
// request. The marks are drawn at start-up, so no text typed into the
// application can forge one.

// pageKey is everything a kept page depends on besides the data version.
type pageKey struct {
	page  string
	user  int64
	name  string
	role  model.Role
	scope model.TrainingScope
	lang  i18n.Lang
	day   model.Date
	shows [3]bool // the page's own switches (what the user may do)
}

// keptPages bounds how many pages one instance keeps (about 8 kB each).
const keptPages = 256

// pageCache holds kept pages and the marks they were rendered with.
type pageCache struct {
	pages      *vcache.Versioned[pageKey, *keptPage]
	nonce, csr string
}

func newPageCache() *pageCache {
	mark := func() string {
		b := make([]byte, 12)
		rand.Read(b)
		return "k" + hex.EncodeToString(b)
	}
	return &pageCache{pages: vcache.New[pageKey, *keptPage](keptPages), nonce: mark(), csr: mark()}
}

// keptPage is a page cut at its marks: parts[i] is followed by the
// nonce when fills[i] is 0 and by the CSRF token when it is 1; the last
// part is followed by nothing.
type keptPage struct {
	parts [][]byte
	fills []byte
	size  int
}

// cut splits b at the marks.
func (pc *pageCache) cut(b []byte) *keptPage {
	kp := &keptPage{}
	marks := [][]byte{[]byte(pc.nonce), []byte(pc.csr)}
	for {
		at, which := -1, byte(0)
		for i, m := range marks {
			if j := bytes.Index(b, m); j >= 0 && (at < 0 || j < at) {
				at, which = j, byte(i)
			}
		}
		if at < 0 {
			break
		}
		kp.parts = append(kp.parts, b[:at])
		kp.fills = append(kp.fills, which)
		kp.size += at
		b = b[at+len(marks[which]):]
	}
	kp.parts = append(kp.parts, b)
	kp.size += len(b)
	return kp
}

// fill writes the page with this request's nonce and token in place of
// the marks.
func (kp *keptPage) fill(nonce, csrf string) []byte {
	out := make([]byte, 0, kp.size+len(kp.fills)*max(len(nonce), len(csrf)))
	for i, p := range kp.parts {
		out = append(out, p...)
		if i < len(kp.fills) {
			if kp.fills[i] == 0 {
				out = append(out, nonce...)
			} else {
				out = append(out, csrf...)
			}
		}
	}
	return out
}

// plainToken reports whether v is written the same in every place of a
// page (text, attribute, JSON in an attribute): letters, digits and the
// characters of base64. Anything else is rendered afresh.
func plainToken(v string) bool {
	for i := 0; i < len(v); i++ {
		switch ch := v[i]; {
		case ch >= 'a' && ch <= 'z', ch >= 'A' && ch <= 'Z', ch >= '0' && ch <= '9', ch == '+', ch == '/', ch == '=', ch == '-', ch == '_':
		default:
			return false
		}
	}
	return true
}

// keepable reports whether the request gets the page every such request
// gets: no one-time messages to show and no query beyond the language.
func (s *Server) keepable(c echo.Context) bool {
	if q := c.Request().URL.RawQuery; q != "" {
		for k := range c.QueryParams() {
			if k != "lang" {
				return false
			}
		}
	}
	nonce, _ := c.Get(keyNonce).(string)
	csrf, _ := c.Get(keyCSRF).(string)
	return len(s.readFlashes(c)) == 0 && plainToken(nonce) && plainToken(csrf)
}

// renderKept writes page, from the kept copy for k at version when there
// is one, else rendering it (and keeping it when the request allows).
func (s *Server) renderKept(c echo.Context, status int, k pageKey, version int64, page templ.Component) error {
	if !s.keepable(c) {
		return s.render(c, status, page)
	}
	k.lang = loc(c).Lang
	pc := s.pageCache
	kp, err := pc.pages.Load(c.Request().Context(), k, version, func(ctx context.Context) (*keptPage, error) {
		var buf bytes.Buffer
		if err := page.Render(s.shellContext(c, ctx, false, pc.nonce, pc.csr), &buf); err != nil {
			return nil, err
		}
		return pc.cut(buf.Bytes()), nil
	})
	if err != nil {
		return err
	}
	nonce, _ := c.Get(keyNonce).(string)
	csrf, _ := c.Get(keyCSRF).(string)
	return s.writePage(c, status, kp.fill(nonce, csrf))
}
