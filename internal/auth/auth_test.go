package auth_test

import (
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

func TestHashPassword(t *testing.T) {
	h, err := auth.HashPassword("correct horse", 4)
	if err != nil {
		t.Fatal(err)
	}
	if cost, _ := bcrypt.Cost([]byte(h)); cost < auth.MinCost {
		t.Fatalf("cost %d, want at least %d", cost, auth.MinCost)
	}
	if !auth.CheckPassword(h, "correct horse") || auth.CheckPassword(h, "correct hors") {
		t.Fatal("check does not tell right from wrong")
	}
	if a, b := auth.RandomPassword(), auth.RandomPassword(); a == b || len(a) < 16 {
		t.Fatalf("random passwords %q and %q", a, b)
	}
}

func TestDeriveKey(t *testing.T) {
	s := []byte(strings.Repeat("k", 32))
	a, b := auth.DeriveKey(s, "cookie-hash", 64), auth.DeriveKey(s, "qr", 64)
	if len(a) != 64 || string(a) == string(b) {
		t.Fatal("purposes share a key")
	}
	if string(auth.DeriveKey(s, "qr", 32)) != string(b[:32]) {
		t.Fatal("derivation is not stable")
	}
}

func TestCan(t *testing.T) {
	cases := []struct {
		role model.Role
		p    auth.Permission
		want bool
	}{
		{model.RoleAdmin, auth.ManageUsers, true},
		{model.RoleProgramOfficer, auth.ManageUsers, false},
		{model.RoleProgramOfficer, auth.EditTrainings, true},
		{model.RoleManager, auth.EditTrainings, false},
		{model.RoleManager, auth.ViewReports, true},
		{model.RoleTrainer, auth.ViewReports, false},
		{model.RoleTrainer, auth.ViewAllTraining, false},
		{model.Role("ghost"), auth.ViewReports, false},
	}
	for _, c := range cases {
		if got := auth.Can(c.role, c.p); got != c.want {
			t.Errorf("Can(%s, %s) = %v", c.role, c.p, got)
		}
	}
}
