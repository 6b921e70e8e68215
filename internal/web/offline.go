package web

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// shellAssets are what a tablet needs to show a roll call with no network:
// styles, scripts, fonts and icons. The PDF fonts stay on the server.
var shellAssets = []string{"css/app.css", "js/app.js", "js/tablet.js", "js/roll.js", "js/roll-find.js", "js/roll-photos.js",
	"vendor/htmx-2.0.11.min.js",
	"img/icons.svg", "img/favicon.svg", "fonts/plex-arabic-arabic-400.woff2", "fonts/plex-arabic-arabic-500.woff2",
	"fonts/plex-arabic-arabic-700.woff2", "fonts/plex-arabic-latin-400.woff2", "fonts/plex-arabic-latin-500.woff2",
	"fonts/plex-arabic-latin-700.woff2"}

// swScript is the service worker's source; serviceWorker fills in this
// build's shell and the texts of the page it shows when the offline copy
// may not be read.
//
//go:embed sw.js
var swScript string

// Headers that tell the tablet's offline machinery who is signed in and
// for how long (milliseconds), and the one its calls use to say whose
// they are.
const (
	headerSignInUser      = "X-Signin-User"
	headerSignInRemaining = "X-Signin-Remaining"
	headerForUser         = "X-Traindesk-User"
)

// serviceWorker serves /sw.js. It is generated so that it lists the
// fingerprinted assets of this build; a new build changes the script, and
// browsers then install the new worker and drop the old shell cache.
func (s *Server) serviceWorker(c echo.Context) error {
	var urls []string
	for _, a := range shellAssets {
		urls = append(urls, s.Assets.URL(a))
		if strings.HasPrefix(a, "fonts/") {
			urls = append(urls, "/assets/"+a) // the stylesheet asks for fonts by their plain names
		}
	}
	list, _ := json.Marshal(urls)
	texts := map[i18n.Lang]map[string]string{}
	for _, l := range i18n.Langs {
		loc := i18n.New(l)
		texts[l] = map[string]string{"title": loc.T("offline.signin_title"), "text": loc.T("offline.signin_text"),
			"action": loc.T("offline.signin_action"), "dir": l.Dir()}
	}
	words, _ := json.Marshal(texts)
	sum := sha256.Sum256(append(list, words...))
	body := strings.NewReplacer("__VERSION__", hex.EncodeToString(sum[:6]), "__SHELL__", string(list),
		"__TEXTS__", string(words)).Replace(swScript)
	h := c.Response().Header()
	h.Set("Cache-Control", "no-cache")
	return c.Blob(http.StatusOK, "text/javascript; charset=utf-8", []byte(body))
}

// tellSignIn puts on every signed-in answer whose sign-in it is and how
// long it lasts. The service worker keeps both on the tablet, reads the
// offline copy only while they hold (also with no network), and drops the
// copy when another user signs in.
func (s *Server) tellSignIn(c echo.Context, u model.User, l model.Login) {
	h := c.Response().Header()
	h.Set(headerSignInUser, strconv.FormatInt(u.ID, 10))
	h.Set(headerSignInRemaining, strconv.FormatInt(s.Sessions.Remaining(l).Milliseconds(), 10))
}

// sameUser refuses, with 409, a call made for another user than the one
// signed in: a tablet's queued marks belong to whoever made them and are
// sent only under that user's sign-in, even if someone else signed in on
// the same tablet in the meantime. A call that names no user is let
// through.
func (s *Server) sameUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		want := c.Request().Header.Get(headerForUser)
		if u := currentUser(c); u != nil && want != "" && want != strconv.FormatInt(u.ID, 10) {
			return echo.NewHTTPError(http.StatusConflict)
		}
		return next(c)
	}
}
