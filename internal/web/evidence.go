package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/evidence"
	"github.com/traindesk/traindesk/internal/model"
	evview "github.com/traindesk/traindesk/views/evidence"
)

// evidenceBodyLimit bounds one upload request: several files of up to
// model.EvidenceFileLimit each. A single file over its limit still arrives
// whole enough to be refused beside the field.
const evidenceBodyLimit = 4*model.EvidenceFileLimit + 1<<20

// evidenceRoutes are a training's evidence files. Who may add, delete and
// read is the evidence service's question (the policy's AddEvidence and
// EditTrainings on the training), so every signed-in user reaches them.
func (s *Server) evidenceRoutes(app area) {
	app.GET("/trainings/:id/evidence", s.evidencePage)
	// The tablet sends photos queued offline here too, saying whose they
	// are, like its marks.
	app.with(s.sameUser).POST("/trainings/:id/evidence", s.evidenceUpload)
	app.GET("/trainings/:id/evidence.zip", s.evidencePack)
	app.GET("/trainings/:id/evidence/:eid", s.evidenceFile)
	app.GET("/trainings/:id/evidence/:eid/thumb", s.evidenceThumb)
	app.POST("/trainings/:id/evidence/:eid/delete", s.evidenceDelete)
	app.POST("/trainings/:id/evidence/:eid/people", s.evidencePeople)
	s.bodyLimits["POST /trainings/:id/evidence"] = evidenceBodyLimit
}

func (s *Server) evidencePage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.renderEvidence(c, http.StatusOK, id, evview.Form{Kind: string(model.EvidenceSignedSheet),
		SittingID: c.QueryParam("session")}, nil)
}

func (s *Server) renderEvidence(c echo.Context, status int, id int64, in evview.Form, errs map[string]string) error {
	return s.renderEvidenceProps(c, status, id, evview.Props{In: in, Errors: errs})
}

// renderEvidenceProps renders the evidence page with the forms' values
// and errors in props.
func (s *Server) renderEvidenceProps(c echo.Context, status int, id int64, props evview.Props) error {
	p, err := s.Evidence.List(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	props.EvidencePage, props.Location = p, s.Location
	return s.render(c, status, evview.Page(props))
}

// evidencePeople saves whom a photo shows: the ticked participants.
func (s *Server) evidencePeople(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	form, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	typed := form["person"]
	ids := make([]int64, 0, len(typed))
	var bad error
	for _, v := range typed {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			bad = &model.ValidationError{Fields: map[string]string{"people": "evidence.error.not_participant"}}
			break
		}
		ids = append(ids, n)
	}
	if bad == nil {
		_, bad = s.Evidence.MarkPeople(c.Request().Context(), actorOf(c), id, eid, ids)
	}
	if fe := model.FieldErrors(bad); fe != nil {
		return s.renderEvidenceProps(c, http.StatusUnprocessableEntity, id, evview.Props{
			In: evview.Form{Kind: string(model.EvidenceSignedSheet)}, Errors: fe,
			Marking: evview.Marking{FileID: eid, Typed: typed}})
	} else if bad != nil {
		return bad
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/trainings/%d/evidence#evidence-%d", id, eid))
}

// evidenceUpload reads the form and its files, and hands them to the
// service, which decides on each.
func (s *Server) evidenceUpload(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	form, err := c.MultipartForm()
	switch {
	case errors.Is(err, http.ErrNotMultipart):
		// A form without files: the service says who may upload, then
		// that a file is needed.
		form = &multipart.Form{}
	case err != nil:
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	default:
		defer form.RemoveAll()
	}
	in := evview.Form{Kind: c.FormValue("kind"), SittingID: c.FormValue("sitting_id"), Caption: c.FormValue("caption")}
	up := evidence.UploadInput{Kind: model.EvidenceKind(in.Kind), Caption: in.Caption}
	if in.SittingID != "" {
		if up.SittingID, err = strconv.ParseInt(in.SittingID, 10, 64); err != nil {
			return s.renderEvidence(c, http.StatusUnprocessableEntity, id, in, map[string]string{"sitting_id": "evidence.error.session"})
		}
	}
	for _, fh := range form.File["files"] {
		f, err := fh.Open()
		if err != nil {
			return err
		}
		// Read one byte past the limit: enough for the service to say the
		// file is too big, never the whole of a huge one.
		data, err := io.ReadAll(io.LimitReader(f, model.EvidenceFileLimit+1))
		f.Close()
		if err != nil {
			return err
		}
		up.Files = append(up.Files, evidence.Incoming{Name: fh.Filename, Size: fh.Size, Data: data})
	}
	saved, err := s.Evidence.Upload(c.Request().Context(), actorOf(c), id, up)
	asked := strings.Contains(c.Request().Header.Get("Accept"), "application/json")
	if fe := model.FieldErrors(err); fe != nil && asked {
		return c.JSON(http.StatusUnprocessableEntity, map[string]any{"errors": translated(c, fe)})
	} else if fe != nil {
		return s.renderEvidence(c, http.StatusUnprocessableEntity, id, in, fe)
	} else if err != nil {
		return err
	}
	if asked {
		// The tablet's queue: it forgets a photo once this answer says
		// it is kept.
		ids := make([]int64, len(saved))
		for i, f := range saved {
			ids[i] = f.ID
		}
		return c.JSON(http.StatusCreated, map[string]any{"files": ids})
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/trainings/%d/evidence", id))
}

// translated turns a form's error keys into the page language's messages.
func translated(c echo.Context, fe map[string]string) map[string]string {
	out := make(map[string]string, len(fe))
	for k, v := range fe {
		out[k] = loc(c).T(v)
	}
	return out
}

func (s *Server) evidenceFile(c echo.Context) error  { return s.sendEvidence(c, false) }
func (s *Server) evidenceThumb(c echo.Context) error { return s.sendEvidence(c, true) }

// sendEvidence sends one file. Only pictures we re-encoded and PDFs are
// shown in the browser, PDFs in a sandbox without scripts; everything
// else is a download, and nothing is sniffed into another type.
func (s *Server) sendEvidence(c echo.Context, thumb bool) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	d, err := s.Evidence.Open(c.Request().Context(), actorOf(c), id, eid, thumb)
	if err != nil {
		return err
	}
	defer d.Body.Close()
	h := c.Response().Header()
	disposition := "attachment"
	if d.File.Inline() {
		disposition = "inline"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": d.File.FileName}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
	h.Set("Cache-Control", "private, no-store")
	return c.Stream(http.StatusOK, d.File.ContentType, d.Body)
}

// evidencePack streams the training's evidence as one zip.
func (s *Server) evidencePack(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.Evidence.Pack(c.Request().Context(), actorOf(c), id, loc(c).Lang)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Type", "application/zip")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": p.Name}))
	h.Set("Cache-Control", "no-store")
	c.Response().WriteHeader(http.StatusOK)
	if err := p.Write(c.Response()); err != nil {
		s.Log.Error("evidence pack", "request_id", c.Get(keyRequestID), "training", id, "error", err)
	}
	return nil
}

func (s *Server) evidenceDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	if err := s.Evidence.Delete(c.Request().Context(), actorOf(c), id, eid); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/trainings/%d/evidence", id))
}
