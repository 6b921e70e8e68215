package web

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/report"
	reportview "github.com/traindesk/traindesk/views/report"
)

// Content types of the exports.
const (
	xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	csvType  = "text/csv; charset=utf-8"
	pdfType  = "application/pdf"
)

// exportRequest is one export asked for: the figures it writes and how.
type exportRequest struct {
	fig     report.Figures
	format  string // "xlsx", "csv" or "pdf"
	table   string // the CSV's table
	contact bool   // phones and emails in the participant list
	lang    i18n.Lang
}

// fileName names the export after the project and the period.
func (r exportRequest) fileName() string {
	switch r.format {
	case "csv":
		return report.FileName(r.fig, r.table, "csv")
	case "pdf":
		return report.FileName(r.fig, "", "pdf")
	}
	return report.FileName(r.fig, "", "xlsx")
}

func (r exportRequest) contentType() string {
	switch r.format {
	case "csv":
		return csvType
	case "pdf":
		return pdfType
	}
	return xlsxType
}

// write streams the export to w. It runs in a request or in a background
// job, so it takes its own context.
func (h *reports) write(ctx context.Context, r exportRequest, w io.Writer, progress func()) error {
	ex := report.Export{Ctx: ctx, Fig: r.fig, Src: h.s.Store, Loc: i18n.New(r.lang), Contact: r.contact}
	if r.format == "pdf" {
		return report.WritePDF(w, ex, h.s.Now().In(h.s.Location), progress)
	}
	if r.format == "csv" {
		t, err := ex.Table(r.table)
		if err != nil {
			return err
		}
		return report.WriteCSV(w, t, progress)
	}
	tables, err := ex.Tables()
	if err != nil {
		return err
	}
	return report.WriteXLSX(w, tables, r.lang == i18n.AR, progress)
}

// expectedRows estimates an export's rows for its progress bar: the long
// tables have a row per participation.
func (r exportRequest) expectedRows() int64 {
	f := r.fig
	small := len(report.SummaryFigures(f)) + 4 + len(f.Indicators) + len(f.Trainings) + len(f.SDGs) + len(f.GCMs) +
		len(f.Groups.Agency) + len(f.Groups.Station) + len(f.Groups.Governorate) + len(f.Groups.Position)
	switch {
	case r.format == "pdf":
		return int64(len(report.Dimensions) + 4)
	case r.format == "xlsx":
		return int64(small + 2*f.Summary.Participations)
	case r.table == "participants" || r.table == "attendance":
		return int64(f.Summary.Participations)
	}
	return 0
}

// prepare reads an export's parameters and computes its figures. Bad
// parameters are a 400, an unknown project a 404.
func (h *reports) prepare(c echo.Context, in reportview.Form, format, table string, contact bool) (exportRequest, error) {
	ctx := c.Request().Context()
	if format == "csv" && !slices.Contains(report.TableNames, table) {
		return exportRequest{}, echo.NewHTTPError(http.StatusNotFound)
	}
	if format != "csv" && format != "xlsx" && format != "pdf" {
		return exportRequest{}, echo.NewHTTPError(http.StatusBadRequest)
	}
	f, _, errs, err := h.parse(ctx, in)
	if err != nil {
		return exportRequest{}, err
	}
	if errs != nil {
		return exportRequest{}, echo.NewHTTPError(http.StatusBadRequest)
	}
	fig, err := report.Compute(ctx, h.s.Store, f)
	if err != nil {
		return exportRequest{}, err
	}
	return exportRequest{fig: fig, format: format, table: table, contact: contact, lang: loc(c).Lang}, nil
}

// auditExport writes an export to the audit log.
func (h *reports) auditExport(c echo.Context, r exportRequest, via string) {
	detail := map[string]any{"format": r.format, "from": r.fig.Period.From.String(), "to": r.fig.Period.To.String(), "via": via}
	if r.table != "" {
		detail["table"] = r.table
	}
	if r.format != "json" {
		detail["contact"] = r.contact
	}
	sc := r.fig.Scope
	for k, v := range map[string]int64{"agency": sc.AgencyID, "governorate": sc.GovernorateID, "thematic": sc.ThematicID} {
		if v != 0 {
			detail[k] = v
		}
	}
	h.s.audit(c, actor(c), "report_export", "project", r.fig.Project.ID, detail)
}

// attachment sets the headers of a download.
func attachment(c echo.Context, name, contentType string) {
	hd := c.Response().Header()
	hd.Set(echo.HeaderContentType, contentType)
	hd.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
}

// stream sends an export in the response as it is written. An error
// before the first byte becomes an error page; after it, the download is
// cut short and the error logged.
func (h *reports) stream(c echo.Context, r exportRequest) error {
	h.auditExport(c, r, "direct")
	attachment(c, r.fileName(), r.contentType())
	err := h.write(c.Request().Context(), r, c.Response(), nil)
	if err != nil && c.Response().Committed {
		h.s.Log.Error("report export", "request_id", c.Get(keyRequestID), "error", err)
		return nil
	}
	return err
}

func (h *reports) exportPDF(c echo.Context) error {
	r, err := h.prepare(c, formOf(c.QueryParam), "pdf", "", false)
	if err != nil {
		return err
	}
	return h.stream(c, r)
}

func (h *reports) exportXLSX(c echo.Context) error {
	r, err := h.prepare(c, formOf(c.QueryParam), "xlsx", "", c.QueryParam("contact") == "1")
	if err != nil {
		return err
	}
	return h.stream(c, r)
}

func (h *reports) exportCSV(c echo.Context) error {
	table, ok := strings.CutSuffix(c.Param("file"), ".csv")
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	r, err := h.prepare(c, formOf(c.QueryParam), "csv", table, c.QueryParam("contact") == "1")
	if err != nil {
		return err
	}
	return h.stream(c, r)
}
