package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	reportview "github.com/traindesk/traindesk/views/report"
)

// reportRoutes registers the donor report (screen, exports, JSON API).
// Managers, program officers and admins may see it; trainers may not.
// Background exports live in the memory of the instance that started
// them (see package jobs), so with several instances a user's status and
// download requests must reach that instance.
func (s *Server) reportRoutes(_ *echo.Echo, app area) {
	r := app.with(s.require(auth.ViewReports))
	r.GET("/reports", s.reportPage)
	r.GET("/reports/export.xlsx", s.exportXLSX)
	r.GET("/reports/export.pdf", s.exportPDF)
	r.GET("/reports/export/:file", s.exportCSV)
	r.GET("/reports/evidence.zip", s.reportEvidence)
	r.POST("/reports/export", s.startExport)
	r.GET("/reports/jobs/:id", s.exportJob)
	r.GET("/reports/jobs/:id/status", s.exportJob)
	r.GET("/reports/jobs/:id/file", s.exportJobFile)
	r.GET("/api/v1/reports/donor", s.reportAPI)
}

// reportPage shows the form and, once a project is chosen, its figures;
// field errors are a 422 with the form.
func (s *Server) reportPage(c echo.Context) error {
	f := reportFormOf(c.QueryParam)
	var req report.Request // nothing chosen yet: the form alone
	if f.Project != "" {
		req = f.request()
	}
	pg, err := s.Reports.Page(c.Request().Context(), actorOf(c), req, loc(c).Lang)
	fields := model.FieldErrors(err)
	if err != nil && fields == nil {
		return err
	}
	props := reportview.Props{Refs: pg.Refs, Form: f.selection(), Errors: fields, Fig: pg.Fig, Note: pg.Note,
		Charts: reportview.Charts(pg.Charts), Tables: report.TableNames, Years: pg.Years, Year: pg.Year}
	if pg.Evidence != nil {
		props.Evidence = &reportview.EvidenceCount{Trainings: pg.Evidence.Trainings, Incomplete: pg.Evidence.Incomplete}
	}
	if fields != nil {
		return s.render(c, http.StatusUnprocessableEntity, reportview.Page(props))
	}
	if pg.Fig != nil {
		props.Form.From, props.Form.To = pg.Filter.From.String(), pg.Filter.To.String()
	}
	return s.render(c, http.StatusOK, reportview.Page(props))
}
