// Package training renders the trainings screens: the list and calendar,
// the form, the training's page with its sessions and participants, and
// the printable sign-in sheet.
package training

import (
	"strconv"

	"github.com/a-h/templ"
)

func trainingURL(id int64, rest ...string) templ.SafeURL {
	u := "/trainings/" + strconv.FormatInt(id, 10)
	for _, r := range rest {
		u += "/" + r
	}
	return templ.SafeURL(u)
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }

func optID(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}
