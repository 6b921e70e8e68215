package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
)

// exportRequest reads an export's parameters from get.
func exportRequest(c echo.Context, get func(string) string, format, table string) report.ExportRequest {
	return report.ExportRequest{Request: reportFormOf(get).request(), Format: format, Table: table,
		Contact: get("contact") == "1", Lang: loc(c).Lang}
}

// exportRefused answers an export the report service refused: bad
// parameters are a 400; other errors (an unknown table is a 404) go to the
// error handler.
func exportRefused(err error) error {
	if model.FieldErrors(err) != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	return err
}

// attachment sets the headers of a download.
func attachment(c echo.Context, name, contentType string) {
	hd := c.Response().Header()
	hd.Set(echo.HeaderContentType, contentType)
	hd.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
}

// streamExport sends an export in the response as it is written. An error
// before the first byte becomes an error page; after it, the download is
// cut short and the error logged.
func (s *Server) streamExport(c echo.Context, r report.ExportRequest) error {
	f, err := s.Reports.Export(c.Request().Context(), actorOf(c), r)
	if err != nil {
		return exportRefused(err)
	}
	attachment(c, f.Name, f.ContentType)
	err = f.Write(c.Request().Context(), c.Response())
	if err != nil && c.Response().Committed {
		s.Log.Error("report export", "request_id", c.Get(keyRequestID), "error", err)
		return nil
	}
	return err
}

func (s *Server) exportPDF(c echo.Context) error {
	r := exportRequest(c, c.QueryParam, "pdf", "")
	r.Contact = false // the PDF has no participant list
	return s.streamExport(c, r)
}

func (s *Server) exportXLSX(c echo.Context) error {
	return s.streamExport(c, exportRequest(c, c.QueryParam, "xlsx", ""))
}

func (s *Server) exportCSV(c echo.Context) error {
	table, ok := strings.CutSuffix(c.Param("file"), ".csv")
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	return s.streamExport(c, exportRequest(c, c.QueryParam, "csv", table))
}
