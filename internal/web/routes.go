package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
)

// routes is the one route table. Areas with many routes add theirs through
// a function called from here, so the whole table stays readable from this
// file.
func (s *Server) routes(e *echo.Echo) {
	e.Use(s.requestID, s.logRequests, s.recoverPanic, s.securityHeaders, s.limitBody,
		s.locale, s.loadUser, s.bearer, s.csrf)

	// Public.
	e.GET("/healthz", s.health)
	e.GET("/assets/*", echo.WrapHandler(http.StripPrefix("/assets", s.Assets)))
	e.GET("/favicon.ico", s.favicon)
	e.GET("/sw.js", s.serviceWorker)
	e.GET("/login", s.loginForm)
	e.POST("/login", s.login)
	e.POST("/logout", s.logout)

	// Signed in.
	app := area{e: e, mw: []echo.MiddlewareFunc{s.requireUser}}
	app.GET("/", s.dashboard)

	users := app.with(s.require(auth.ManageUsers))
	users.GET("/admin/users", s.userList)
	users.GET("/admin/users/new", s.userNew)
	users.POST("/admin/users", s.userCreate)
	users.GET("/admin/users/:id/edit", s.userEdit)
	users.POST("/admin/users/:id", s.userUpdate)
	users.POST("/admin/users/:id/password", s.userResetPassword)
	users.POST("/admin/users/:id/active", s.userSetActive)
	app.with(s.require(auth.ViewAudit)).GET("/admin/audit", s.auditLog)

	s.trainingRoutes(app)
	s.rollRoutes(app)
	s.personRoutes(app)
	s.referenceRoutes(app)
	s.reportRoutes(e, app)
	s.certificateRoutes(e, app)
	s.accountRoutes(app)
	s.apiRoutes(e, app)
	s.evidenceRoutes(app)
	s.messageRoutes(e, app)
	s.questionnaireRoutes(e, app)
	s.privacyRoutes(e, app)
	s.retentionRoutes(app)
}

// area registers routes that share middleware. Unlike echo.Group.Use, it
// adds no catch-all route, so an unknown address stays a plain 404 for
// everybody instead of a redirect to the sign-in page.
type area struct {
	e  *echo.Echo
	mw []echo.MiddlewareFunc
}

// with returns an area with more middleware, run after the area's own.
func (a area) with(mw ...echo.MiddlewareFunc) area {
	return area{e: a.e, mw: append(append([]echo.MiddlewareFunc{}, a.mw...), mw...)}
}

// GET registers a GET route.
func (a area) GET(path string, h echo.HandlerFunc) { a.e.GET(path, h, a.mw...) }

// POST registers a POST route.
func (a area) POST(path string, h echo.HandlerFunc) { a.e.POST(path, h, a.mw...) }
