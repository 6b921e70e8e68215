package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/roll"
)

// syncBodyLimit fits attendance.MaxBatch operations.
const syncBodyLimit = 1 << 20

func (s *Server) rollRoutes(app area) {
	app.GET("/sessions/:id/roll", s.rollPage)
	tablet := app.with(s.sameUser) // the tablet's calls say whose they are
	tablet.GET("/api/v1/sessions/:id/roster", s.rollRoster)
	tablet.POST("/api/v1/sync", s.syncMarks)
}

// rollData reads the roll call of the session in :id, as the page and its
// script see it.
func (s *Server) rollData(c echo.Context) (roll.Data, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return roll.Data{}, err
	}
	rc, err := s.Attendance.Roll(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return roll.Data{}, err
	}
	return roll.FromRoll(rc, loc(c)), nil
}

func (s *Server) rollPage(c echo.Context) error {
	data, err := s.rollData(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, roll.Page(data))
}

func (s *Server) rollRoster(c echo.Context) error {
	data, err := s.rollData(c)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, data)
}

// syncRequest is what a tablet sends.
type syncRequest struct {
	DeviceID string         `json:"device_id"`
	Ops      []model.MarkOp `json:"ops"`
}

// syncMarks applies a batch of marks and answers per item. A batch that
// cannot be read is refused whole; one bad item never is.
func (s *Server) syncMarks(c echo.Context) error {
	var req syncRequest
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
		}
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "the body is not a sync batch")
	}
	if len(req.Ops) > attendance.MaxBatch {
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
	}
	// The batch's device stands for the operations that name none.
	for i := range req.Ops {
		if req.Ops[i].DeviceID == "" {
			req.Ops[i].DeviceID = req.DeviceID
		}
	}
	res, err := s.Attendance.Sync(c.Request().Context(), actorOf(c), req.Ops)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, res)
}
