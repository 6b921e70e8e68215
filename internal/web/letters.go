package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/messages"
)

// letterRoutes registers nomination request letters: made and recorded
// sent by those who edit the training, read by them as a PDF.
func (s *Server) letterRoutes(app, ed area) {
	ed.POST("/trainings/:id/letters", s.letterCreate)
	ed.POST("/letters/:id/sent", s.letterSent)
	ed.POST("/letters/:id/email", s.letterEmail)
	app.GET("/letters/:id/pdf", s.letterPDF)
}

func (s *Server) letterCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	form := messages.LetterForm{AgencyID: c.FormValue("agency_id"), Lang: c.FormValue("lang"), ReplyBy: c.FormValue("reply_by")}
	ctx, actor := c.Request().Context(), actorOf(c)
	l, err := s.Notify.CreateLetter(ctx, actor, id, model.LetterInput{AgencyID: optInt64(form.AgencyID), Lang: form.Lang, ReplyBy: form.ReplyBy})
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		plan, perr := s.Notify.Invitations(ctx, actor, id)
		if perr != nil {
			return perr
		}
		return s.render(c, http.StatusUnprocessableEntity, messages.Page(messages.PageProps{Plan: plan, Location: s.Location,
			Reminders: plan.Reminders, Letter: form, LetterErrors: ve.Fields}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "letter.created", l.Reference)
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(id, 10)+"/messages#letters")
}

func (s *Server) letterSent(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	l, err := s.Notify.MarkLetterSent(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	s.addFlash(c, "ok", "letter.marked")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(l.TrainingID, 10)+"/messages#letters")
}

func (s *Server) letterPDF(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	l, doc, err := s.Notify.LetterPDF(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendEvidencePDF(c, l.Reference+".pdf", doc)
}

// letterEmail sends a letter to its agency's focal point through the
// outbox; an agency without an address is refused beside the button.
func (s *Server) letterEmail(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), actorOf(c)
	l, err := s.Notify.SendLetter(ctx, actor, id)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		plan, perr := s.Notify.Invitations(ctx, actor, l.TrainingID)
		if perr != nil {
			return perr
		}
		return s.render(c, http.StatusUnprocessableEntity, messages.Page(messages.PageProps{Plan: plan, Location: s.Location,
			Reminders: plan.Reminders, LetterErrors: ve.Fields, MailLetter: id}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "letter.mailed")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(l.TrainingID, 10)+"/messages#letters")
}
