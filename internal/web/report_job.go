package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/jobs"
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

// exportJob shows the current user's export :id (another user's is a
// 404) with its progress; htmx polls the status fragment.
func (s *Server) exportJob(c echo.Context) error {
	st, err := s.Reports.ExportStatus(actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	if st.Err != nil {
		s.Log.Error("report export job", "request_id", c.Get(keyRequestID), "job", st.ID, "error", st.Err)
	}
	p := reportview.JobProps{ID: st.ID, FileName: st.FileName, State: string(st.State), Rows: st.Rows, Total: st.Total}
	return s.renderParts(c, http.StatusOK, reportview.Job(p), reportview.JobStatus(p))
}

// exportJobFile downloads a finished export.
func (s *Server) exportJobFile(c echo.Context) error {
	f, st, err := s.Reports.ExportFile(actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	defer f.Close()
	attachment(c, st.FileName, st.ContentType)
	return c.Stream(http.StatusOK, st.ContentType, f)
}
