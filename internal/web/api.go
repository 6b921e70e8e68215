package web

import (
	_ "embed"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// keyToken holds the grant of a request that came with an API token.
const keyToken = "api_token"

// tokenRoutes are the only routes that accept a personal API token: the
// API's reads of trainings and reports. The roll call's own API (the
// roster with its check-in codes, the sync of marks) stays with the
// signed-in trainer, and no page or change ever takes a token.
var tokenRoutes = map[string]bool{
	"/api/v1/trainings":     true,
	"/api/v1/trainings/:id": true,
	"/api/v1/reports/donor": true,
}

// apiRoutes registers the trainings API and its OpenAPI document.
func (s *Server) apiRoutes(e *echo.Echo, app area) {
	e.GET("/api/v1/openapi.json", s.openAPI)
	app.GET("/api/v1/trainings", s.apiTrainings)
	app.GET("/api/v1/trainings/:id", s.apiTraining)
}

// bearer recognises "Authorization: Bearer <token>" on the token routes
// and acts as the token's user for that request. A token that is not
// accepted is a 401 even when a session cookie came along; elsewhere the
// header is ignored, so a token never opens a page or makes a change.
func (s *Server) bearer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		scheme, secret, found := strings.Cut(h, " ")
		m := c.Request().Method
		if !found || !strings.EqualFold(scheme, "Bearer") || !tokenRoutes[c.Path()] || (m != http.MethodGet && m != http.MethodHead) {
			return next(c)
		}
		actor, wait, err := s.Tokens.Authenticate(c.Request().Context(), strings.TrimSpace(secret), c.Path(), c.RealIP())
		switch {
		case errors.Is(err, auth.ErrTokenInvalid):
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer error="invalid_token"`)
			return c.JSON(http.StatusUnauthorized, apiError{Error: "the token is unknown, expired or revoked", Status: http.StatusUnauthorized})
		case errors.Is(err, auth.ErrTokenRate):
			c.Response().Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
			return c.JSON(http.StatusTooManyRequests, apiError{Error: "too many requests with this token; wait for the next minute", Status: http.StatusTooManyRequests})
		case err != nil:
			return err
		}
		u := actor.User
		c.Set(keyUser, &u)
		c.Set(keyLogin, (*model.Login)(nil))
		c.Set(keyToken, actor.Token)
		return next(c)
	}
}

// tokenOf returns the grant of a request made with a token, or nil.
func tokenOf(c echo.Context) *model.TokenGrant {
	g, _ := c.Get(keyToken).(*model.TokenGrant)
	return g
}

// apiTrainings is GET /api/v1/trainings: the trainings the caller may see,
// filtered like the list (status, project code, from, to) and paginated.
func (s *Server) apiTrainings(c echo.Context) error {
	q := model.APITrainingQuery{Status: c.QueryParam("status"), Project: c.QueryParam("project"), From: c.QueryParam("from"),
		To: c.QueryParam("to"), Page: c.QueryParam("page"), PerPage: c.QueryParam("per_page")}
	out, err := s.Trainings.APIList(c.Request().Context(), actorOf(c), q)
	if err != nil {
		return apiFail(c, err)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// apiTraining is GET /api/v1/trainings/{id}: one training the caller may
// see, with its sessions and counts, and its participants only for a
// caller allowed personal data.
func (s *Server) apiTraining(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	out, err := s.Trainings.APITraining(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return apiFail(c, err)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, out)
}

// apiFail answers field errors as a 400 naming each parameter (in
// English, for the people who write integrations); other errors go to the
// error handler, which answers /api/ in JSON.
func apiFail(c echo.Context, err error) error {
	fields := model.FieldErrors(err)
	if fields == nil {
		return err
	}
	en := i18n.New(i18n.EN)
	msgs := map[string]string{}
	for k, key := range fields {
		msgs[k] = en.T(key)
	}
	return c.JSON(http.StatusBadRequest, apiError{Error: http.StatusText(http.StatusBadRequest), Status: http.StatusBadRequest, Fields: msgs})
}

// openAPIDoc is the API's description, written by hand next to the
// handlers it describes; a test keeps the two in step.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves the OpenAPI 3 document; it holds no data, so anyone may
// read it.
func (s *Server) openAPI(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "public, max-age=3600")
	return c.Blob(http.StatusOK, "application/json", openAPIDoc)
}
