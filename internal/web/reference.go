package web

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/reference"
)

// referenceRoutes registers the reference-data screens (donors, projects
// and their indicators, agencies, duty stations, thematic areas). Only
// roles that may edit them see them: a list without its buttons would be
// of little use to a manager, whose reports already name every entry.
func (s *Server) referenceRoutes(app area) {
	ed := app.with(s.require(auth.EditReference))
	ed.GET("/reference", s.refOverview)

	ed.GET("/reference/agencies", s.agencyList)
	ed.GET("/reference/agencies/new", s.agencyNew)
	ed.POST("/reference/agencies", s.agencyCreate)
	ed.GET("/reference/agencies/:id/edit", s.agencyEdit)
	ed.POST("/reference/agencies/:id", s.agencyUpdate)

	ed.GET("/reference/stations", s.stationList)
	ed.GET("/reference/stations/new", s.stationNew)
	ed.POST("/reference/stations", s.stationCreate)
	ed.GET("/reference/stations/:id/edit", s.stationEdit)
	ed.POST("/reference/stations/:id", s.stationUpdate)

	ed.GET("/reference/donors", s.donorList)
	ed.GET("/reference/donors/new", s.donorNew)
	ed.POST("/reference/donors", s.donorCreate)
	ed.GET("/reference/donors/:id/edit", s.donorEdit)
	ed.POST("/reference/donors/:id", s.donorUpdate)

	ed.GET("/reference/projects", s.projectList)
	ed.GET("/reference/projects/new", s.projectNew)
	ed.POST("/reference/projects", s.projectCreate)
	ed.GET("/reference/projects/:id/edit", s.projectEdit)
	ed.POST("/reference/projects/:id", s.projectUpdate)
	ed.GET("/reference/projects/:id/indicators/new", s.indicatorNew)
	ed.POST("/reference/projects/:id/indicators", s.indicatorCreate)
	ed.GET("/reference/projects/:id/indicators/:iid/edit", s.indicatorEdit)
	ed.POST("/reference/projects/:id/indicators/:iid", s.indicatorUpdate)
	ed.POST("/reference/projects/:id/indicators/:iid/delete", s.indicatorDelete)

	ed.GET("/reference/thematic", s.thematicList)
	ed.GET("/reference/thematic/new", s.thematicNew)
	ed.POST("/reference/thematic", s.thematicCreate)
	ed.GET("/reference/thematic/:id/edit", s.thematicEdit)
	ed.POST("/reference/thematic/:id", s.thematicUpdate)

	// Archiving and deleting work alike for every list.
	for _, k := range model.RefKinds {
		ed.POST(reference.Path(k)+"/:id/archive", s.refArchive(k))
		ed.POST(reference.Path(k)+"/:id/delete", s.refDelete(k))
	}
}

func (s *Server) refOverview(c echo.Context) error {
	ctx := c.Request().Context()
	var counts []reference.Count
	for _, k := range model.RefKinds {
		active, archived, err := s.refCount(ctx, k)
		if err != nil {
			return err
		}
		counts = append(counts, reference.Count{Kind: k, Active: active, Archived: archived})
	}
	return s.render(c, http.StatusOK, reference.Overview(counts))
}

// refCount counts a list's active and archived entries. The lists are
// short, so reading them whole costs less than a query per count.
func (s *Server) refCount(ctx context.Context, kind model.RefKind) (active, archived int, err error) {
	switch kind {
	case model.RefDonor:
		rows, err := s.Store.Donors(ctx, true)
		return split(rows, err, func(r model.Donor) *time.Time { return r.ArchivedAt })
	case model.RefProject:
		rows, err := s.Store.Projects(ctx, true)
		return split(rows, err, func(r model.Project) *time.Time { return r.ArchivedAt })
	case model.RefAgency:
		rows, err := s.Store.Agencies(ctx, true)
		return split(rows, err, func(r model.Agency) *time.Time { return r.ArchivedAt })
	case model.RefStation:
		rows, err := s.Store.DutyStations(ctx, true)
		return split(rows, err, func(r model.DutyStation) *time.Time { return r.ArchivedAt })
	}
	rows, err := s.Store.ThematicAreas(ctx, true)
	return split(rows, err, func(r model.ThematicArea) *time.Time { return r.ArchivedAt })
}

