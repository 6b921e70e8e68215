package web

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/certificate"
)

// certVerifyBase is the absolute address of the verification pages, from the
// request: the QR code on a certificate must lead back to this server.
func (s *Server) certVerifyBase(c echo.Context) string {
	scheme := "http"
	if c.IsTLS() || s.isHTTPS(c.Request()) {
		scheme = "https"
	}
	return scheme + "://" + c.Request().Host + "/verify/"
}

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
	co, err := s.certCourse(c)
	if err != nil {
		return err
	}
	l := loc(c)
	var buf bytes.Buffer
	if err := co.Sheet(l, s.today()).Write(&buf); err != nil {
		return err
	}
	s.audit(c, actor(c), "attendance_sheet", "training", co.T.ID, map[string]any{"lang": l.Lang, "people": len(co.People)})
	return sendEvidencePDF(c, fmt.Sprintf("attendance-%d-%s.pdf", co.T.ID, l.Lang), buf.Bytes())
}

// certificatePDF sends one participant's certificate, issuing it first if
// needed. The address ends in the registration's id and ".pdf".
func (s *Server) certificatePDF(c echo.Context) error {
	co, err := s.certCourse(c)
	if err != nil {
		return err
	}
	rid, err := strconv.ParseInt(strings.TrimSuffix(c.Param("file"), ".pdf"), 10, 64)
	person, ok := co.Person(rid)
	if err != nil || !ok || !strings.HasSuffix(c.Param("file"), ".pdf") {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	if err := s.certIssue(c, &co, person); err != nil {
		return s.certRefuse(c, co, err)
	}
	cert := co.Certs[rid]
	var buf bytes.Buffer
	if err := certificate.Write(&buf, co.Data(person, cert, s.certVerifyBase(c), s.Location)); err != nil {
		return err
	}
	s.audit(c, actor(c), "certificate_download", "certificate", cert.ID, map[string]any{"training": co.T.ID, "registration": rid})
	return sendEvidencePDF(c, "certificate-"+cert.Code+".pdf", buf.Bytes())
}

// certificateZip streams every valid certificate of the training as one
// zip. Editors first issue the missing certificates of all completers, in
// one transaction; managers get those already issued. Revoked
// certificates are left out: they are downloaded one at a time, marked.
func (s *Server) certificateZip(c echo.Context) error {
	co, err := s.certCourse(c)
	if err != nil {
		return err
	}
	issueErr := co.Issuable(s.today())
	if auth.Can(currentUser(c).Role, auth.EditTrainings) && issueErr == nil {
		if err := s.certIssue(c, &co, co.Completers()...); err != nil {
			return s.certRefuse(c, co, err)
		}
	}
	var people []certificate.Person
	for _, p := range co.People {
		if cert, ok := co.Certs[p.ID]; ok && cert.RevokedAt == nil {
			people = append(people, p)
		}
	}
	if len(people) == 0 {
		if issueErr == nil {
			issueErr = certificate.ErrNoneToDownload
		}
		return s.certRefuse(c, co, issueErr)
	}
	s.audit(c, actor(c), "certificate_zip", "training", co.T.ID, map[string]any{"certificates": len(people)})
	h := c.Response().Header()
	h.Set("Content-Type", "application/zip")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="certificates-%d.zip"`, co.T.ID))
	h.Set("Cache-Control", "no-store")
	c.Response().WriteHeader(http.StatusOK)
	if err := s.writeCertZip(c, co, people); err != nil {
		// The status is sent; all that is left is to cut the download
		// short and say why in the log.
		s.Log.Error("certificates zip", "request_id", c.Get(keyRequestID), "training", co.T.ID, "error", err)
	}
	return nil
}

// writeCertZip writes one PDF per person into the response.
func (s *Server) writeCertZip(c echo.Context, co certificate.Course, people []certificate.Person) error {
	zw := zip.NewWriter(c.Response())
	base := s.certVerifyBase(c)
	for i, p := range people {
		cert := co.Certs[p.ID]
		// The PDFs are compressed already; storing them saves the CPU.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: certZipName(i+1, p.NameLatin, cert.Code),
			Method: zip.Store, Modified: cert.IssuedAt})
		if err != nil {
			return err
		}
		if err := certificate.Write(w, co.Data(p, cert, base, s.Location)); err != nil {
			return err
		}
	}
	return zw.Close()
}

// certZipName is "03-Mona-Abdelhalim-Salem-7KQ2MXA93B0F.pdf": ASCII only, so
// every unzip tool shows it right.
func certZipName(n int, name, code string) string {
	var b strings.Builder
	gap := false
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			gap = false
		} else {
			gap = true
		}
	}
	slug := b.String()
	if slug == "" {
		slug = "certificate"
	}
	return fmt.Sprintf("%02d-%s-%s.pdf", n, slug, code)
}
