package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	reportview "github.com/traindesk/traindesk/views/report"
)

// reports serves the donor report. It holds the export jobs of this
// instance: they live in memory (see package exportjob), so with several
// instances a user's status and download requests must reach the instance
// that started the export.
type reports struct {
	s    *Server
	jobs *jobs.Runner
}

// Export jobs: finished files are kept an hour; a job running half an hour
// is stopped. Starting an export waits exportWait for it, so that small
// exports download at once and only long ones show their progress.
const (
	exportKeep    = time.Hour
	exportTimeout = 30 * time.Minute
	exportWait    = 2 * time.Second
)

// reportRoutes registers the donor report (screen, exports, JSON API).
// Managers, program officers and admins may see it; trainers may not.
func (s *Server) reportRoutes(e *echo.Echo, app area) {
	h := &reports{s: s, jobs: jobs.New("", exportKeep, exportTimeout, s.Now)}
	r := app.with(s.require(auth.ViewReports))
	r.GET("/reports", h.page)
	r.GET("/reports/export.xlsx", h.exportXLSX)
	r.GET("/reports/export.pdf", h.exportPDF)
	r.GET("/reports/export/:file", h.exportCSV)
	r.POST("/reports/export", h.startExport)
	r.GET("/reports/jobs/:id", h.job)
	r.GET("/reports/jobs/:id/status", h.job)
	r.GET("/reports/jobs/:id/file", h.jobFile)
	r.GET("/api/v1/reports/donor", h.api)
}

// formOf reads the report's parameters from a query or a form.
func formOf(get func(string) string) reportview.Form {
	t := func(k string) string { return strings.TrimSpace(get(k)) }
	return reportview.Form{Donor: t("donor"), Project: t("project"), From: t("from"), To: t("to"),
		Agency: t("agency"), Governorate: t("governorate"), Thematic: t("thematic")}
}

// parse turns the form into a filter. An empty period is the project's
// own; field errors are returned as a map, other errors (such as the
// database failing) as err.
func (h *reports) parse(ctx context.Context, in reportview.Form) (report.Filter, model.Project, map[string]string, error) {
	errs := model.Errors{}
	var f report.Filter
	var p model.Project
	if id, err := strconv.ParseInt(in.Project, 10, 64); err != nil || id <= 0 {
		errs.Add("project", "report.error.project")
	} else if p, err = h.s.Store.ProjectByID(ctx, id); errors.Is(err, model.ErrNotFound) {
		errs.Add("project", "report.error.project")
	} else if err != nil {
		return f, p, nil, err
	}
	f.ProjectID = p.ID
	f.From, f.To = p.StartsOn, p.EndsOn
	for _, d := range []struct {
		field, value string
		dst          *model.Date
	}{{"from", in.From, &f.From}, {"to", in.To, &f.To}} {
		if d.value == "" {
			continue
		}
		v, err := model.ParseDate(d.value)
		if err != nil {
			errs.Add(d.field, "report.error.date")
		}
		*d.dst = v
	}
	for _, o := range []struct {
		field, value string
		dst          *int64
	}{{"agency", in.Agency, &f.AgencyID}, {"governorate", in.Governorate, &f.GovernorateID}, {"thematic", in.Thematic, &f.ThematicID}} {
		if o.value == "" {
			continue
		}
		v, err := strconv.ParseInt(o.value, 10, 64)
		if err != nil || v <= 0 {
			errs.Add(o.field, "report.error.filter")
		}
		*o.dst = v
	}
	if len(errs) == 0 {
		if fe := model.FieldErrors(f.Validate()); fe != nil {
			return f, p, fe, nil
		}
		return f, p, nil, nil
	}
	return f, p, errs, nil
}

// years are the period shortcuts: the years of the project's period (the
// last ten at most), or the year of the period shown.
func years(p model.Project, f report.Filter) []int {
	first, last := p.StartsOn.Year, p.EndsOn.Year
	if first == 0 || last < first {
		first, last = f.From.Year, f.From.Year
	}
	first = max(first, last-9)
	var out []int
	for y := first; y <= last && y > 0; y++ {
		out = append(out, y)
	}
	return out
}

func (h *reports) page(c echo.Context) error {
	ctx := c.Request().Context()
	refs, err := h.s.Store.AllRefs(ctx)
	if err != nil {
		return err
	}
	props := reportview.Props{Refs: refs, Form: formOf(c.QueryParam)}
	if props.Form.Project == "" {
		return h.s.render(c, http.StatusOK, reportview.Page(props))
	}
	f, p, errs, err := h.parse(ctx, props.Form)
	if err != nil {
		return err
	}
	props.Years, props.Year = years(p, f), f.From.Year
	if props.Year == 0 && len(props.Years) > 0 {
		props.Year = props.Years[len(props.Years)-1]
	}
	if errs != nil {
		props.Errors = errs
		return h.s.render(c, http.StatusUnprocessableEntity, reportview.Page(props))
	}
	props.Form.From, props.Form.To = f.From.String(), f.To.String()
	fig, err := report.Compute(ctx, h.s.Store, f)
	if err != nil {
		return err
	}
	props.Fig = &fig
	return h.s.render(c, http.StatusOK, reportview.Page(props))
}
