package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/messages"
)

// messageRoutes registers e-mail: a training's invitations and reminders
// (for those who edit it), the outbox (administrators), and one message
// with its .eml download (both).
func (s *Server) messageRoutes(e *echo.Echo, app area) {
	s.feedRoutes(e, app)
	s.letterheadRoutes(app)
	ed := app.with(s.require(auth.EditTrainings))
	ed.GET("/trainings/:id/messages", s.messagesPage)
	ed.GET("/trainings/:id/messages/summary", s.messagesSummary)
	ed.POST("/trainings/:id/invitations", s.invitationsSend)
	ed.POST("/trainings/:id/reminders", s.remindersSave)
	admin := app.with(s.require(auth.ManageMessaging))
	admin.GET("/admin/outbox", s.outbox)
	admin.POST("/messages/:id/retry", s.messageRetry)
	admin.POST("/messages/:id/cancel", s.messageCancel)
	app.GET("/messages/:id", s.messageShow)
	app.GET("/messages/:id/eml", s.messageEML)
	s.letterRoutes(app, ed)
	s.newsRoutes(app, ed)
}

func (s *Server) messagesPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	plan, err := s.Notify.Invitations(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, messages.Page(messages.PageProps{Plan: plan, Location: s.Location, Reminders: plan.Reminders}))
}

func (s *Server) messagesSummary(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	counts, err := s.Notify.Summary(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, messages.Summary(id, counts))
}

func (s *Server) invitationsSend(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	res, err := s.Notify.SendInvitations(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	// One message per kind, each with its own plural form.
	sent := false
	for _, k := range []struct {
		act model.InviteAction
		key string
	}{{model.ActInvite, "msg.sent.invite"}, {model.ActUpdate, "msg.sent.update"}, {model.ActCancel, "msg.sent.cancel"}} {
		if n := res.Queued[k.act]; n > 0 {
			s.addFlash(c, "ok", k.key, n)
			sent = true
		}
	}
	if len(res.Skipped) > 0 {
		s.addFlash(c, "warn", "msg.sent.skipped", len(res.Skipped))
	} else if !sent {
		s.addFlash(c, "info", "msg.nothing_due")
	}
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(id, 10)+"/messages")
}

func (s *Server) remindersSave(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in := model.ReminderSettings{TrainersOn: c.FormValue("trainers_on") == "1", TrainersAt: c.FormValue("trainers_at"),
		ParticipantsOn: c.FormValue("participants_on") == "1", ParticipantsAt: c.FormValue("participants_at")}
	ctx, actor := c.Request().Context(), actorOf(c)
	saved, err := s.Notify.SaveReminders(ctx, actor, id, in)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		plan, perr := s.Notify.Invitations(ctx, actor, id)
		if perr != nil {
			return perr
		}
		return s.render(c, http.StatusUnprocessableEntity, messages.Page(messages.PageProps{Plan: plan, Location: s.Location,
			Reminders: saved, Errors: ve.Fields}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "msg.saved")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(id, 10)+"/messages#reminders")
}

func (s *Server) outbox(c echo.Context) error {
	f := model.OutboxFilter{Status: model.MessageStatus(c.QueryParam("status")), Kind: model.MessageKind(c.QueryParam("kind")), Limit: 100}
	if p := optInt64(c.QueryParam("training")); p != nil {
		f.TrainingID = *p
	}
	page, err := s.Notify.Outbox(c.Request().Context(), actorOf(c), f)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, messages.Outbox(messages.OutboxProps{Page: page, Location: s.Location}))
}

func (s *Server) messageShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	v, err := s.Notify.Message(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, messages.Message(messages.MessageProps{View: v, Location: s.Location}))
}

// messageEML downloads a message as the .eml file that was (or would be)
// sent, which any mail program opens and prints.
func (s *Server) messageEML(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	m, err := s.Notify.EML(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	attachment(c, "message-"+strconv.FormatInt(id, 10)+".eml", "message/rfc822")
	return c.Blob(http.StatusOK, "message/rfc822", m.Raw)
}

func (s *Server) messageRetry(c echo.Context) error {
	return s.messageAct(c, "outbox.retried", func(id int64) error {
		return s.Notify.Retry(c.Request().Context(), actorOf(c), id)
	})
}

func (s *Server) messageCancel(c echo.Context) error {
	return s.messageAct(c, "outbox.cancelled", func(id int64) error {
		return s.Notify.Cancel(c.Request().Context(), actorOf(c), id)
	})
}

// messageAct runs an administrator's action on a message and returns to it.
func (s *Server) messageAct(c echo.Context, done string, act func(id int64) error) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := act(id); err != nil {
		return err
	}
	s.addFlash(c, "ok", done)
	return c.Redirect(http.StatusSeeOther, "/messages/"+strconv.FormatInt(id, 10))
}
