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
// download certificates; only editors issue missing certificates (by
// downloading them) and revoke or reinstate them. Trainers do not handle
// certificates. The verification page is public.
func (s *Server) certificateRoutes(e *echo.Echo, app area) {
	app.GET("/trainings/:id/attendance.pdf", s.attendanceSheet)
	see := app.with(s.require(auth.ViewAllTraining))
	see.GET("/trainings/:id/certificates", s.certificateList)
	see.GET("/trainings/:id/certificates.zip", s.certificateZip)
	see.GET("/trainings/:id/certificates/:file", s.certificatePDF)
	ed := app.with(s.require(auth.EditTrainings))
	ed.POST("/certificates/:cid/revoke", s.certificateRevoke)
	ed.POST("/certificates/:cid/reinstate", s.certificateReinstate)
	e.GET("/verify", s.verifyForm)
	e.GET("/verify/:code", s.verify)
}

// certCourse loads the training in :id with its people, marks and
// certificates, as the user may see it.
func (s *Server) certCourse(c echo.Context) (certificate.Course, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return certificate.Course{}, err
	}
	return certificate.Load(c.Request().Context(), s.Store, *currentUser(c), id)
}

// certListProps builds the certificates page of a course.
func (s *Server) certListProps(c echo.Context, co certificate.Course) certview.ListProps {
	ed := auth.Can(currentUser(c).Role, auth.EditTrainings)
	return certview.ListProps{Course: co, Refusal: certificate.Refusal(co.Issuable(s.today())),
		CanIssue: ed, CanRevoke: ed, Location: s.Location,
		Errors: map[int64]string{}, Reasons: map[int64]string{}}
}

func (s *Server) certificateList(c echo.Context) error {
	co, err := s.certCourse(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, certview.List(s.certListProps(c, co)))
}

// certRefuse explains a refused certificate with 409, or passes other errors
// on to the error handler.
func (s *Server) certRefuse(c echo.Context, co certificate.Course, err error) error {
	key := certificate.Refusal(err)
	if key == "" {
		return err
	}
	return s.render(c, http.StatusConflict, certview.Refused(certview.RefusedProps{
		TrainingID: co.T.ID, Title: co.T.Title, Key: key}))
}

// certIssue makes sure each of people has a certificate, issuing the missing
// ones in one transaction. A participant who did not complete gets none;
// only editors issue, so a manager asking for a missing one is refused.
func (s *Server) certIssue(c echo.Context, co *certificate.Course, people ...certificate.Person) error {
	var missing []certificate.Person
	for _, p := range people {
		if _, ok := co.Certs[p.ID]; ok {
			continue
		}
		if !p.Result.Completed {
			return certificate.ErrNotCompleted
		}
		missing = append(missing, p)
	}
	if len(missing) == 0 {
		return nil
	}
	if !auth.Can(currentUser(c).Role, auth.EditTrainings) {
		return echo.NewHTTPError(http.StatusForbidden)
	}
	created, err := co.Issue(c.Request().Context(), s.Store, s.today(),
		func() (string, error) { return certificate.NewCode(nil) }, missing...)
	for _, id := range created {
		s.audit(c, actor(c), "certificate_issue", "certificate", id, map[string]any{"training": co.T.ID})
	}
	return err
}

// certRevocable loads the certificate in :cid and its training's course.
func (s *Server) certRevocable(c echo.Context) (certificate.Course, int64, error) {
	cid, err := idParam(c, "cid")
	if err != nil {
		return certificate.Course{}, 0, err
	}
	ctx := c.Request().Context()
	row, err := s.Store.CertificateByID(ctx, cid)
	if err != nil {
		return certificate.Course{}, 0, err
	}
	co, err := certificate.Load(ctx, s.Store, *currentUser(c), row.TrainingID)
	return co, cid, err
}

func (s *Server) certificateRevoke(c echo.Context) error {
	co, cid, err := s.certRevocable(c)
	if err != nil {
		return err
	}
	reason := strings.TrimSpace(c.FormValue("reason"))
	msg := ""
	switch {
	case reason == "":
		msg = "certificate.error.reason"
	case len([]rune(reason)) > 500:
		msg = "certificate.error.reason_long"
	}
	if msg == "" {
		err = s.Store.RevokeCertificate(c.Request().Context(), cid, reason, actor(c))
		if errors.Is(err, model.ErrConflict) {
			msg = "certificate.error.already_revoked"
		} else if err != nil {
			return err
		}
	}
	if msg != "" {
		p := s.certListProps(c, co)
		p.Errors[cid], p.Reasons[cid] = msg, reason
		return s.render(c, http.StatusUnprocessableEntity, certview.List(p))
	}
	s.audit(c, actor(c), "certificate_revoke", "certificate", cid, map[string]any{"training": co.T.ID, "reason": reason})
	s.addFlash(c, "ok", "certificate.revoked_flash")
	return c.Redirect(http.StatusSeeOther, certificatesURL(co.T.ID))
}

func (s *Server) certificateReinstate(c echo.Context) error {
	co, cid, err := s.certRevocable(c)
	if err != nil {
		return err
	}
	err = s.Store.ReinstateCertificate(c.Request().Context(), cid)
	if errors.Is(err, model.ErrConflict) {
		s.addFlash(c, "bad", "certificate.error.not_revoked")
		return c.Redirect(http.StatusSeeOther, certificatesURL(co.T.ID))
	} else if err != nil {
		return err
	}
	s.audit(c, actor(c), "certificate_reinstate", "certificate", cid, map[string]any{"training": co.T.ID})
	s.addFlash(c, "ok", "certificate.reinstated_flash")
	return c.Redirect(http.StatusSeeOther, certificatesURL(co.T.ID))
}

func certificatesURL(trainingID int64) string {
	return "/trainings/" + strconv.FormatInt(trainingID, 10) + "/certificates"
}
