package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	reportview "github.com/traindesk/traindesk/views/report"
)

// startExport starts an export in the background. When it finishes within
// a moment the browser is sent straight to the file; otherwise to a page
// that shows its progress. async=1 always goes to that page.
func (s *Server) startExport(c echo.Context) error {
	r := exportRequest(c, c.FormValue, c.FormValue("format"), c.FormValue("table"))
	job, err := s.Reports.StartExport(c.Request().Context(), actorOf(c), r, c.FormValue("async") != "1")
	if errors.Is(err, jobs.ErrBusy) {
		s.addFlash(c, "warn", "report.job.busy")
		return c.Redirect(http.StatusSeeOther, "/reports?"+reportFormOf(c.FormValue).query().Encode())
	} else if err != nil {
		return exportRefused(err)
	}
	target := "/reports/jobs/" + job.ID
	if job.Done {
		target += "/file"
	}
	return c.Redirect(http.StatusSeeOther, target)
}

// stalledAfter is how long a running export may go without news before
// its page says it has stopped answering.
const stalledAfter = 30 * time.Second

// exportJob shows the current user's export :id (another user's is a
// 404) with its progress; htmx polls the status fragment.
func (s *Server) exportJob(c echo.Context) error {
	f, err := s.Reports.ExportStatus(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	if f.State == model.ExportFailed {
		s.Log.Error("report export job", "request_id", c.Get(keyRequestID), "file", f.ID, "job", f.JobID, "error", f.Error)
	}
	p := reportview.JobProps{ID: f.ID, FileName: f.Name, State: string(f.State), Rows: f.Rows, Total: f.Total,
		Stalled: f.State == model.ExportRunning && s.Now().Sub(f.UpdatedAt) > stalledAfter}
	return s.renderParts(c, http.StatusOK, reportview.Job(p), reportview.JobStatus(p))
}

// exportJobFile downloads a finished export, a chunk at a time from the
// database, from whichever instance the request reaches.
func (s *Server) exportJobFile(c echo.Context) error {
	f, r, err := s.Reports.ExportFile(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	defer r.Close()
	attachment(c, f.Name, f.ContentType)
	c.Response().Header().Set(echo.HeaderContentLength, strconv.FormatInt(f.Size, 10))
	return c.Stream(http.StatusOK, f.ContentType, r)
}
