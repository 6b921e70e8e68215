package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/jobs"
	reportview "github.com/traindesk/traindesk/views/report"
)

// startExport starts an export in the background. When it finishes within
// exportWait the browser is sent straight to the file; otherwise to a page
// that shows its progress. async=1 always goes to that page.
func (h *reports) startExport(c echo.Context) error {
	in := formOf(c.FormValue)
	r, err := h.prepare(c, in, c.FormValue("format"), c.FormValue("table"), c.FormValue("contact") == "1")
	if err != nil {
		return err
	}
	owner := currentUser(c).ID
	id, err := h.jobs.Start(owner, r.fileName(), r.contentType(), r.expectedRows(),
		func(ctx context.Context, w io.Writer, progress func()) error { return h.write(ctx, r, w, progress) })
	if errors.Is(err, jobs.ErrBusy) {
		h.s.addFlash(c, "warn", "report.job.busy")
		return c.Redirect(http.StatusSeeOther, "/reports?"+reportQuery(in).Encode())
	} else if err != nil {
		return err
	}
	h.auditExport(c, r, "job")
	target := "/reports/jobs/" + id
	if c.FormValue("async") != "1" {
		if st, err := h.jobs.Wait(c.Request().Context(), owner, id, exportWait); err == nil && st.State == jobs.Done {
			target += "/file"
		}
	}
	return c.Redirect(http.StatusSeeOther, target)
}

// reportQuery is the report page's query for a form.
func reportQuery(in reportview.Form) url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"project": in.Project, "from": in.From, "to": in.To, "agency": in.Agency,
		"governorate": in.Governorate, "thematic": in.Thematic} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// jobProps shows the current user's job :id; another user's is a 404.
func (h *reports) jobProps(c echo.Context) (reportview.JobProps, error) {
	st, err := h.jobs.Status(currentUser(c).ID, c.Param("id"))
	if errors.Is(err, jobs.ErrNotFound) {
		return reportview.JobProps{}, echo.NewHTTPError(http.StatusNotFound)
	} else if err != nil {
		return reportview.JobProps{}, err
	}
	if st.Err != nil {
		h.s.Log.Error("report export job", "request_id", c.Get(keyRequestID), "job", st.ID, "error", st.Err)
	}
	return reportview.JobProps{ID: st.ID, FileName: st.FileName, State: string(st.State), Rows: st.Rows, Total: st.Total}, nil
}

// job shows an export's progress; htmx polls the status fragment.
func (h *reports) job(c echo.Context) error {
	p, err := h.jobProps(c)
	if err != nil {
		return err
	}
	return h.s.renderParts(c, http.StatusOK, reportview.Job(p), reportview.JobStatus(p))
}

// jobFile downloads a finished export.
func (h *reports) jobFile(c echo.Context) error {
	f, st, err := h.jobs.Open(currentUser(c).ID, c.Param("id"))
	if errors.Is(err, jobs.ErrNotFound) {
		return echo.NewHTTPError(http.StatusNotFound)
	} else if err != nil {
		return err
	}
	defer f.Close()
	attachment(c, st.FileName, st.ContentType)
	return c.Stream(http.StatusOK, st.ContentType, f)
}
