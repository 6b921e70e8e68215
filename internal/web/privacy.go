package web

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/views/person"
)

// privacyRoutes registers the privacy notice: public to read (invitations
// link to it), edited by those who handle personal-data requests, and
// printed for a training's first session by anyone who sees the training.
func (s *Server) privacyRoutes(e *echo.Echo, app area) {
	e.GET("/privacy", s.privacyNotice)
	pd := app.with(s.require(auth.PersonalData))
	pd.GET("/admin/privacy", s.privacyNoticeForm)
	pd.POST("/admin/privacy", s.privacyNoticeSave)
	app.GET("/trainings/:id/privacy-notice.pdf", s.privacyNoticePDF)
}

func (s *Server) privacyNotice(c echo.Context) error {
	n, err := s.Roster.PrivacyNotice(c.Request().Context())
	if err != nil {
		return err
	}
	l := loc(c)
	return s.render(c, http.StatusOK, person.Notice(person.NoticeProps{Paragraphs: model.Paragraphs(roster.NoticeText(n, l)),
		UpdatedAt: n.UpdatedAt}))
}

func (s *Server) privacyNoticeForm(c echo.Context) error {
	n, err := s.Roster.EditPrivacyNotice(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, noticeForm(n, nil))
}

// noticeForm is the notice's form with the default text, as it would be
// printed now, for placeholders.
func noticeForm(n model.PrivacyNotice, errs map[string]string) templ.Component {
	return person.NoticeForm(person.NoticeFormProps{N: n, Errors: errs,
		DefaultEn: roster.DefaultNotice(n.Retention, i18n.New(i18n.EN)), DefaultAr: roster.DefaultNotice(n.Retention, i18n.New(i18n.AR))})
}

func (s *Server) privacyNoticeSave(c echo.Context) error {
	n, err := s.Roster.SavePrivacyNotice(c.Request().Context(), actorOf(c), c.FormValue("text_en"), c.FormValue("text_ar"))
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return s.render(c, http.StatusUnprocessableEntity, noticeForm(n, ve.Fields))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "privacy.notice_saved")
	return c.Redirect(http.StatusSeeOther, "/admin/privacy")
}

// privacyNoticePDF prints the notice in the page's language for a
// training's first session.
func (s *Server) privacyNoticePDF(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	lang := loc(c).Lang
	if err := s.Roster.NoticePDF(c.Request().Context(), actorOf(c), id, lang, s.Notify.PrivacyURL(lang), &b); err != nil {
		return err
	}
	name := fmt.Sprintf("privacy-notice-training-%d-%s.pdf", id, lang)
	c.Response().Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	return c.Blob(http.StatusOK, "application/pdf", b.Bytes())
}
