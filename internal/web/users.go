package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/admin"
)

// idParam reads a numeric path parameter; anything else is a 404.
func idParam(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.NewHTTPError(http.StatusNotFound)
	}
	return id, nil
}

func (s *Server) userList(c echo.Context) error {
	us, err := s.Users.List(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, admin.Users(admin.UserList{Users: us, MeID: currentUser(c).ID, Location: s.Location}))
}

func (s *Server) userNew(c echo.Context) error {
	return s.render(c, http.StatusOK, admin.UserEdit(admin.UserForm{Role: string(model.RoleProgramOfficer), Active: true}))
}

func userInput(c echo.Context) model.UserInput {
	return model.UserInput{
		Email:    c.FormValue("email"),
		Name:     c.FormValue("name"),
		Role:     model.Role(c.FormValue("role")),
		Password: c.FormValue("password"),
	}
}

func (s *Server) userCreate(c echo.Context) error {
	in := userInput(c)
	u, generated, err := s.Users.Create(c.Request().Context(), actorOf(c), in)
	if fe := model.FieldErrors(err); fe != nil {
		return s.render(c, http.StatusUnprocessableEntity, admin.UserEdit(admin.UserForm{
			Email: in.Email, Name: in.Name, Role: string(in.Role), Active: true, Errors: fe}))
	} else if err != nil {
		return err
	}
	if generated != "" {
		return s.render(c, http.StatusOK, admin.PasswordShown(u, generated, true))
	}
	s.addFlash(c, "ok", "users.created", u.Name)
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}

func (s *Server) userEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	u, err := s.Users.Get(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, admin.UserEdit(admin.UserForm{ID: u.ID, Email: u.Email, Name: u.Name,
		Role: string(u.Role), Active: u.Active, IsMe: u.ID == currentUser(c).ID}))
}

func (s *Server) userUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in := userInput(c)
	u, err := s.Users.Update(c.Request().Context(), actorOf(c), id, in)
	if fe := model.FieldErrors(err); fe != nil {
		old, _ := s.Users.Get(c.Request().Context(), actorOf(c), id)
		return s.render(c, http.StatusUnprocessableEntity, admin.UserEdit(admin.UserForm{ID: id, Email: in.Email,
			Name: in.Name, Role: string(in.Role), Active: old.Active, IsMe: id == currentUser(c).ID, Errors: fe}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "users.saved", u.Name)
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}

func (s *Server) userResetPassword(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	u, pw, err := s.Users.ResetPassword(c.Request().Context(), actorOf(c), id, "")
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, admin.PasswordShown(u, pw, false))
}

func (s *Server) userSetActive(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	active := c.FormValue("active") == "true"
	u, err := s.Users.SetActive(c.Request().Context(), actorOf(c), id, active)
	switch {
	case errors.Is(err, auth.ErrSelf):
		s.addFlash(c, "bad", "users.cannot_disable_self")
	case errors.Is(err, auth.ErrLastAdmin):
		s.addFlash(c, "bad", "error.last_admin")
	case err != nil:
		return err
	case active:
		s.addFlash(c, "ok", "users.enabled", u.Name)
	default:
		s.addFlash(c, "ok", "users.disabled_msg", u.Name)
	}
	return c.Redirect(http.StatusSeeOther, "/admin/users")
}
