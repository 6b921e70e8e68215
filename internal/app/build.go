package app

import (
	"log/slog"
	"net/netip"
	"time"

	"github.com/traindesk/traindesk/assets"
	"github.com/traindesk/traindesk/internal/audit"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/proxy"
	"github.com/traindesk/traindesk/internal/reference"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/web"
)

// Options is what Build needs besides the store: the settings that shape
// the services and the server. serve fills it from the configuration;
// the test harness fills it with a fixed clock and cheap bcrypt.
type Options struct {
	Secret         []byte // master key: cookies, QR codes, certificates
	Now            func() time.Time
	Location       *time.Location // the venues' time zone
	Log            *slog.Logger
	SessionIdle    time.Duration
	SessionMax     time.Duration
	MarkDaysAfter  int
	BcryptCost     int // 0: auth.DefaultCost
	TLS            bool
	TrustedProxies []netip.Prefix
	Version        string
	// IPLimit and AccountLimit bound failed sign-ins; nil: the defaults.
	IPLimit, AccountLimit *auth.Limiter
}

// Built is the assembled application: the store it runs on and the HTTP
// server over its services.
type Built struct {
	Store  *store.Store
	Server *web.Server
}

// Build is the one place where traindesk is assembled: every service is
// constructed here from the store and the options, and handed to the web
// layer. serve and the test harness both call it, so tests run the wiring
// that production runs.
func Build(st *store.Store, o Options) *Built {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.BcryptCost == 0 {
		o.BcryptCost = auth.DefaultCost
	}
	trust := proxy.Trust{Prefixes: o.TrustedProxies}

	// Services: each owns its rules and its writes.
	sessions := auth.NewSessions(st, auth.SessionOptions{Secret: o.Secret, Idle: o.SessionIdle, Max: o.SessionMax,
		Now: o.Now, IsHTTPS: trust.IsHTTPS, IPLimit: o.IPLimit, AccountLimit: o.AccountLimit})

	srv := web.New(web.Deps{
		Store:          st,
		Sessions:       sessions,
		Users:          auth.NewUsers(st, o.BcryptCost),
		Reference:      reference.New(st),
		Audit:          audit.New(st),
		Assets:         assets.New("/assets/"),
		Log:            o.Log,
		Now:            o.Now,
		Location:       o.Location,
		Secret:         o.Secret,
		TLS:            o.TLS,
		TrustedProxies: o.TrustedProxies,
		MarkDaysAfter:  o.MarkDaysAfter,
		Version:        o.Version,
	})
	return &Built{Store: st, Server: srv}
}
