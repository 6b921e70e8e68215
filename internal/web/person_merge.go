package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/views/components"
	"github.com/traindesk/traindesk/views/person"
)

// mergeScreen renders the merge screen for the person in :id with status.
func (s *Server) mergeScreen(c echo.Context, status int, q roster.Query, into int64, clashes []model.MergeClash) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	v, err := s.Roster.MergeScreen(c.Request().Context(), actorOf(c), id, q, into)
	searchErr := model.FieldErrors(err)["q"]
	if errors.Is(err, model.ErrPersonMerged) {
		return s.refuseMerged(c, id)
	} else if err != nil && searchErr == "" {
		return err
	}
	if clashes != nil {
		v.Clashes = clashes
	}
	return s.render(c, status, person.Merge(person.MergeProps{Names: components.Names{Refs: v.Refs}, MergeView: v,
		SearchError: searchErr}))
}

func (s *Server) personMergeForm(c echo.Context) error {
	var into int64
	if p := optInt64(c.QueryParam("into")); p != nil {
		into = *p
	}
	return s.mergeScreen(c, http.StatusOK, personQuery(c.QueryParams()), into, nil)
}

// personMerge merges the person in :id (the duplicate) into the one named
// by "into" (the survivor). A refusal because both are on one training
// re-renders the screen with the clashing trainings and 409.
func (s *Server) personMerge(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var into int64
	if p := optInt64(c.FormValue("into")); p != nil {
		into = *p
	}
	res, err := s.Roster.Merge(c.Request().Context(), actorOf(c), id, into)
	var ce *model.MergeClashError
	switch {
	case errors.Is(err, roster.ErrNoSurvivor):
		return echo.NewHTTPError(http.StatusBadRequest)
	case errors.Is(err, model.ErrPersonMerged):
		return s.refuseMerged(c, id)
	case errors.As(err, &ce):
		return s.mergeScreen(c, http.StatusConflict, roster.Query{}, into, ce.Trainings)
	case errors.Is(err, model.ErrAlreadyMerged), errors.Is(err, model.ErrMergeSelf):
		s.addFlash(c, "bad", "registry.error.merge_stale")
		return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(id, 10)+"/merge")
	case err != nil:
		return err
	}
	s.addFlash(c, "ok", "registry.merged", i18n.Isolate(bothNames(res.Dup)), i18n.Isolate(bothNames(res.Survivor)))
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(res.Survivor.ID, 10))
}

// personMergeUndo reverses a merge; the refusals are explained on the
// merged person's page.
func (s *Server) personMergeUndo(c echo.Context) error {
	mid, err := idParam(c, "mid")
	if err != nil {
		return err
	}
	m, err := s.Roster.UndoMerge(c.Request().Context(), actorOf(c), mid)
	switch {
	case errors.Is(err, model.ErrSurvivorMerged):
		s.addFlash(c, "bad", "registry.error.undo_survivor_merged")
	case errors.Is(err, model.ErrMergeUndone):
		s.addFlash(c, "bad", "registry.error.undo_done")
	case errors.Is(err, model.ErrRegistrationGone):
		s.addFlash(c, "bad", "registry.error.undo_moved")
	case err != nil:
		return err
	default:
		s.addFlash(c, "ok", "registry.merge_undone")
	}
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(m.MergedID, 10))
}
