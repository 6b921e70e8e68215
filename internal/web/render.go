package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/views/layout"
)

// isHTMX reports whether htmx made the request (and wants a fragment).
func isHTMX(c echo.Context) bool {
	return c.Request().Header.Get("HX-Request") == "true" && c.Request().Header.Get("HX-Boosted") != "true"
}

// render writes page with status. An htmx request gets fragment instead
// when one is given.
func (s *Server) render(c echo.Context, status int, page templ.Component) error {
	return s.renderParts(c, status, page, nil)
}

// renderParts renders the full page, or only fragment for htmx.
func (s *Server) renderParts(c echo.Context, status int, page, fragment templ.Component) error {
	comp, full := page, true
	if fragment != nil && isHTMX(c) {
		comp, full = fragment, false
	}
	ctx := s.viewContext(c, full)
	var buf bytes.Buffer
	if err := comp.Render(ctx, &buf); err != nil {
		return err
	}
	return s.writePage(c, status, buf.Bytes())
}

// writePage sends a rendered page.
func (s *Server) writePage(c echo.Context, status int, page []byte) error {
	h := c.Response().Header()
	if currentUser(c) != nil {
		// Pages with personal data must not stay in shared caches.
		h.Set("Cache-Control", "no-store")
	}
	h.Add("Vary", "Cookie")
	return c.HTMLBlob(status, page)
}

// viewContext puts the localizer, the nonce and the page shell in the
// context the views read. Flashes are consumed only by full pages.
func (s *Server) viewContext(c echo.Context, full bool) context.Context {
	nonce, _ := c.Get(keyNonce).(string)
	csrf, _ := c.Get(keyCSRF).(string)
	return s.shellContext(c, c.Request().Context(), full, nonce, csrf)
}

// shellContext is viewContext on ctx with the given nonce and CSRF token
// (a kept page is rendered with marks in their place).
func (s *Server) shellContext(c echo.Context, ctx context.Context, full bool, nonce, csrf string) context.Context {
	l := loc(c)
	ctx = i18n.With(ctx, l)
	ctx = templ.WithNonce(ctx, nonce)
	sh := &layout.Shell{
		Lang:     l.Lang,
		Path:     c.Request().URL.Path,
		Query:    c.Request().URL.Query(),
		Nonce:    nonce,
		Asset:    s.Assets.URL,
		Version:  s.Version,
		Location: s.Location,
	}
	sh.Query.Del("lang")
	sh.CSRF = csrf
	if u := currentUser(c); u != nil {
		sh.User = &layout.User{ID: u.ID, Name: u.Name, RoleKey: "role." + string(u.Role)}
		sh.Nav = navFor(u, sh.Path)
	}
	if full {
		sh.Flashes = s.takeFlashes(c)
	}
	return layout.WithShell(ctx, sh)
}

// flash is a message for the next page, kept in a short-lived cookie.
type flash struct {
	Kind string `json:"k"`
	Key  string `json:"m"`
	Args []any  `json:"a,omitempty"`
	Near string `json:"n,omitempty"` // the page section that shows it (see addFlashNear)
}

const flashCookie = "flash"

// addFlash queues a message (a catalogue key and its arguments) for the
// next page the browser shows.
func (s *Server) addFlash(c echo.Context, kind, key string, args ...any) {
	s.addFlashNear(c, "", kind, key, args...)
}

// addFlashNear queues a message that the next page shows inside its
// section near (an element id such as "participants"), for a redirect to
// that section's anchor: at the top of the page the message would be
// scrolled out of view.
func (s *Server) addFlashNear(c echo.Context, near, kind, key string, args ...any) {
	fs := s.readFlashes(c)
	fs = append(fs, flash{Kind: kind, Key: key, Args: args, Near: near})
	b, _ := json.Marshal(fs)
	ck := &http.Cookie{Name: flashCookie, Value: base64.RawURLEncoding.EncodeToString(b), Path: "/",
		MaxAge: 120, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.isHTTPS(c.Request())}
	c.SetCookie(ck)
	c.Set(flashCookie, fs)
}

func (s *Server) readFlashes(c echo.Context) []flash {
	if fs, ok := c.Get(flashCookie).([]flash); ok {
		return fs
	}
	ck, err := c.Cookie(flashCookie)
	if err != nil {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(ck.Value)
	if err != nil {
		return nil
	}
	var fs []flash
	if json.Unmarshal(b, &fs) != nil {
		return nil
	}
	return fs
}

// takeFlashes returns the queued messages, translated, and clears them.
// Only catalogue keys are shown, so a forged cookie cannot inject text
// beyond its own arguments (which templ escapes).
func (s *Server) takeFlashes(c echo.Context) []layout.Flash {
	fs := s.readFlashes(c)
	if len(fs) == 0 {
		return nil
	}
	c.SetCookie(&http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	c.Set(flashCookie, []flash{})
	l := loc(c)
	var out []layout.Flash
	for _, f := range fs {
		if !l.Has(f.Key) {
			continue
		}
		switch f.Kind {
		case "ok", "info", "warn", "bad":
		default:
			f.Kind = "info"
		}
		out = append(out, layout.Flash{Kind: f.Kind, Text: l.T(f.Key, f.Args...), Near: f.Near})
	}
	return out
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
