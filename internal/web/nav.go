package web

import (
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/layout"
)

// navEntry is one item of the navigation and who sees it.
type navEntry struct {
	href, icon, label string
	perm              auth.Action // "" means every signed-in user
}

var navEntries = []navEntry{
	{"/", "layout-dashboard", "nav.dashboard", ""},
	{"/trainings", "calendar-days", "nav.trainings", ""},
	{"/persons", "users", "nav.persons", auth.ViewPersons},
	{"/reports", "chart-column", "nav.reports", auth.ViewReports},
	{"/reference", "building-2", "nav.reference", auth.EditReference},
	{"/admin/users", "users", "nav.users", auth.ManageUsers},
	{"/admin/audit", "history", "nav.audit", auth.ViewAudit},
	{"/admin/outbox", "mail", "nav.outbox", auth.ManageMessaging},
	{"/admin/letterhead", "file-text", "nav.letterhead", auth.ManageMessaging},
	{"/admin/privacy", "shield", "nav.privacy", auth.PersonalData},
	{"/calendar", "calendar-plus", "nav.calendar", auth.MarkAttendance},
}

// navFor lists the navigation u's role sees, marking the section of path.
func navFor(u *model.User, path string) []layout.NavItem {
	var out []layout.NavItem
	for _, n := range navEntries {
		if n.perm != "" && !auth.Can(u.Role, n.perm) {
			continue
		}
		active := path == n.href || (n.href != "/" && strings.HasPrefix(path, n.href+"/"))
		out = append(out, layout.NavItem{Href: n.href, Icon: n.icon, LabelKey: n.label, Active: active})
	}
	return out
}
