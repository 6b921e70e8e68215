package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/views/components"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/roster/nomination"
	"github.com/traindesk/traindesk/views/training"
)

// importBodyLimit lets a nomination list of nomination.MaxFileSize through
// with room for the multipart envelope; anything larger is refused early.
const importBodyLimit = nomination.MaxFileSize + 256<<10

func (s *Server) importRoutes(ed area) {
	s.bodyLimits["POST /trainings/:id/import"] = importBodyLimit
	ed.GET("/trainings/:id/import", s.importForm)
	ed.POST("/trainings/:id/import", s.importUpload)
	ed.GET("/trainings/:id/import/:uid", s.importMapping)
	ed.POST("/trainings/:id/import/:uid/mapping", s.importSaveMapping)
	ed.GET("/trainings/:id/import/:uid/preview", s.importPreview)
	ed.POST("/trainings/:id/import/:uid/confirm", s.importConfirm)
	ed.GET("/import/template.csv", s.importTemplateCSV)
	ed.GET("/import/template.xlsx", s.importTemplateXLSX)
}

func (s *Server) importForm(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.ImportUpload(training.ImportUploadProps{T: d.Training}))
}

func (s *Server) importUpload(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	fail := func(key string, args ...any) error {
		return s.render(c, http.StatusUnprocessableEntity, training.ImportUpload(training.ImportUploadProps{T: d.Training, Error: key, ErrorArgs: args}))
	}
	fh, err := c.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return fail("import.too_large", nomination.MaxFileSize>>20)
		}
		return fail("import.no_file")
	}
	if fh.Size > nomination.MaxFileSize {
		return fail("import.too_large", nomination.MaxFileSize>>20)
	}
	f, err := fh.Open()
	if err != nil {
		return fail("import.no_file")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, nomination.MaxFileSize+1))
	if err != nil {
		return fail("import.corrupt")
	}
	table, err := nomination.Read(fh.Filename, data)
	var ne *nomination.Error
	if errors.As(err, &ne) {
		return fail(ne.Key, ne.Args...)
	} else if err != nil {
		return err
	}
	u := model.Upload{TrainingID: d.ID, UserID: actor(c), FileName: fh.Filename, Kind: table.Kind, Content: data,
		Mapping: mappingString(nomination.GuessMappingWithData(table))}
	ctx := c.Request().Context()
	s.Store.PurgeUploads(ctx)
	if err := s.Store.SaveUpload(ctx, &u); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, importURL(d.ID, u.ID, ""))
}

func importURL(tid, uid int64, step string) string {
	u := "/trainings/" + strconv.FormatInt(tid, 10) + "/import/" + strconv.FormatInt(uid, 10)
	if step != "" {
		u += "/" + step
	}
	return u
}

func mappingString(m nomination.Mapping) string {
	parts := make([]string, len(m))
	for i, f := range m {
		parts[i] = string(f)
	}
	return strings.Join(parts, ",")
}

// loadUpload reads the training, its kept list and the list's table.
func (s *Server) loadUpload(c echo.Context) (model.TrainingDetail, model.Upload, *nomination.Table, nomination.Mapping, error) {
	d, err := s.visibleTraining(c)
	if err != nil {
		return d, model.Upload{}, nil, nil, err
	}
	uid, err := idParam(c, "uid")
	if err != nil {
		return d, model.Upload{}, nil, nil, err
	}
	u, err := s.Store.Upload(c.Request().Context(), d.ID, uid)
	if err != nil {
		return d, u, nil, nil, err
	}
	table, err := nomination.Read(u.FileName, u.Content)
	if err != nil {
		return d, u, nil, nil, err
	}
	return d, u, table, nomination.ParseMapping(strings.Split(u.Mapping, ",")), nil
}

func (s *Server) importMapping(c echo.Context) error {
	d, u, table, m, err := s.loadUpload(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.ImportMapping(training.ImportMappingProps{T: d.Training, Upload: u, Table: table, Mapping: m}))
}

func (s *Server) importSaveMapping(c echo.Context) error {
	d, u, table, _, err := s.loadUpload(c)
	if err != nil {
		return err
	}
	f, _ := c.FormParams()
	m := nomination.ParseMapping(f["col"])
	if problems := m.Validate(); len(problems) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, training.ImportMapping(training.ImportMappingProps{T: d.Training,
			Upload: u, Table: table, Mapping: m, Problems: problems}))
	}
	if err := s.Store.SetUploadMapping(c.Request().Context(), u.ID, mappingString(m)); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, importURL(d.ID, u.ID, "preview"))
}

