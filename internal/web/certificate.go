package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/certificate"
	"github.com/traindesk/traindesk/internal/model"
	certview "github.com/traindesk/traindesk/views/certificate"
)

// certificateRoutes registers certificates, their public verification
// page, and a training's attendance sheet PDF.
//
// Everyone who sees a training downloads its attendance sheet (trainers
// only for the trainings they facilitate). Those who see every training
// (admins, programme officers, managers) open the certificates page and
// download issued certificates; only editors issue certificates (a POST
// with its CSRF token: a download never issues) and revoke or reinstate
// them. Trainers do not handle certificates. The verification page is
// public. The certificate service decides all of it again; the guards here
// only answer early.
func (s *Server) certificateRoutes(e *echo.Echo, app area) {
	app.GET("/trainings/:id/attendance.pdf", s.attendanceSheet)
	see := app.with(s.require(auth.ViewAllTraining))
	see.GET("/trainings/:id/certificates", s.certificateList)
	see.GET("/trainings/:id/certificates.zip", s.certificateZip)
	see.GET("/trainings/:id/certificates/:file", s.certificatePDF)
	ed := app.with(s.require(auth.EditTrainings))
	ed.POST("/trainings/:id/certificates/issue", s.certificateIssue)
	ed.POST("/certificates/:cid/revoke", s.certificateRevoke)
	ed.POST("/certificates/:cid/reinstate", s.certificateReinstate)
	e.GET("/verify", s.verifyForm)
	e.GET("/verify/:code", s.verify)
}

// certListProps shows a listing on the certificates page.
func (s *Server) certListProps(li certificate.Listing) certview.ListProps {
	p := certview.ListProps{Training: li.Course.T.Training, Refusal: certificate.Refusal(li.NotIssuable),
		NoAddress: li.NoAddress, CanIssue: li.MayIssue, CanRevoke: li.MayRevoke, Location: s.Location,
		Errors: map[int64]string{}, Reasons: map[int64]string{}}
	for _, person := range li.Course.People {
		h := certview.Holder{RosterRow: person.RosterRow, Result: person.Result}
		if cert, ok := li.Course.Certs[person.ID]; ok {
			h.Cert = &cert
		}
		p.People = append(p.People, h)
	}
	return p
}

func (s *Server) certificateList(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	li, err := s.Certificates.List(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, certview.List(s.certListProps(li)))
}

// certRefuse explains a refused certificate with 409, or passes other errors
// on to the error handler.
func (s *Server) certRefuse(c echo.Context, err error) error {
	var r *certificate.Refused
	if !errors.As(err, &r) {
		return err
	}
	return s.render(c, http.StatusConflict, certview.Refused(certview.RefusedProps{
		TrainingID: r.TrainingID, TitleEn: r.TitleEn, TitleAr: r.TitleAr, Key: certificate.Refusal(r.Reason)}))
}

// certificateIssue issues the missing certificates of the training: of the
// participant whose registration the form names, or of everyone who
// completed. A refusal is explained with 409; otherwise it says how many
// were issued and goes back to the certificates page.
func (s *Server) certificateIssue(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var reg int64
	if v := c.FormValue("registration"); v != "" {
		if reg, err = strconv.ParseInt(v, 10, 64); err != nil || reg <= 0 {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
	}
	n, err := s.Certificates.Issue(c.Request().Context(), actorOf(c), id, reg)
	if err != nil {
		return s.certRefuse(c, err)
	}
	if n == 0 {
		s.addFlash(c, "ok", "certificate.issued_none")
	} else {
		s.addFlash(c, "ok", "certificate.issued_flash", loc(c).Num(n))
	}
	return c.Redirect(http.StatusSeeOther, certificatesURL(id))
}

func (s *Server) certificateRevoke(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	ctx, a := c.Request().Context(), actorOf(c)
	reason := c.FormValue("reason")
	tid, err := s.Certificates.Revoke(ctx, a, cid, reason)
	msg := model.FieldErrors(err)["reason"]
	if msg == "" {
		msg = certificate.Refusal(err)
	}
	if msg == "" && err != nil {
		return err
	}
	if msg != "" {
		li, err := s.Certificates.List(ctx, a, tid)
		if err != nil {
			return err
		}
		p := s.certListProps(li)
		p.Errors[cid], p.Reasons[cid] = msg, strings.TrimSpace(reason)
		return s.render(c, http.StatusUnprocessableEntity, certview.List(p))
	}
	s.addFlash(c, "ok", "certificate.revoked_flash")
	return c.Redirect(http.StatusSeeOther, certificatesURL(tid))
}

func (s *Server) certificateReinstate(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	tid, err := s.Certificates.Reinstate(c.Request().Context(), actorOf(c), cid)
	if errors.Is(err, certificate.ErrNotRevoked) {
		s.addFlash(c, "bad", certificate.Refusal(err))
		return c.Redirect(http.StatusSeeOther, certificatesURL(tid))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "certificate.reinstated_flash")
	return c.Redirect(http.StatusSeeOther, certificatesURL(tid))
}

func certificatesURL(trainingID int64) string {
	return "/trainings/" + strconv.FormatInt(trainingID, 10) + "/certificates"
}
