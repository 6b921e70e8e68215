package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/roll"
)

func (s *Server) rollRoutes(app area) {
	app.GET("/sessions/:id/roll", s.rollPage)
	tablet := app.with(s.sameUser) // the tablet's calls say whose they are
	tablet.GET("/api/v1/sessions/:id/roster", s.rollRoster)
	tablet.POST("/api/v1/sync", s.syncMarks) // DefaultBodyLimit fits attendance.MaxBatch operations
}

// rollCall reads the roll call of the session in :id, with the marks
// changed after version since (see docs/sync-protocol.md).
func (s *Server) rollCall(c echo.Context, since int64) (model.RollCall, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return model.RollCall{}, err
	}
	return s.Attendance.Roll(c.Request().Context(), actorOf(c), id, since)
}

func (s *Server) rollPage(c echo.Context) error {
	rc, err := s.rollCall(c, 0)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, roll.Page(roll.FromRoll(rc, loc(c))))
}

// rosterAnswer is the roster as a tablet reads it: the page's data, and
// the session's marks version with the marks changed since the version
// the tablet saw (all of them unless Delta).
type rosterAnswer struct {
	roll.Data
	Version int64             `json:"version"`
	Delta   bool              `json:"delta"`
	Marks   []model.MarkState `json:"marks"`
}

func (s *Server) rollRoster(c echo.Context) error {
	// A since that is not a number asks for nothing in particular: the
	// whole list, as for a tablet that saw no version.
	since, _ := strconv.ParseInt(c.QueryParam("since"), 10, 64)
	rc, err := s.rollCall(c, since)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, rosterAnswer{Data: roll.FromRoll(rc, loc(c)), Version: rc.Version, Delta: rc.Delta,
		Marks: rc.Changed})
}

// syncRequest is what a tablet sends: its operations, and by session the
// marks version it last saw.
type syncRequest struct {
	DeviceID string          `json:"device_id"`
	Ops      []model.MarkOp  `json:"ops"`
	Since    map[int64]int64 `json:"since"`
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
	if len(req.Ops) > attendance.MaxBatch || len(req.Since) > attendance.MaxSince {
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
	}
	// The batch's device stands for the operations that name none.
	for i := range req.Ops {
		if req.Ops[i].DeviceID == "" {
			req.Ops[i].DeviceID = req.DeviceID
		}
	}
	res, err := s.Attendance.Sync(c.Request().Context(), actorOf(c), req.Ops, req.Since)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, res)
}
