package auth

import "github.com/traindesk/traindesk/internal/model"

// Permission names something a role may do.
type Permission string

// Permissions checked by the web layer.
const (
	ManageUsers     Permission = "manage_users"
	ViewAudit       Permission = "view_audit"
	EditReference   Permission = "edit_reference"
	EditTrainings   Permission = "edit_trainings"
	ViewAllTraining Permission = "view_all_trainings"
	ViewPersons     Permission = "view_persons"
	EditPersons     Permission = "edit_persons"
	ViewReports     Permission = "view_reports"
	CorrectMarks    Permission = "correct_marks"
)

var grants = map[model.Role][]Permission{
	model.RoleAdmin: {ManageUsers, ViewAudit, EditReference, EditTrainings, ViewAllTraining,
		ViewPersons, EditPersons, ViewReports, CorrectMarks},
	model.RoleProgramOfficer: {EditReference, EditTrainings, ViewAllTraining, ViewPersons,
		EditPersons, ViewReports, CorrectMarks},
	model.RoleManager: {ViewAllTraining, ViewPersons, ViewReports},
	model.RoleTrainer: {},
}

// Can reports whether role has permission p.
func Can(role model.Role, p Permission) bool {
	for _, g := range grants[role] {
		if g == p {
			return true
		}
	}
	return false
}
