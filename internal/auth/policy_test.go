package auth_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

func TestAllow(t *testing.T) {
	admin := model.User{ID: 1, Role: model.RoleAdmin, Active: true}
	officer := model.User{ID: 2, Role: model.RoleProgramOfficer, Active: true}
	manager := model.User{ID: 3, Role: model.RoleManager, Active: true}
	trainer := model.User{ID: 4, Role: model.RoleTrainer, Active: true}
	other := model.User{ID: 5, Role: model.RoleTrainer, Active: true}
	disabled := model.User{ID: 6, Role: model.RoleAdmin, Active: false}
	own := auth.TrainingObject([]int64{4, 9})
	for _, c := range []struct {
		name string
		u    model.User
		a    auth.Action
		o    auth.Object
		want bool
	}{
		{"admin manages users", admin, auth.ManageUsers, auth.Object{}, true},
		{"officer does not manage users", officer, auth.ManageUsers, auth.Object{}, false},
		{"officer corrects marks", officer, auth.CorrectMarks, own, true},
		{"manager sees a training", manager, auth.ViewTraining, own, true},
		{"manager does not mark", manager, auth.MarkAttendance, own, false},
		{"trainer marks their training", trainer, auth.MarkAttendance, own, true},
		{"trainer enters scores on their training", trainer, auth.EditScores, own, true},
		{"another trainer does not see it", other, auth.ViewTraining, own, false},
		{"another trainer does not mark it", other, auth.MarkAttendance, own, false},
		{"trainer does not correct marks", trainer, auth.CorrectMarks, own, false},
		{"trainer does not edit the training", trainer, auth.EditTrainings, own, false},
		{"trainer without an object", trainer, auth.ViewTraining, auth.Object{}, false},
		{"trainer does not read reports", trainer, auth.ViewReports, auth.Object{}, false},
		{"a disabled admin may do nothing", disabled, auth.ViewTraining, own, false},
		{"nobody may do nothing", model.User{}, auth.ViewTraining, own, false},
	} {
		if got := auth.Allow(c.u, c.a, c.o); got != c.want {
			t.Errorf("%s: Allow = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestVisibleTrainings(t *testing.T) {
	if s := auth.VisibleTrainings(model.User{ID: 3, Role: model.RoleManager, Active: true}); !s.All {
		t.Errorf("manager scope %+v", s)
	}
	if s := auth.VisibleTrainings(model.User{ID: 4, Role: model.RoleTrainer, Active: true}); s.All || s.FacilitatorID != 4 {
		t.Errorf("trainer scope %+v", s)
	}
	if s := auth.VisibleTrainings(model.User{ID: 4, Role: model.RoleTrainer}); s.All || s.FacilitatorID != 0 {
		t.Errorf("disabled trainer scope %+v", s)
	}
}

// TestMayReadPersonalData gives participant lists to signed-in users and
// to tokens made with the personal-data scope only.
func TestMayReadPersonalData(t *testing.T) {
	u := model.User{ID: 1, Role: model.RoleManager, Active: true}
	cases := map[string]struct {
		a    model.Actor
		want bool
	}{
		"Session":       {model.Actor{User: u, IP: "1.2.3.4"}, true},
		"TokenPersonal": {model.Actor{User: u, IP: "1.2.3.4", Token: &model.TokenGrant{TokenID: 1, PersonalData: true}}, true},
		"TokenReadOnly": {model.Actor{User: u, IP: "1.2.3.4", Token: &model.TokenGrant{TokenID: 2}}, false},
	}
	for name, c := range cases {
		if got := auth.MayReadPersonalData(c.a); got != c.want {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
	}
}