// split counts active and archived rows.
func split[T any](rows []T, err error, archivedAt func(T) *time.Time) (int, int, error) {
	_, archived := visible(rows, archivedAt, false)
	return len(rows) - archived, archived, err
}

// visible returns the rows a list shows (the archived ones only when
// asked) and how many rows are archived.
func visible[T any](rows []T, archivedAt func(T) *time.Time, show bool) ([]T, int) {
	out, n := make([]T, 0, len(rows)), 0
	for _, r := range rows {
		if archivedAt(r) != nil {
			n++
			if !show {
				continue
			}
		}
		out = append(out, r)
	}
	return out, n
}

func showArchived(c echo.Context) bool { return c.QueryParam("archived") == "1" }

// refManage is what an edit page's archive and delete section needs.
func (s *Server) refManage(ctx context.Context, kind model.RefKind, id int64, archivedAt *time.Time) (reference.Manage, error) {
	uses, err := s.Store.References(ctx, kind, id)
	return reference.Manage{Kind: kind, ID: id, Archived: archivedAt != nil, Uses: uses}, err
}

// refName names an entry in the user's language for messages, and fails
// with model.ErrNotFound when there is no such entry.
func (s *Server) refName(c echo.Context, kind model.RefKind, id int64) (string, error) {
	ctx, l := c.Request().Context(), loc(c)
	switch kind {
	case model.RefDonor:
		d, err := s.Store.DonorByID(ctx, id)
		return l.Pick(d.NameEn, d.NameAr), err
	case model.RefProject:
		p, err := s.Store.ProjectByID(ctx, id)
		return p.Code, err
	case model.RefAgency:
		a, err := s.Store.AgencyByID(ctx, id)
		return l.Pick(a.NameEn, a.NameAr), err
	case model.RefStation:
		d, err := s.Store.DutyStationByID(ctx, id)
		return l.Pick(d.NameEn, d.NameAr), err
	}
	t, err := s.Store.ThematicAreaByID(ctx, id)
	return l.Pick(t.NameEn, t.NameAr), err
}

// refArchive archives an entry, or restores it when the form says
// archived=false; either way the list shows the result.
func (s *Server) refArchive(kind model.RefKind) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		name, err := s.refName(c, kind, id)
		if err != nil {
			return err
		}
		archive := c.FormValue("archived") != "false"
		if err := s.Store.SetArchived(c.Request().Context(), kind, id, archive); err != nil {
			return err
		}
		action, msg := "reference_archive", "ref.archived_msg"
		if !archive {
			action, msg = "reference_unarchive", "ref.restored_msg"
		}
		s.audit(c, actor(c), action, string(kind), id, map[string]any{"name": name})
		s.addFlash(c, "ok", msg, name)
		return c.Redirect(http.StatusSeeOther, reference.Path(kind))
	}
}

// refDelete deletes an entry that nothing uses. When something does, the
// entry's page comes back with a message that says what, and suggests
// archiving instead.
func (s *Server) refDelete(kind model.RefKind) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		name, err := s.refName(c, kind, id)
		if err != nil {
			return err
		}
		err = s.Store.DeleteReference(c.Request().Context(), kind, id)
		var inUse *model.InUseError
		if errors.As(err, &inUse) {
			s.addFlash(c, "bad", "ref.delete_refused", name, reference.UsesText(loc(c), inUse.Uses))
			return c.Redirect(http.StatusSeeOther, reference.EditPath(kind, id))
		} else if err != nil {
			return err
		}
		s.audit(c, actor(c), "reference_delete", string(kind), id, map[string]any{"name": name})
		s.addFlash(c, "ok", "ref.deleted", name)
		return c.Redirect(http.StatusSeeOther, reference.Path(kind))
	}
}
