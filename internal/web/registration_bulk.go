package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
)

// bulkNamesShown caps the names a refusal message lists; the flash lives
// in a cookie.
const bulkNamesShown = 12

// registrationBulk gives the status of the button pressed ("to") to the
// participants ticked on the training page ("reg"), and says in the
// participants section how many changed and who was refused, and why.
func (s *Server) registrationBulk(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	back := "/trainings/" + strconv.FormatInt(id, 10) + "#participants"
	rids := int64s(f["reg"])
	if len(rids) == 0 {
		s.addFlashNear(c, "participants", "warn", "registration.bulk.none")
		return c.Redirect(http.StatusSeeOther, back)
	}
	res, err := s.Trainings.SetRegistrationStatuses(c.Request().Context(), actorOf(c), id, rids,
		model.RegistrationStatus(f.Get("to")), f.Get("reason"))
	if model.FieldErrors(err) != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	} else if err != nil {
		return err
	}
	l := loc(c)
	status := l.T("registration." + string(res.To))
	// The number ticked picks the plural form (the catalogue's first
	// argument); the flash cookie carries it as a number.
	s.addFlashNear(c, "participants", "ok", "registration.bulk.done", len(rids), status, l.Num(res.Changed))
	for _, g := range s.refusalGroups(c, res.Refused) {
		s.addFlashNear(c, "participants", "bad", "registration.bulk.refused", status, g.names, g.why)
	}
	return c.Redirect(http.StatusSeeOther, back)
}

// refusalGroup is the people refused for one reason.
type refusalGroup struct {
	why   string // the reason, in the page's language
	names string
}

// refusalGroups gathers the refused by reason, in the order met, each
// with the names of its people (at most bulkNamesShown, then how many
// more).
func (s *Server) refusalGroups(c echo.Context, refused []model.StatusRefusal) []refusalGroup {
	l := loc(c)
	var out []refusalGroup
	names := map[string][]string{}
	for _, r := range refused {
		// The service refuses only by the registration rule, whose
		// errors registrationError explains.
		key, args, _ := s.registrationError(c, r.Err)
		why := l.T(key, args...)
		if _, seen := names[why]; !seen {
			out = append(out, refusalGroup{why: why})
		}
		names[why] = append(names[why], strings.TrimSpace(r.NameLatin+" "+r.NameArabic))
	}
	for i, g := range out {
		list := names[g.why]
		shown := list[:min(len(list), bulkNamesShown)]
		out[i].names = strings.Join(shown, l.T("registration.bulk.sep"))
		if more := len(list) - len(shown); more > 0 {
			out[i].names += l.T("registration.bulk.sep") + l.N("registration.bulk.more", more)
		}
	}
	return out
}
