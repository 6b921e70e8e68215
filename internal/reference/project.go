package reference

import (
	"context"
	"errors"

	"github.com/traindesk/traindesk/internal/model"
)

// ProjectList is the projects page: every project, with the donors that
// name its column.
type ProjectList struct {
	Projects []model.Project
	Donors   []model.Donor
}

// Projects lists every project, archived ones included.
func (s *Service) Projects(ctx context.Context, actor model.Actor) (ProjectList, error) {
	var l ProjectList
	if err := may(actor); err != nil {
		return l, err
	}
	var err error
	if l.Projects, err = s.store.Projects(ctx, true); err != nil {
		return l, err
	}
	l.Donors, err = s.store.Donors(ctx, true)
	return l, err
}

// ProjectForm is a project's page: the active donors plus the one the
// project already names, and once it exists its indicators and what uses
// it.
type ProjectForm struct {
	Project    model.Project
	Donors     []model.Donor
	Indicators []model.Indicator
	Usage      Usage
}

// Project returns the page of project id, or of a new project (id 0).
func (s *Service) Project(ctx context.Context, actor model.Actor, id int64) (ProjectForm, error) {
	if err := may(actor); err != nil {
		return ProjectForm{}, err
	}
	var p model.Project
	if id != 0 {
		var err error
		if p, err = s.store.ProjectByID(ctx, id); err != nil {
			return ProjectForm{}, err
		}
	}
	return s.projectForm(ctx, p)
}

func (s *Service) projectForm(ctx context.Context, p model.Project) (ProjectForm, error) {
	f := ProjectForm{Project: p}
	all, err := s.store.Donors(ctx, true)
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
	if f.Indicators, err = s.store.Indicators(ctx, p.ID); err != nil {
		return f, err
	}
	f.Usage, err = s.usage(ctx, model.RefProject, p.ID, p.ArchivedAt != nil)
	return f, err
}

// codeTaken is the form's answer to a code that another project has.
func codeTaken() error {
	return &model.ValidationError{Fields: map[string]string{"code": "error.code_taken"}}
}

// SaveProject creates a project (id 0) or saves project id from the form.
// Its donor must be among the form's choices, and its code must differ
// from every other project's by more than case: reports and certificates
// print codes, and "Sphere II" next to "SPHERE II" would read as one
// project.
func (s *Service) SaveProject(ctx context.Context, actor model.Actor, id int64, in *model.ProjectInput) (model.Project, error) {
	if err := may(actor); err != nil {
		return model.Project{}, err
	}
	var p model.Project
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if id != 0 {
			if p, err = s.store.ProjectByID(ctx, id); err != nil {
				return err
			}
		}
		f, err := s.projectForm(ctx, p)
		if err != nil {
			return err
		}
		if err := in.Validate(ids(f.Donors, func(d model.Donor) int64 { return d.ID })); err != nil {
			return err
		}
		if taken, err := s.store.ProjectCodeTaken(ctx, in.Code, id); err != nil {
			return err
		} else if taken {
			return codeTaken()
		}
		before := model.ProjectInputOf(p)
		in.Apply(&p)
		if id == 0 {
			err = s.store.CreateProject(ctx, &p)
		} else {
			err = s.store.UpdateProject(ctx, &p)
		}
		if errors.Is(err, model.ErrConflict) {
			// The database's own unique index caught a code saved meanwhile.
			return codeTaken()
		} else if err != nil {
			return err
		}
		return s.saved(ctx, actor, model.RefProject, id == 0, p.ID, changed(before, model.ProjectInputOf(p)))
	})
	return p, err
}
