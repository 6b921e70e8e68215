package web

import (
	"errors"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/notify"
	"github.com/traindesk/traindesk/views/messages"
)

// letterheadRoutes registers the administrator's letterhead form, whose
// post carries two images of up to 2 MB each.
func (s *Server) letterheadRoutes(app area) {
	admin := app.with(s.require(auth.ManageMessaging))
	admin.GET("/admin/letterhead", s.letterheadPage)
	admin.POST("/admin/letterhead", s.letterheadSave)
	s.bodyLimits["POST /admin/letterhead"] = 2*model.MaxLetterheadImage + 64<<10
}

func (s *Server) letterheadPage(c echo.Context) error {
	head, err := s.Notify.LetterheadSettings(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, messages.Letterhead(head, nil))
}

func (s *Server) letterheadSave(c echo.Context) error {
	in := notify.LetterheadInput{OrgEn: c.FormValue("org_en"), OrgAr: c.FormValue("org_ar")}
	for field, dst := range map[string]*[]byte{"logo": &in.Logo, "footer": &in.Footer} {
		b, tooLarge := formImage(c, field)
		*dst = b
		if tooLarge {
			in.TooLarge = append(in.TooLarge, field)
		}
	}
	head, err := s.Notify.SaveLetterhead(c.Request().Context(), actorOf(c), in)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return s.render(c, http.StatusUnprocessableEntity, messages.Letterhead(head, ve.Fields))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "letterhead.saved")
	return c.Redirect(http.StatusSeeOther, "/admin/letterhead")
}

// formImage reads an uploaded image: nil when none was chosen, tooLarge
// when it exceeds the limit.
func formImage(c echo.Context, field string) (b []byte, tooLarge bool) {
	fh, err := c.FormFile(field)
	if err != nil {
		var mbe *http.MaxBytesError
		return nil, errors.As(err, &mbe)
	}
	if fh.Size > model.MaxLetterheadImage {
		return nil, true
	}
	f, err := fh.Open()
	if err != nil {
		return []byte{}, false
	}
	defer f.Close()
	b, err = io.ReadAll(io.LimitReader(f, model.MaxLetterheadImage+1))
	if err != nil || b == nil {
		return []byte{}, false
	}
	return b, false
}
