// Package layout holds the page frame every screen shares: the document
// head, navigation by role, the header with the language switch, flash
// messages and the error pages.
package layout

import (
	"context"
	"net/url"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
)

// Shell is what the frame needs to know about the request. The web layer
// puts it in the context before rendering; pages never build it.
type Shell struct {
	Lang     i18n.Lang
	Path     string     // current path, to mark the active nav item
	Query    url.Values // current query, to build the language links
	User     *User      // nil when signed out
	CSRF     string
	Nonce    string
	Flashes  []Flash
	Nav      []NavItem
	Asset    func(name string) string
	Version  string
	Location *time.Location
}

// User is the signed-in user as the frame shows them.
type User struct {
	ID      int64
	Name    string
	RoleKey string // catalogue key of the role's name
}

// Flash is a one-time message shown at the top of the next page, or, when
// Near names a section of it, inside that section (FlashesNear).
type Flash struct {
	Kind string // ok, info, warn, bad
	Text string // already translated
	Near string // id of the section that shows it; "" for the top of the page
}

// NavItem is one entry of the navigation.
type NavItem struct {
	Href     string
	Icon     string
	LabelKey string
	Active   bool
}

// Loc is the venues' time zone, in which times of day are shown.
func (s *Shell) Loc() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

type ctxKey struct{}

// WithShell returns ctx carrying s.
func WithShell(ctx context.Context, s *Shell) context.Context {
	return context.WithValue(ctx, ctxKey{}, s)
}

// ShellFrom returns the shell in ctx, or an empty English one.
func ShellFrom(ctx context.Context) *Shell {
	if s, ok := ctx.Value(ctxKey{}).(*Shell); ok {
		return s
	}
	return &Shell{Lang: i18n.EN, Asset: func(n string) string { return "/assets/" + n }}
}

// LangURL is the current page in another language. It is a reference
// made of a query alone, which the browser resolves against the page's
// own address: whatever path was asked for (even "//other.example/x" on
// the 404 page), the link cannot lead to another site.
func (s *Shell) LangURL(l i18n.Lang) string {
	q := url.Values{}
	for k, v := range s.Query {
		q[k] = v
	}
	q.Set("lang", string(l))
	return "?" + q.Encode()
}

// CSRFHeaders is the hx-headers value that makes htmx send the token.
func (s *Shell) CSRFHeaders() string {
	return `{"X-CSRF-Token": "` + s.CSRF + `"}`
}
