package app

import (
	"log/slog"
	"net/netip"
	"time"

	"github.com/traindesk/traindesk/assets"
	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/audit"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/certificate"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/proxy"
	"github.com/traindesk/traindesk/internal/reference"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/trainings"
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
	trainingSvc := trainings.New(st, o.Now, o.Location)
	marks := attendance.New(st, attendance.Config{Now: o.Now, Location: o.Location, DaysAfter: o.MarkDaysAfter,
		CodeKey: auth.DeriveKey(o.Secret, "checkin", 32)})
	registry := roster.New(st, trainingSvc, o.Now, o.Location)
	// Export jobs: finished files are kept an hour; a job running half an
	// hour is stopped. Starting an export waits two seconds for it, so that
	// small exports download at once and only long ones show progress.
	exports := jobs.New("", time.Hour, 30*time.Minute, o.Now)
	reports := report.New(st, exports, report.Options{Now: o.Now, Location: o.Location, Wait: 2 * time.Second})
	certificates := certificate.New(st, certificate.Options{Now: o.Now, Location: o.Location})

	srv := web.New(web.Deps{
		Health:         st,
		Sessions:       sessions,
		Trainings:      trainingSvc,
		Attendance:     marks,
		Roster:         registry,
		Reports:        reports,
		Certificates:   certificates,
		Users:          auth.NewUsers(st, o.BcryptCost),
		Tokens:         auth.NewTokens(st, o.Now, 0),
		Reference:      reference.New(st),
		Audit:          audit.New(st),
		Assets:         assets.New("/assets/"),
		Log:            o.Log,
		Now:            o.Now,
		Location:       o.Location,
		TLS:            o.TLS,
		TrustedProxies: o.TrustedProxies,
		Version:        o.Version,
	})
	return &Built{Store: st, Server: srv}
}
