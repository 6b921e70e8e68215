package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/person"
)

// retentionRoutes registers how long personal data is kept: the periods'
// form and the dry run beside it, for administrators.
func (s *Server) retentionRoutes(app area) {
	pd := app.with(s.require(auth.PersonalData))
	pd.GET("/admin/retention", s.retentionPage)
	pd.POST("/admin/retention", s.retentionSave)
}

func (s *Server) retentionPage(c echo.Context) error {
	p, err := s.Roster.Retention(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, person.Retention(person.RetentionProps{P: p,
		Years: strconv.Itoa(p.Settings.ContactYears), Days: strconv.Itoa(p.Settings.OutboxDays),
		Photos: strconv.Itoa(p.Settings.PhotoYears)}))
}

func (s *Server) retentionSave(c echo.Context) error {
	ctx := c.Request().Context()
	years, days := strings.TrimSpace(c.FormValue("contact_years")), strings.TrimSpace(c.FormValue("outbox_days"))
	photos := strings.TrimSpace(c.FormValue("photo_years"))
	in := model.RetentionSettings{ContactYears: atoiOr(years, -1), OutboxDays: atoiOr(days, -1), PhotoYears: atoiOr(photos, -1)}
	_, err := s.Roster.SaveRetention(ctx, actorOf(c), in)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		p, perr := s.Roster.Retention(ctx, actorOf(c))
		if perr != nil {
			return perr
		}
		return s.render(c, http.StatusUnprocessableEntity, person.Retention(person.RetentionProps{P: p, Years: years, Days: days,
			Photos: photos, Errors: ve.Fields}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "retention.saved")
	return c.Redirect(http.StatusSeeOther, "/admin/retention")
}

// atoiOr is s as a whole number, or bad when it is not one, so that the
// service's range check reports it beside the field.
func atoiOr(s string, bad int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return bad
	}
	return n
}
