package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/views/components"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/person"
)

// mergeProps builds the merge screen for dup: search results for q (or,
// without a search, dup's likely duplicates) and, when into names a live
// person, both side by side with the trainings they share.
func (s *Server) mergeProps(c echo.Context, dup model.Person, q string, into *int64) (person.MergeProps, error) {
	ctx := c.Request().Context()
	refs, err := s.Store.AllRefs(ctx)
	if err != nil {
		return person.MergeProps{}, err
	}
	p := person.MergeProps{Names: components.Names{Refs: refs}, Dup: dup, Query: strings.TrimSpace(q)}
	if p.DupHistory, err = s.Store.PersonHistory(ctx, dup.ID); err != nil {
		return p, err
	}
	if p.Query != "" {
		f := personFilter(c.QueryParams())
		f.Limit = 25
		rows, _, err := s.Store.Persons(ctx, f)
		if err != nil {
			return p, err
		}
		for _, r := range rows {
			if r.ID != dup.ID {
				p.Choices = append(p.Choices, person.Choice{Person: r.Person})
			}
		}
	} else {
		p.Suggested = true
		matches, err := s.personMatches(c, dup, nil)
		if err != nil {
			return p, err
		}
		for _, m := range matches {
			p.Choices = append(p.Choices, person.Choice{Person: m.Person, Score: m.Score, Reasons: m.Reasons})
		}
	}
	if into == nil || *into == dup.ID {
		return p, nil
	}
	survivor, err := s.Store.Person(ctx, *into)
	if err != nil || survivor.MergedIntoID != nil {
		// A stale or forged choice shows the screen without a survivor.
		return p, nil
	}
	p.Survivor = &survivor
	if p.SurvivorHistory, err = s.Store.PersonHistory(ctx, survivor.ID); err != nil {
		return p, err
	}
	p.Clashes, err = s.Store.MergeClashes(ctx, dup.ID, survivor.ID)
	return p, err
}

func (s *Server) personMergeForm(c echo.Context) error {
	dup, err := s.personParam(c)
	if err != nil {
		return err
	}
	if dup.MergedIntoID != nil {
		return s.refuseMerged(c, dup)
	}
	p, err := s.mergeProps(c, dup, c.QueryParam("q"), optInt64(c.QueryParam("into")))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, person.Merge(p))
}

// personMerge merges the person in :id (the duplicate) into the one named
// by "into" (the survivor). A refusal because both are on one training
// re-renders the screen with the clashing trainings and 409.
func (s *Server) personMerge(c echo.Context) error {
	dup, err := s.personParam(c)
	if err != nil {
		return err
	}
	into := optInt64(c.FormValue("into"))
	if into == nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	if dup.MergedIntoID != nil {
		return s.refuseMerged(c, dup)
	}
	ctx := c.Request().Context()
	survivor, err := s.Store.Person(ctx, *into)
	if err != nil {
		return err
	}
	m, err := s.Store.MergePersons(ctx, dup.ID, survivor.ID, actor(c))
	var ce *model.MergeClashError
	switch {
	case errors.As(err, &ce):
		p, err := s.mergeProps(c, dup, "", into)
		if err != nil {
			return err
		}
		p.Clashes = ce.Trainings
		return s.render(c, http.StatusConflict, person.Merge(p))
	case errors.Is(err, model.ErrAlreadyMerged), errors.Is(err, model.ErrMergeSelf):
		s.addFlash(c, "bad", "registry.error.merge_stale")
		return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(dup.ID, 10)+"/merge")
	case err != nil:
		return err
	}
	s.audit(c, actor(c), "person_merge", "person", dup.ID, map[string]any{"into": survivor.ID, "merge": m.ID,
		"registrations": m.MovedRegistrations})
	s.addFlash(c, "ok", "registry.merged", bothNames(dup), bothNames(survivor))
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(survivor.ID, 10))
}

// personMergeUndo reverses a merge; the refusals are explained on the
// merged person's page.
func (s *Server) personMergeUndo(c echo.Context) error {
	mid, err := idParam(c, "mid")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	m, err := s.Store.PersonMergeByID(ctx, mid)
	if err != nil {
		return err
	}
	back := "/persons/" + strconv.FormatInt(m.MergedID, 10)
	_, err = s.Store.UndoMerge(ctx, m.ID, actor(c))
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
		s.audit(c, actor(c), "person_merge_undo", "person", m.MergedID, map[string]any{"from": m.SurvivorID, "merge": m.ID,
			"registrations": m.MovedRegistrations})
		s.addFlash(c, "ok", "registry.merge_undone")
	}
	return c.Redirect(http.StatusSeeOther, back)
}
