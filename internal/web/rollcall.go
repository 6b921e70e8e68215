package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/roll"
)

// syncBodyLimit fits attendance.MaxBatch operations.
const syncBodyLimit = 1 << 20

func (s *Server) rollRoutes(app area) {
	app.GET("/sessions/:id/roll", s.rollPage)
	app.GET("/api/v1/sessions/:id/roster", s.rollRoster)
	app.POST("/api/v1/sync", s.syncMarks)
}

func (s *Server) attendance() attendance.Service {
	return attendance.Service{Store: s.Store, Now: s.Now, Location: s.Location, DaysAfter: s.MarkDaysAfter,
		Codes: attendance.Codes{Key: auth.DeriveKey(s.Secret, "checkin", 32)}}
}

// rollSession loads the session in :id for the roll call. Only its
// trainers and those who correct marks may open it.
func (s *Server) rollSession(c echo.Context) (model.TrainingDetail, model.Sitting, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return model.TrainingDetail{}, model.Sitting{}, err
	}
	si, err := s.Store.Sitting(c.Request().Context(), id)
	if err != nil {
		return model.TrainingDetail{}, si, err
	}
	u := currentUser(c)
	d, err := s.Store.Training(c.Request().Context(), *u, si.TrainingID)
	if err != nil {
		return d, si, err
	}
	if !auth.Can(u.Role, auth.CorrectMarks) && !(u.Role == model.RoleTrainer && d.Facilitates(u.ID)) {
		return d, si, echo.NewHTTPError(http.StatusForbidden)
	}
	return d, si, nil
}

// rollData is the roster as the page and its script see it.
func (s *Server) rollData(c echo.Context, d model.TrainingDetail, si model.Sitting) (roll.Data, error) {
	ctx := c.Request().Context()
	l := loc(c)
	refs, err := s.Store.AllRefs(ctx)
	if err != nil {
		return roll.Data{}, err
	}
	rs, err := s.Store.Roster(ctx, d.ID)
	if err != nil {
		return roll.Data{}, err
	}
	marks, err := s.Store.SessionMarks(ctx, si.ID)
	if err != nil {
		return roll.Data{}, err
	}
	byReg := map[int64]model.MarkState{}
	for _, m := range marks {
		byReg[m.RegistrationID] = m
	}
	svc := s.attendance()
	u := currentUser(c)
	data := roll.Data{SessionID: si.ID, TrainingID: d.ID, Title: d.Title, Date: si.Date.String(),
		DateLabel: l.Weekday(si.Date.Time().Weekday()) + " " + l.Date(si.Date), Hours: l.Clock(si.StartsAt) + "–" + l.Clock(si.EndsAt),
		Topic: si.Topic, ServerTime: s.Now().UnixMilli(), Lang: string(l.Lang),
		CanMark: svc.MayMark(*u, d.Facilitates(u.ID), si, s.Now()) == ""}
	for _, r := range rs {
		if r.Status == model.RegWithdrawn {
			continue
		}
		p := roll.Person{RegistrationID: r.ID, NameLatin: r.NameLatin, NameArabic: r.NameArabic, Code: svc.Codes.Code(r.ID)}
		if st, ok := refs.Station(r.DutyStationID); ok {
			p.Station = l.Pick(st.NameEn, st.NameAr)
		}
		if m, ok := byReg[r.ID]; ok {
			p.Status, p.Note, p.ClientTime = m.Status, m.Note, m.ClientTime
		}
		data.People = append(data.People, p)
	}
	sortPeople(data.People, l)
	return data, nil
}

// sortPeople orders the roster by name in the page's language.
func sortPeople(ps []roll.Person, l *i18n.Localizer) {
	key := func(p roll.Person) string {
		if l.Lang == i18n.AR && p.NameArabic != "" {
			return p.NameArabic
		}
		if p.NameLatin != "" {
			return strings.ToLower(p.NameLatin)
		}
		return p.NameArabic
	}
	sort.SliceStable(ps, func(i, j int) bool { return key(ps[i]) < key(ps[j]) })
}

func (s *Server) rollPage(c echo.Context) error {
	d, si, err := s.rollSession(c)
	if err != nil {
		return err
	}
	data, err := s.rollData(c, d, si)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, roll.Page(data))
}

func (s *Server) rollRoster(c echo.Context) error {
	d, si, err := s.rollSession(c)
	if err != nil {
		return err
	}
	data, err := s.rollData(c, d, si)
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
	for i := range req.Ops {
		if req.Ops[i].DeviceID == "" {
			req.Ops[i].DeviceID = req.DeviceID
		}
	}
	res, err := s.attendance().Sync(c.Request().Context(), *currentUser(c), req.Ops)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, res)
}
