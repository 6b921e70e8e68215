package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// sendEvidencePDF answers with a PDF to show in the browser; it names people, so
// no cache may keep it.
func sendEvidencePDF(c echo.Context, name string, pdf []byte) error {
	h := c.Response().Header()
	h.Set("Content-Disposition", `inline; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "application/pdf", pdf)
}

// attendanceSheet sends the training's attendance sheet in the page's
// language.
func (s *Server) attendanceSheet(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	doc, err := s.Certificates.AttendanceSheet(c.Request().Context(), actorOf(c), id, loc(c).Lang)
	if err != nil {
		return err
	}
	return sendEvidencePDF(c, doc.Name, doc.PDF)
}

// certificatePDF sends one participant's issued certificate; it never
// issues one (see certificateIssue). The address ends in the registration's
// id and ".pdf".
func (s *Server) certificatePDF(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	file, ok := strings.CutSuffix(c.Param("file"), ".pdf")
	rid, err := strconv.ParseInt(file, 10, 64)
	if err != nil || !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	doc, err := s.Certificates.Certificate(c.Request().Context(), actorOf(c), id, rid)
	if err != nil {
		return s.certRefuse(c, err)
	}
	return sendEvidencePDF(c, doc.Name, doc.PDF)
}

// certificateZip streams every valid, issued certificate of the training
// as one zip; like every GET it issues nothing.
func (s *Server) certificateZip(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	b, err := s.Certificates.Bundle(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return s.certRefuse(c, err)
	}
	h := c.Response().Header()
	h.Set("Content-Type", "application/zip")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, b.Name))
	h.Set("Cache-Control", "no-store")
	c.Response().WriteHeader(http.StatusOK)
	if err := b.Write(c.Response()); err != nil {
		// The status is sent; all that is left is to cut the download
		// short and say why in the log.
		s.Log.Error("certificates zip", "request_id", c.Get(keyRequestID), "training", b.TrainingID, "error", err)
	}
	return nil
}
