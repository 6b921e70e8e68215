package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/views/messages"
)

// feedRoutes registers the private calendar feed: its page for the
// signed-in user, and the address a phone's calendar subscribes to, which
// its secret token alone opens.
func (s *Server) feedRoutes(e *echo.Echo, app area) {
	app.GET("/calendar", s.feedPage)
	app.POST("/calendar", s.feedCreate)
	app.POST("/calendar/revoke", s.feedRevoke)
	e.GET("/calendar/:token", s.feedICS)
}

func (s *Server) feedPage(c echo.Context) error {
	p, err := s.Notify.FeedPage(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, messages.Feed(p, s.Location))
}

// feedCreate answers with the page itself rather than a redirect: the
// address is shown this once.
func (s *Server) feedCreate(c echo.Context) error {
	p, err := s.Notify.NewFeed(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, messages.Feed(p, s.Location))
}

func (s *Server) feedRevoke(c echo.Context) error {
	if err := s.Notify.RevokeFeed(c.Request().Context(), actorOf(c)); err != nil {
		return err
	}
	s.addFlash(c, "ok", "feed.revoked")
	return c.Redirect(http.StatusSeeOther, "/calendar")
}

func (s *Server) feedICS(c echo.Context) error {
	b, err := s.Notify.FeedICS(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "text/calendar; charset=utf-8", b)
}
