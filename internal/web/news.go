package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/messages"
)

// newsRoutes registers a training's news item: read and downloaded by
// whoever sees the training, saved by those who edit it.
func (s *Server) newsRoutes(app, ed area) {
	app.GET("/trainings/:id/news", s.newsPage)
	app.GET("/trainings/:id/news/file", s.newsFile)
	ed.POST("/trainings/:id/news", s.newsSave)
}

func (s *Server) newsPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.Notify.News(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, messages.News(p, s.Location, nil))
}

func (s *Server) newsSave(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in := model.NewsInput{Lang: c.FormValue("lang"), Body: c.FormValue("body")}
	p, err := s.Notify.SaveNews(c.Request().Context(), actorOf(c), id, in)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		for i := range p.Items {
			if p.Items[i].Lang == in.Lang {
				p.Items[i].Body = in.Body // what was typed stays
			}
		}
		return s.render(c, http.StatusUnprocessableEntity, messages.News(p, s.Location, ve.Fields))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "news.saved")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(id, 10)+"/news#news-"+in.Lang)
}

func (s *Server) newsFile(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := s.Notify.NewsFile(c.Request().Context(), actorOf(c), id, c.QueryParam("lang"), c.QueryParam("format"))
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Disposition", `attachment; filename="`+f.Name+`"`)
	h.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, f.ContentType, f.Data)
}
