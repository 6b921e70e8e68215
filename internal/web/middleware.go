package web

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/vcache"
)

// Context keys for values the middleware sets.
const (
	keyRequestID = "rid"
	keyNonce     = "nonce"
	keyLocalizer = "i18n"
	keyUser      = "user"
	keyLogin     = "login"
	keyCSRF      = "csrf"
)

// DefaultBodyLimit bounds every request body unless a route says otherwise.
const DefaultBodyLimit = 1 << 20

func (s *Server) recoverPanic(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.Log.Error("panic", "request_id", c.Get(keyRequestID), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

func (s *Server) requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		b := make([]byte, 8)
		rand.Read(b)
		id := hex.EncodeToString(b)
		c.Set(keyRequestID, id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

// logRequests writes one structured line per request.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		req, res := c.Request(), c.Response()
		attrs := []any{
			"request_id", c.Get(keyRequestID), "method", req.Method, "path", req.URL.Path,
			"status", res.Status, "duration", time.Since(start), "bytes", res.Size, "ip", c.RealIP(),
		}
		if u := currentUser(c); u != nil {
			attrs = append(attrs, "user_id", u.ID)
		}
		switch {
		case res.Status >= 500:
			s.Log.Error("request", attrs...)
		case strings.HasPrefix(req.URL.Path, "/assets/"), req.URL.Path == "/healthz":
			s.Log.Debug("request", attrs...)
		default:
			s.Log.Info("request", attrs...)
		}
		return nil
	}
}

// securityHeaders sets the headers every response carries, with a fresh
// nonce per request for the Content-Security-Policy.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		b := make([]byte, 16)
		rand.Read(b)
		nonce := base64.StdEncoding.EncodeToString(b)
		c.Set(keyNonce, nonce)
		h := c.Response().Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-"+nonce+"'; "+
			"style-src 'self' 'nonce-"+nonce+"'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "+
			"worker-src 'self'; manifest-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; "+
			"form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=(), usb=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if s.isHTTPS(c.Request()) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		return next(c)
	}
}

// limitBody refuses bodies over the route's limit with 413, early when the
// client announces the length and otherwise as soon as the limit is read.
func (s *Server) limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		limit := int64(DefaultBodyLimit)
		if l, ok := s.bodyLimits[c.Request().Method+" "+c.Path()]; ok {
			limit = l
		}
		req := c.Request()
		if req.ContentLength > limit {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
		}
		if req.Body != nil && req.Body != http.NoBody && req.ContentLength < 0 {
			// A streamed body of unknown length is read here, so that going
			// over the limit is a 413 and not a half-parsed form downstream.
			b, err := io.ReadAll(io.LimitReader(req.Body, limit+1))
			req.Body.Close()
			if err != nil {
				return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
			}
			if int64(len(b)) > limit {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
			}
			req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
		} else if req.Body != nil {
			req.Body = http.MaxBytesReader(c.Response(), req.Body, limit)
		}
		return next(c)
	}
}

// locale picks the language: ?lang= (remembered in a cookie), the cookie,
// the browser's Accept-Language, else English.
func (s *Server) locale(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		lang, ok := i18n.Parse(c.QueryParam("lang"))
		if ok {
			c.SetCookie(&http.Cookie{Name: "lang", Value: string(lang), Path: "/", MaxAge: 365 * 24 * 3600,
				HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.isHTTPS(c.Request())})
		} else if ck, err := c.Cookie("lang"); err == nil {
			lang, ok = i18n.Parse(ck.Value)
		}
		if !ok {
			lang = acceptLanguage(c.Request().Header.Get("Accept-Language"))
		}
		c.Set(keyLocalizer, i18n.New(lang))
		// The service worker keeps an offline copy per language.
		c.Response().Header().Set("Content-Language", string(lang))
		return next(c)
	}
}

func acceptLanguage(h string) i18n.Lang {
	for _, part := range strings.Split(h, ",") {
		tag := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		if l, ok := i18n.Parse(tag); ok {
			return l
		}
	}
	return i18n.EN
}

// loadUser recognises the signed-in user, if any.
func (s *Server) loadUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := c.Request().URL.Path
		if strings.HasPrefix(p, "/assets/") || p == "/healthz" {
			return next(c)
		}
		if m := c.Request().Method; m == http.MethodGet || m == http.MethodHead {
			// A request that changes nothing reads the change counters
			// once, for the session check and the page together.
			c.SetRequest(c.Request().WithContext(vcache.WithCounters(c.Request().Context())))
		}
		u, l, err := s.Sessions.Current(c.Request())
		switch {
		case err == nil:
			c.Set(keyUser, &u)
			c.Set(keyLogin, &l)
			s.tellSignIn(c, u, l)
		case !errors.Is(err, auth.ErrNoSession):
			return err
		}
		return next(c)
	}
}

// requireUser sends visitors who are not signed in to the sign-in page.
func (s *Server) requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if currentUser(c) != nil {
			return next(c)
		}
		target := "/login"
		if c.Request().Method == http.MethodGet && c.Request().URL.Path != "/" {
			target += "?next=" + urlQueryEscape(c.Request().URL.RequestURI())
		}
		if c.Request().Header.Get("HX-Request") == "true" {
			c.Response().Header().Set("HX-Redirect", target)
			return c.NoContent(http.StatusUnauthorized)
		}
		if strings.HasPrefix(c.Request().URL.Path, "/api/") {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		return c.Redirect(http.StatusSeeOther, target)
	}
}

// require allows only roles that have permission p.
func (s *Server) require(p auth.Permission) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u := currentUser(c)
			if u == nil || !auth.Can(u.Role, p) {
				return echo.NewHTTPError(http.StatusForbidden)
			}
			return next(c)
		}
	}
}

func currentUser(c echo.Context) *model.User {
	u, _ := c.Get(keyUser).(*model.User)
	return u
}

func loc(c echo.Context) *i18n.Localizer {
	if l, ok := c.Get(keyLocalizer).(*i18n.Localizer); ok {
		return l
	}
	return i18n.New(i18n.EN)
}
