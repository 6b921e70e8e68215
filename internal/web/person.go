package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/views/components"
	"github.com/traindesk/traindesk/views/person"
)

// personRoutes registers the participant registry: search, a person's
// page with their history, create and edit with duplicate checks, merge
// and undo.
func (s *Server) personRoutes(app area) {
	view := app.with(s.require(auth.ViewPersons))
	ed := app.with(s.require(auth.EditPersons))
	view.GET("/persons", s.personList)
	ed.GET("/persons/new", s.personNew)
	ed.POST("/persons", s.personCreate)
	view.GET("/persons/:id", s.personShow)
	ed.GET("/persons/:id/edit", s.personEdit)
	ed.POST("/persons/:id", s.personUpdate)
	ed.GET("/persons/:id/merge", s.personMergeForm)
	ed.POST("/persons/:id/merge", s.personMerge)
	ed.POST("/persons/merges/:mid/undo", s.personMergeUndo)
	s.personPrivacyRoutes(app)
}

// personQuery reads the registry search from the query.
func personQuery(q url.Values) roster.Query {
	rq := roster.Query{Text: q.Get("q")}
	if p := optInt64(q.Get("agency")); p != nil {
		rq.AgencyID = *p
	}
	if p := optInt64(q.Get("station")); p != nil {
		rq.StationID = *p
	}
	return rq
}

func (s *Server) personList(c echo.Context) error {
	const per = 25
	q := c.QueryParams()
	rq := personQuery(q)
	page := pageParam(c)
	rq.Limit, rq.Offset = per, (page-1)*per
	res, err := s.Roster.Search(c.Request().Context(), actorOf(c), rq)
	searchErr := model.FieldErrors(err)["q"]
	if err != nil && searchErr == "" {
		return err
	}
	kept := url.Values{}
	for _, k := range []string{"q", "agency", "station"} {
		if v := strings.TrimSpace(q.Get(k)); v != "" {
			kept.Set(k, v)
		}
	}
	return s.render(c, http.StatusOK, person.List(person.ListProps{Names: components.Names{Refs: res.Refs}, Rows: res.Rows,
		Total: res.Total, Page: page, PerPage: per, Query: kept, CanEdit: auth.Can(currentUser(c).Role, auth.EditPersons),
		SearchError: searchErr}))
}

// refuseMerged sends the officer back to a merged person's page: a merged
// record is kept only as a pointer and is neither edited nor merged again.
func (s *Server) refuseMerged(c echo.Context, id int64) error {
	s.addFlash(c, "bad", "registry.error.merged_readonly")
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(id, 10))
}

func (s *Server) personShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	pg, err := s.Roster.PersonPage(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, person.Show(person.ShowProps{Names: components.Names{Refs: pg.Refs}, P: pg.Person,
		History: pg.History, MergedInto: pg.MergedInto, Merge: pg.Merge, MergedFrom: pg.MergedFrom,
		CanEdit: auth.Can(currentUser(c).Role, auth.EditPersons), CanErase: auth.Can(currentUser(c).Role, auth.PersonalData)}))
}

// bothNames is a person's names for a message, in both scripts.
func bothNames(p model.Person) string { return strings.TrimSpace(p.NameLatin + " " + p.NameArabic) }
