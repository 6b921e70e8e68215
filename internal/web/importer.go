package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/views/components"
	"github.com/traindesk/traindesk/views/training"
)

// importBodyLimit lets a nomination list of roster.MaxFileSize through
// with room for the multipart envelope; anything larger is refused early.
const importBodyLimit = roster.MaxFileSize + 256<<10

func (s *Server) importRoutes(ed area) {
	s.bodyLimits["POST /trainings/:id/import"] = importBodyLimit
	ed.GET("/trainings/:id/import", s.importForm)
	ed.POST("/trainings/:id/import", s.importUpload)
	ed.GET("/trainings/:id/import/:uid", s.importMapping)
	ed.POST("/trainings/:id/import/:uid/mapping", s.importSaveMapping)
	ed.POST("/trainings/:id/import/:uid/reading", s.importSaveReading)
	ed.GET("/trainings/:id/import/:uid/preview", s.importPreview)
	ed.POST("/trainings/:id/import/:uid/confirm", s.importConfirm)
	ed.GET("/import/template.csv", s.importTemplateCSV)
	ed.GET("/import/template.xlsx", s.importTemplateXLSX)
}

// uploadProps is the upload step for training t, with an error key.
func uploadProps(t model.Training, key string, args ...any) training.ImportUploadProps {
	return training.ImportUploadProps{T: t, MaxMB: roster.MaxFileSize >> 20, MaxRows: roster.MaxRows, Error: key, ErrorArgs: args}
}

func (s *Server) importForm(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	t, err := s.Roster.ImportTraining(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.ImportUpload(uploadProps(t, "")))
}

// uploadedFile reads the posted list; key is the message when there is
// none to read.
func uploadedFile(c echo.Context) (name string, data []byte, key string) {
	fh, err := c.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "", nil, "import.too_large"
		}
		return "", nil, "import.no_file"
	}
	if fh.Size > roster.MaxFileSize {
		return "", nil, "import.too_large"
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, "import.no_file"
	}
	defer f.Close()
	data, err = io.ReadAll(io.LimitReader(f, roster.MaxFileSize+1))
	if err != nil {
		return "", nil, "import.corrupt"
	}
	return fh.Filename, data, ""
}

func (s *Server) importUpload(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	name, data, key := uploadedFile(c)
	if key != "" {
		t, err := s.Roster.ImportTraining(ctx, actorOf(c), id)
		if err != nil {
			return err
		}
		var args []any
		if key == "import.too_large" {
			args = []any{roster.MaxFileSize >> 20}
		}
		return s.render(c, http.StatusUnprocessableEntity, training.ImportUpload(uploadProps(t, key, args...)))
	}
	u, t, err := s.Roster.Upload(ctx, actorOf(c), id, name, data)
	var fe *roster.FileError
	if errors.As(err, &fe) {
		return s.render(c, http.StatusUnprocessableEntity, training.ImportUpload(uploadProps(t, fe.Key, fe.Args...)))
	} else if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, importURL(id, u.ID, ""))
}

func importURL(tid, uid int64, step string) string {
	u := "/trainings/" + strconv.FormatInt(tid, 10) + "/import/" + strconv.FormatInt(uid, 10)
	if step != "" {
		u += "/" + step
	}
	return u
}

// importParams reads the training and the kept list of an import step.
func importParams(c echo.Context) (int64, int64, error) {
	tid, err := idParam(c, "id")
	if err != nil {
		return 0, 0, err
	}
	uid, err := idParam(c, "uid")
	return tid, uid, err
}

func (s *Server) importMapping(c echo.Context) error {
	tid, uid, err := importParams(c)
	if err != nil {
		return err
	}
	v, err := s.Roster.ImportColumns(c.Request().Context(), actorOf(c), tid, uid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.ImportMapping(training.ImportMappingProps{ImportColumns: v}))
}

