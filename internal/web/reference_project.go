package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/reference"
)

func projectInput(c echo.Context) model.ProjectInput {
	return model.ProjectInput{
		Code:             c.FormValue("code"),
		TitleEn:          c.FormValue("title_en"),
		TitleAr:          c.FormValue("title_ar"),
		DonorID:          c.FormValue("donor_id"),
		StartsOn:         c.FormValue("starts_on"),
		EndsOn:           c.FormValue("ends_on"),
		MasteryThreshold: c.FormValue("mastery_threshold"),
	}
}

func (s *Server) projectList(c echo.Context) error {
	l, err := s.Reference.Projects(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	show := showArchived(c)
	rows, archived := visible(l.Projects, func(p model.Project) *time.Time { return p.ArchivedAt }, show)
	return s.render(c, http.StatusOK, reference.Projects(reference.ProjectList{Projects: rows, ShowArchived: show,
		Archived: archived, Donors: l.Donors}))
}

// projectForm is the page of project id (0: a new one): its donors to
// choose from, and once it exists its indicators and what uses it.
func (s *Server) projectForm(c echo.Context, id int64) (reference.ProjectForm, error) {
	pf, err := s.Reference.Project(c.Request().Context(), actorOf(c), id)
	return reference.ProjectForm{ID: pf.Project.ID, In: model.ProjectInputOf(pf.Project), Manage: manageOf(pf.Usage),
		Donors: pf.Donors, Indicators: pf.Indicators}, err
}

func (s *Server) projectNew(c echo.Context) error {
	f, err := s.projectForm(c, 0)
	if err != nil {
		return err
	}
	f.In = model.ProjectInput{MasteryThreshold: "70"}
	return s.render(c, http.StatusOK, reference.ProjectEdit(f))
}

func (s *Server) projectEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := s.projectForm(c, id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.ProjectEdit(f))
}

func (s *Server) projectCreate(c echo.Context) error { return s.projectSave(c, 0) }

func (s *Server) projectUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.projectSave(c, id)
}

// projectSave creates a project (id 0) or saves project id from the posted
// form. A code another project has is shown beside the code field like
// any mistake.
func (s *Server) projectSave(c echo.Context, id int64) error {
	in := projectInput(c)
	p, err := s.Reference.SaveProject(c.Request().Context(), actorOf(c), id, &in)
	if fe := model.FieldErrors(err); fe != nil {
		f, err := s.projectForm(c, id)
		if err != nil {
			return err
		}
		f.In, f.Errors = in, fe
		return s.render(c, http.StatusUnprocessableEntity, reference.ProjectEdit(f))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", savedMsg(id), p.Code)
	return c.Redirect(http.StatusSeeOther, reference.EditPath(model.RefProject, p.ID))
}
