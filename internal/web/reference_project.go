package web

import (
	"context"
	"errors"
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
	ctx := c.Request().Context()
	all, err := s.Store.Projects(ctx, true)
	if err != nil {
		return err
	}
	donors, err := s.Store.Donors(ctx, true)
	if err != nil {
		return err
	}
	show := showArchived(c)
	rows, archived := visible(all, func(p model.Project) *time.Time { return p.ArchivedAt }, show)
	return s.render(c, http.StatusOK, reference.Projects(reference.ProjectList{Projects: rows, ShowArchived: show,
		Archived: archived, Donors: donors}))
}

// projectForm is the page for p (id 0 when creating): the active donors
// plus the one p already names, and once p exists its indicators and what
// uses it.
func (s *Server) projectForm(ctx context.Context, p model.Project) (reference.ProjectForm, error) {
	f := reference.ProjectForm{ID: p.ID}
	all, err := s.Store.Donors(ctx, true)
	if err != nil {
		return f, err
	}
	for _, d := range all {
		if d.ArchivedAt == nil || d.ID == p.DonorID {
			f.Donors = append(f.Donors, d)
		}
	}
	if p.ID == 0 {
		return f, nil
	}
	if f.Indicators, err = s.Store.Indicators(ctx, p.ID); err != nil {
		return f, err
	}
	f.Manage, err = s.refManage(ctx, model.RefProject, p.ID, p.ArchivedAt)
	return f, err
}

func (s *Server) projectNew(c echo.Context) error {
	f, err := s.projectForm(c.Request().Context(), model.Project{})
	if err != nil {
		return err
	}
	f.In.MasteryThreshold = "70"
	return s.render(c, http.StatusOK, reference.ProjectEdit(f))
}

func (s *Server) projectCreate(c echo.Context) error { return s.projectSave(c, model.Project{}) }

func (s *Server) projectEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.Store.ProjectByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	f, err := s.projectForm(c.Request().Context(), p)
	if err != nil {
		return err
	}
	f.In = model.ProjectInputOf(p)
	return s.render(c, http.StatusOK, reference.ProjectEdit(f))
}

func (s *Server) projectUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.Store.ProjectByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return s.projectSave(c, p)
}

// projectSave creates p (id 0) or saves it from the posted form. A code
// another project has is shown beside the code field like any mistake.
func (s *Server) projectSave(c echo.Context, p model.Project) error {
	ctx := c.Request().Context()
	f, err := s.projectForm(ctx, p)
	if err != nil {
		return err
	}
	f.In = projectInput(c)
	donors := make([]int64, len(f.Donors))
	for i, d := range f.Donors {
		donors[i] = d.ID
	}
	if err := f.In.Validate(donors); err != nil {
		if f.Errors = model.FieldErrors(err); f.Errors == nil {
			return err
		}
		return s.render(c, http.StatusUnprocessableEntity, reference.ProjectEdit(f))
	}
	f.In.Apply(&p)
	action, msg := "reference_update", "ref.saved"
	if p.ID == 0 {
		action, msg = "reference_create", "ref.created"
		err = s.Store.CreateProject(ctx, &p)
	} else {
		err = s.Store.UpdateProject(ctx, &p)
	}
	if errors.Is(err, model.ErrConflict) {
		f.Errors = map[string]string{"code": "error.code_taken"}
		return s.render(c, http.StatusUnprocessableEntity, reference.ProjectEdit(f))
	} else if err != nil {
		return err
	}
	s.audit(c, actor(c), action, string(model.RefProject), p.ID, map[string]any{"code": p.Code})
	s.addFlash(c, "ok", msg, p.Code)
	return c.Redirect(http.StatusSeeOther, reference.EditPath(model.RefProject, p.ID))
}
