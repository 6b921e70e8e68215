package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/views/components"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
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
}

// phoneTail returns the digits that identify the phone number in text, or
// "" when text is not a phone number. Egypt's country code is dropped so
// that "010…", "+20 10…" and "0020 10…" all end the same way.
func phoneTail(text string) string {
	n := roster.NormalizePhone(text)
	if n == "" {
		return ""
	}
	d := strings.TrimPrefix(n, "+")
	if rest, ok := strings.CutPrefix(d, "20"); ok {
		return rest
	}
	return d
}

// textFilter is the registry's search for free text: names in either
// script, email, ID number, or a phone number in any format.
func textFilter(text string) model.PersonFilter {
	text = strings.TrimSpace(text)
	return model.PersonFilter{Terms: roster.SearchTerms(text), PhoneTail: phoneTail(text)}
}

// personFilter reads the registry search from the query.
func personFilter(q url.Values) model.PersonFilter {
	f := textFilter(q.Get("q"))
	if p := optInt64(q.Get("agency")); p != nil {
		f.AgencyID = *p
	}
	if p := optInt64(q.Get("station")); p != nil {
		f.StationID = *p
	}
	return f
}

func (s *Server) personList(c echo.Context) error {
	const per = 25
	q := c.QueryParams()
	f := personFilter(q)
	page := pageParam(c)
	f.Limit, f.Offset = per, (page-1)*per
	ctx := c.Request().Context()
	rows, total, err := s.Store.Persons(ctx, f)
	if err != nil {
		return err
	}
	refs, err := s.Store.AllRefs(ctx)
	if err != nil {
		return err
	}
	kept := url.Values{}
	for _, k := range []string{"q", "agency", "station"} {
		if v := strings.TrimSpace(q.Get(k)); v != "" {
			kept.Set(k, v)
		}
	}
	return s.render(c, http.StatusOK, person.List(person.ListProps{Names: components.Names{Refs: refs}, Rows: rows,
		Total: total, Page: page, PerPage: per, Query: kept, CanEdit: auth.Can(currentUser(c).Role, auth.EditPersons)}))
}

// personParam loads the person in :id, merged or not.
func (s *Server) personParam(c echo.Context) (model.Person, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return model.Person{}, err
	}
	return s.Store.Person(c.Request().Context(), id)
}

// refuseMerged sends the officer back to a merged person's page: a merged
// record is kept only as a pointer and is neither edited nor merged again.
func (s *Server) refuseMerged(c echo.Context, p model.Person) error {
	s.addFlash(c, "bad", "registry.error.merged_readonly")
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(p.ID, 10))
}

func (s *Server) personShow(c echo.Context) error {
	p, err := s.personParam(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	refs, err := s.Store.AllRefs(ctx)
	if err != nil {
		return err
	}
	hist, err := s.Store.PersonHistory(ctx, p.ID)
	if err != nil {
		return err
	}
	props := person.ShowProps{Names: components.Names{Refs: refs}, P: p, History: hist,
		CanEdit: auth.Can(currentUser(c).Role, auth.EditPersons)}
	if p.MergedIntoID != nil {
		into, err := s.Store.Person(ctx, *p.MergedIntoID)
		if err != nil {
			return err
		}
		props.MergedInto = &into
		m, err := s.Store.ActiveMergeOf(ctx, p.ID)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return err
		}
		if err == nil {
			props.Merge = &m
		}
	}
	merges, people, err := s.Store.MergesInto(ctx, p.ID)
	if err != nil {
		return err
	}
	for i := range merges {
		props.MergedFrom = append(props.MergedFrom, person.Merged{Merge: merges[i], Person: people[i]})
	}
	return s.render(c, http.StatusOK, person.Show(props))
}

// bothNames is a person's names for a message, in both scripts.
func bothNames(p model.Person) string { return strings.TrimSpace(p.NameLatin + " " + p.NameArabic) }
