package web

import (
	"github.com/labstack/echo/v4"
)

// reportEvidence streams the evidence of the trainings the report counts
// for the chosen filters, as one zip; without a project it is a bad
// request, like the other exports.
func (s *Server) reportEvidence(c echo.Context) error {
	name, write, err := s.Reports.EvidencePack(c.Request().Context(), actorOf(c), reportFormOf(c.QueryParam).request(), loc(c).Lang)
	if err != nil {
		return exportRefused(err)
	}
	attachment(c, name, "application/zip")
	if err := write(c.Response()); err != nil {
		if c.Response().Committed {
			s.Log.Error("evidence pack", "request_id", c.Get(keyRequestID), "error", err)
			return nil
		}
		return err
	}
	return nil
}
