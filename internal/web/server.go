// Package web is traindesk's HTTP face and the only package that imports
// echo: the route table, the middleware, thin handlers and the render and
// error helpers.
package web

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/assets"
	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/audit"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/certificate"
	"github.com/traindesk/traindesk/internal/evidence"
	"github.com/traindesk/traindesk/internal/notify"
	"github.com/traindesk/traindesk/internal/proxy"
	"github.com/traindesk/traindesk/internal/questionnaire"
	"github.com/traindesk/traindesk/internal/reference"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/trainings"
)

// Pinger answers whether the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps is everything the web layer needs, built by internal/app.
type Deps struct {
	Health         Pinger             // the database, for /healthz
	Sessions       *auth.Sessions     // sign-in, sign-out and the signed-in user
	Users          *auth.Users        // accounts
	Tokens         *auth.Tokens       // personal API tokens
	Reference      *reference.Service // donors, projects, agencies, stations, thematic areas
	Audit          *audit.Service     // the audit log's page
	Trainings      *trainings.Service
	Attendance     *attendance.Service
	Roster         *roster.Service        // the participant registry
	Reports        *report.Service        // donor report: figures, exports, export jobs
	Certificates   *certificate.Service   // certificates and attendance sheets
	Notify         *notify.Service        // e-mail: the outbox, invitations, reminders
	Questionnaires *questionnaire.Service // tests and evaluations answered on phones
	Evidence       *evidence.Service      // evidence files of trainings and sessions
	Assets         *assets.Assets
	Log            *slog.Logger
	Now            func() time.Time
	Location       *time.Location // the venues' time zone, for "today"
	TLS            bool           // traindesk itself serves HTTPS
	TrustedProxies []netip.Prefix
	Version        string
}

// Server holds the dependencies of every handler.
type Server struct {
	Deps
	echo *echo.Echo
	// bodyLimits lists the routes ("POST /path/:id") that take bodies
	// larger than DefaultBodyLimit, such as uploads.
	bodyLimits map[string]int64
	// pageCache keeps rendered pages while their data stands.
	pageCache *pageCache
}

// New builds the router with every route and middleware.
func New(d Deps) *Server {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Location == nil {
		d.Location = time.UTC
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	s := &Server{Deps: d, bodyLimits: map[string]int64{}, pageCache: newPageCache()}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = s.ipExtractor()
	s.echo = e
	s.routes(e)
	return s
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// Echo exposes the router, for the server's start-up and tests.
func (s *Server) Echo() *echo.Echo { return s.echo }

// ipExtractor takes the client address from the connection, or from
// X-Forwarded-For only when the connection comes from a trusted proxy.
func (s *Server) ipExtractor() echo.IPExtractor {
	if len(s.TrustedProxies) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range s.TrustedProxies {
		_, n, err := net.ParseCIDR(p.String())
		if err == nil {
			opts = append(opts, echo.TrustIPRange(n))
		}
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// isHTTPS reports whether the browser reached us over HTTPS.
func (s *Server) isHTTPS(r *http.Request) bool {
	return proxy.Trust{Prefixes: s.TrustedProxies}.IsHTTPS(r)
}