func (s *Server) importSaveMapping(c echo.Context) error {
	tid, uid, err := importParams(c)
	if err != nil {
		return err
	}
	f, _ := c.FormParams()
	v, err := s.Roster.SetImportMapping(c.Request().Context(), actorOf(c), tid, uid, f["col"])
	var me *roster.MappingError
	if errors.As(err, &me) {
		return s.render(c, http.StatusUnprocessableEntity, training.ImportMapping(training.ImportMappingProps{ImportColumns: v}))
	} else if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, importURL(tid, uid, "preview"))
}

// importSaveReading reads the kept list again with the separator and the
// encoding the officer chose; a choice the file cannot be read with is
// shown beside the form, as chosen, with nothing kept.
func (s *Server) importSaveReading(c echo.Context) error {
	tid, uid, err := importParams(c)
	if err != nil {
		return err
	}
	v, err := s.Roster.SetImportReading(c.Request().Context(), actorOf(c), tid, uid, c.FormValue("separator"), c.FormValue("encoding"))
	var fe *roster.FileError
	var ve *model.ValidationError
	if errors.As(err, &fe) || errors.As(err, &ve) {
		return s.render(c, http.StatusUnprocessableEntity, training.ImportMapping(training.ImportMappingProps{ImportColumns: v}))
	} else if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, importURL(tid, uid, ""))
}

func (s *Server) importPreview(c echo.Context) error {
	tid, uid, err := importParams(c)
	if err != nil {
		return err
	}
	v, err := s.Roster.ImportPreview(c.Request().Context(), actorOf(c), tid, uid)
	if errors.Is(err, roster.ErrMappingIncomplete) {
		return c.Redirect(http.StatusSeeOther, importURL(tid, uid, ""))
	} else if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.ImportPreview(training.ImportPreviewProps{Names: components.Names{Refs: v.Refs},
		ImportPreview: v}))
}

// importActions reads the action chosen for each line ("a<line>").
func importActions(c echo.Context) map[int]string {
	f, _ := c.FormParams()
	out := map[int]string{}
	for k, v := range f {
		rest, ok := strings.CutPrefix(k, "a")
		if line, err := strconv.Atoi(rest); ok && err == nil && len(v) > 0 {
			out[line] = v[0]
		}
	}
	return out
}

func (s *Server) importConfirm(c echo.Context) error {
	tid, uid, err := importParams(c)
	if err != nil {
		return err
	}
	res, err := s.Roster.ConfirmImport(c.Request().Context(), actorOf(c), tid, uid, importActions(c),
		model.RegistrationStatus(c.FormValue("as")), basisInput(c))
	props := training.ImportPreviewProps{Names: components.Names{Refs: res.Preview.Refs}, ImportPreview: res.Preview}
	var bad *roster.BadActionsError
	var ie *model.ImportError
	var ve *model.ValidationError
	switch {
	case errors.As(err, &ve):
		props.BasisErrors = ve.Fields
		return s.render(c, http.StatusUnprocessableEntity, training.ImportPreview(props))
	case errors.As(err, &bad):
		props.Error, props.ErrorArgs = "import.error.bad_action", []any{bad.Count}
		return s.render(c, http.StatusUnprocessableEntity, training.ImportPreview(props))
	case errors.As(err, &ie):
		key, args, ok := s.registrationError(c, ie.Err)
		if !ok {
			return err
		}
		props.Error, props.ErrorArgs, props.ErrorLine = key, args, ie.Line
		return s.render(c, http.StatusConflict, training.ImportPreview(props))
	case err != nil:
		return err
	}
	return s.render(c, http.StatusOK, training.ImportDone(training.ImportDoneProps{ImportDone: res.Done}))
}

func (s *Server) importTemplateCSV(c echo.Context) error {
	c.Response().Header().Set("Content-Disposition", `attachment; filename="nomination-list-template.csv"`)
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", roster.TemplateCSV())
}

func (s *Server) importTemplateXLSX(c echo.Context) error {
	b, err := roster.TemplateXLSX()
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="nomination-list-template.xlsx"`)
	return c.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b)
}