// plan reads the rows through the mapping and matches them against the
// registry and the training's roster.
func (s *Server) plan(c echo.Context, d model.TrainingDetail, table *nomination.Table, m nomination.Mapping) ([]roster.PlanRow, model.Refs, int, error) {
	ctx := c.Request().Context()
	refs, err := s.Store.AllRefs(ctx)
	if err != nil {
		return nil, refs, 0, err
	}
	people, err := s.Store.AllCandidates(ctx)
	if err != nil {
		return nil, refs, 0, err
	}
	pool := make([]roster.Candidate, len(people))
	for i, p := range people {
		pool[i] = roster.CandidateOf(p)
	}
	current, err := s.Store.Roster(ctx, d.ID)
	if err != nil {
		return nil, refs, 0, err
	}
	registered, live := map[int64]bool{}, 0
	for _, r := range current {
		registered[r.PersonID] = true
		if r.Status != model.RegWithdrawn {
			live++
		}
	}
	var agencies, stations []roster.RefName
	for _, a := range refs.Agencies {
		agencies = append(agencies, roster.RefName{ID: a.ID, Names: []string{a.NameEn, a.NameAr, a.ShortName}})
	}
	for _, st := range refs.Stations {
		stations = append(stations, roster.RefName{ID: st.ID, Names: []string{st.NameEn, st.NameAr}})
	}
	rows := roster.Plan(roster.PlanInput{Rows: nomination.Rows(table, m), Index: roster.NewIndex(pool),
		Agencies: agencies, Stations: stations, DefaultAgency: d.AgencyID, Registered: registered})
	return rows, refs, max(d.Capacity-live, 0), nil
}

func (s *Server) importPreview(c echo.Context) error {
	d, u, table, m, err := s.loadUpload(c)
	if err != nil {
		return err
	}
	if problems := m.Validate(); len(problems) > 0 {
		return c.Redirect(http.StatusSeeOther, importURL(d.ID, u.ID, ""))
	}
	rows, refs, free, err := s.plan(c, d, table, m)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.ImportPreview(training.ImportPreviewProps{Names: components.Names{Refs: refs},
		T: d.Training, Upload: u, Rows: rows, Free: free}))
}

func (s *Server) importConfirm(c echo.Context) error {
	d, u, table, m, err := s.loadUpload(c)
	if err != nil {
		return err
	}
	rows, refs, free, err := s.plan(c, d, table, m)
	if err != nil {
		return err
	}
	for i := range rows {
		if a := c.FormValue("a" + strconv.Itoa(rows[i].Line)); a != "" {
			rows[i].Action = a
		}
	}
	items, bad := s.importItems(c, rows)
	props := training.ImportPreviewProps{Names: components.Names{Refs: refs}, T: d.Training, Upload: u, Rows: rows, Free: free}
	if bad != 0 {
		props.Error, props.ErrorArgs = "import.error.bad_action", []any{bad}
		return s.render(c, http.StatusUnprocessableEntity, training.ImportPreview(props))
	}
	results, err := s.Store.ApplyImport(c.Request().Context(), d.ID, items, actor(c))
	var ie *model.ImportError
	if errors.As(err, &ie) {
		key, args, ok := s.registrationError(c, ie.Err)
		if !ok {
			return err
		}
		props.Error, props.ErrorArgs, props.ErrorLine = key, args, ie.Line
		return s.render(c, http.StatusConflict, training.ImportPreview(props))
	} else if err != nil {
		return err
	}
	s.Store.DeleteUpload(c.Request().Context(), u.ID)
	created := 0
	for _, r := range results {
		if r.Created {
			created++
		}
	}
	s.audit(c, actor(c), "import", "training", d.ID, map[string]any{"file": u.FileName, "rows": len(rows),
		"registered": len(results), "created": created})
	return s.render(c, http.StatusOK, training.ImportDone(training.ImportDoneProps{T: d.Training, FileName: u.FileName,
		Rows: rows, Results: results}))
}

// importItems turns the chosen actions into items to save, and counts the
// rows whose action cannot be carried out (a forged or stale form).
func (s *Server) importItems(c echo.Context, rows []roster.PlanRow) ([]model.ImportItem, int) {
	var items []model.ImportItem
	bad := 0
	for _, r := range rows {
		reg := model.Registration{Status: model.RegNominated, AgencyID: r.AgencyID, DutyStationID: r.StationID, Position: r.Position}
		switch {
		case r.Action == roster.ActionSkip:
		case r.Action == roster.ActionNew && r.OK():
			p := roster.NewPerson(r)
			items = append(items, model.ImportItem{Line: r.Line, New: &p, Reg: reg})
		case roster.LinkedID(r.Action) > 0:
			p, err := s.Store.Person(c.Request().Context(), roster.LinkedID(r.Action))
			if err != nil || p.MergedIntoID != nil {
				bad++
				continue
			}
			if reg.AgencyID == nil {
				reg.AgencyID = p.AgencyID
			}
			if reg.DutyStationID == nil {
				reg.DutyStationID = p.DutyStationID
			}
			if reg.Position == "" {
				reg.Position = p.Position
			}
			items = append(items, model.ImportItem{Line: r.Line, PersonID: p.ID, Reg: reg})
		default:
			bad++
		}
	}
	return items, bad
}

func (s *Server) importTemplateCSV(c echo.Context) error {
	c.Response().Header().Set("Content-Disposition", `attachment; filename="nomination-list-template.csv"`)
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", nomination.TemplateCSV())
}

func (s *Server) importTemplateXLSX(c echo.Context) error {
	b, err := nomination.TemplateXLSX()
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="nomination-list-template.xlsx"`)
	return c.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b)
}
