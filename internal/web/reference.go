package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	refdata "github.com/traindesk/traindesk/internal/reference"
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
	counts, err := s.Reference.Overview(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	out := make([]reference.Count, len(counts))
	for i, n := range counts {
		out[i] = reference.Count{Kind: n.Kind, Active: n.Active, Archived: n.Archived}
	}
	return s.render(c, http.StatusOK, reference.Overview(out))
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

// manageOf is an edit page's archive and delete section.
func manageOf(u refdata.Usage) reference.Manage {
	return reference.Manage{Kind: u.Kind, ID: u.ID, Archived: u.Archived, Uses: u.Uses}
}

// refArchive archives an entry, or restores it when the form says
// archived=false; either way the list shows the result.
func (s *Server) refArchive(kind model.RefKind) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		archive := c.FormValue("archived") != "false"
		e, err := s.Reference.SetArchived(c.Request().Context(), actorOf(c), kind, id, archive)
		if err != nil {
			return err
		}
		msg := "ref.archived_msg"
		if !archive {
			msg = "ref.restored_msg"
		}
		s.addFlash(c, "ok", msg, loc(c).Pick(e.NameEn, e.NameAr))
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
		e, err := s.Reference.Delete(c.Request().Context(), actorOf(c), kind, id)
		name := loc(c).Pick(e.NameEn, e.NameAr)
		var inUse *model.InUseError
		if errors.As(err, &inUse) {
			s.addFlash(c, "bad", "ref.delete_refused", name, reference.UsesText(loc(c), inUse.Uses))
			return c.Redirect(http.StatusSeeOther, reference.EditPath(kind, id))
		} else if err != nil {
			return err
		}
		s.addFlash(c, "ok", "ref.deleted", name)
		return c.Redirect(http.StatusSeeOther, reference.Path(kind))
	}
}
