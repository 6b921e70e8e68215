package auth

import (
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// Action names something a user may or may not do. Actions on a training
// (and on everything inside it: its sessions, registrations, marks, scores
// and certificates) take the training as their object.
type Action string

// The actions traindesk decides on. Every service and handler asks Allow.
const (
	ManageUsers     Action = "manage_users"       // create, change, disable accounts
	ViewAudit       Action = "view_audit"         // read the audit log
	EditReference   Action = "edit_reference"     // donors, projects, agencies, stations, areas
	EditTrainings   Action = "edit_trainings"     // plan, change, register, import, issue certificates
	ViewAllTraining Action = "view_all_trainings" // see every training, not only one's own
	ViewTraining    Action = "view_training"      // see this training (object: the training)
	MarkAttendance  Action = "mark_attendance"    // take the roll of this training (object: the training)
	EditScores      Action = "edit_scores"        // enter test scores and ratings (object: the training)
	CorrectMarks    Action = "correct_marks"      // correct a mark from the office
	ViewPersons     Action = "view_persons"       // the participant registry
	EditPersons     Action = "edit_persons"       // create, change, merge persons
	ViewReports     Action = "view_reports"       // donor reports and their exports
	AddEvidence     Action = "add_evidence"       // attach evidence files (object: the training)
	PersonalData    Action = "personal_data"      // erase a person, download all that is held about them
	ManageMessaging Action = "manage_messaging"   // the outbox (retry, cancel) and the letterhead
)

// Permission is the former name of Action, kept while callers move over.
type Permission = Action

// Object is what an action is done to. The zero Object stands for "no
// particular object": the answer is then the role's alone.
type Object struct {
	// Facilitators are the users who facilitate the training the object
	// belongs to; a trainer acts only on trainings listed here.
	Facilitators []int64
}

// TrainingObject is the object for actions on a training and its contents.
func TrainingObject(facilitators []int64) Object { return Object{Facilitators: facilitators} }

// grants lists what each role may do on any object.
var grants = map[model.Role][]Action{
	model.RoleAdmin: {ManageUsers, ViewAudit, EditReference, EditTrainings, ViewAllTraining, ViewTraining,
		MarkAttendance, EditScores, CorrectMarks, ViewPersons, EditPersons, ViewReports, AddEvidence, PersonalData,
		ManageMessaging},
	model.RoleProgramOfficer: {EditReference, EditTrainings, ViewAllTraining, ViewTraining, MarkAttendance,
		EditScores, CorrectMarks, ViewPersons, EditPersons, ViewReports, AddEvidence},
	model.RoleManager: {ViewAllTraining, ViewTraining, ViewPersons, ViewReports},
	model.RoleTrainer: {},
}

// facilitatorGrants lists what a trainer may do on a training they
// facilitate: the facilitator rule, written once.
var facilitatorGrants = []Action{ViewTraining, MarkAttendance, EditScores, AddEvidence}

// Allow answers the one question of the access policy: may user u do a to
// o? A disabled user may do nothing. The marking window (when a trainer may
// still mark) is attendance's rule, not a question of who.
func Allow(u model.User, a Action, o Object) bool {
	if u.ID == 0 || !u.Active {
		return false
	}
	if has(grants[u.Role], a) {
		return true
	}
	if u.Role == model.RoleTrainer && has(facilitatorGrants, a) {
		for _, id := range o.Facilitators {
			if id == u.ID {
				return true
			}
		}
	}
	return false
}

// Can reports whether role may do a to any object, for menus and route
// guards that decide before an object is loaded. A trainer's actions on
// their own trainings are decided with Allow once the training is known.
func Can(role model.Role, a Action) bool { return has(grants[role], a) }

func has(as []Action, a Action) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}

// VisibleTrainings is which trainings u's lists show: every training for
// the roles that see all of them, only their own for trainers. It is the
// list form of Allow(u, ViewTraining, …), so the two cannot disagree.
func VisibleTrainings(u model.User) model.TrainingScope {
	if Allow(u, ViewAllTraining, Object{}) {
		return model.TrainingScope{All: true}
	}
	if u.Role == model.RoleTrainer && u.Active {
		return model.TrainingScope{FacilitatorID: u.ID}
	}
	return model.TrainingScope{}
}

// CheckTraining answers Allow for action a on training d, as services
// return it: nil when allowed; model.ErrNotFound when u may not even see
// the training (its existence is not revealed); model.ErrForbidden when u
// sees it but may not do a.
func CheckTraining(u model.User, a Action, d model.TrainingDetail) error {
	o := TrainingObject(d.FacilitatorIDs())
	if !Allow(u, ViewTraining, o) {
		return fmt.Errorf("training %d: %w", d.ID, model.ErrNotFound)
	}
	if a != ViewTraining && !Allow(u, a, o) {
		return fmt.Errorf("training %d: %s: %w", d.ID, a, model.ErrForbidden)
	}
	return nil
}

// MayReadPersonalData reports whether actor may be given people's names
// and details where it may see them at all: a signed-in user may; a token
// only when it was made with the personal-data scope.
func MayReadPersonalData(actor model.Actor) bool {
	return actor.Token == nil || actor.Token.PersonalData
}
