package auth_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// lastEvent is the newest audit event of kind.
func lastEvent(t *testing.T, s *store.Store, kind model.AuditKind) model.AuditLine {
	t.Helper()
	lines, _, err := s.AuditLog(context.Background(), model.AuditFilter{Kind: kind, Limit: 1})
	if err != nil || len(lines) == 0 {
		t.Fatalf("no %s event: %v", kind, err)
	}
	return lines[0]
}

// bootstrap adds the first administrator as the system does at start-up.
func bootstrap(t *testing.T, s *store.Store) (*auth.Users, model.Actor) {
	t.Helper()
	users := auth.NewUsers(s, auth.MinCost)
	u, _, err := users.Create(context.Background(), model.System, model.UserInput{Email: "root@example.org",
		Name: "Root", Role: model.RoleAdmin, Password: "correct horse"})
	if err != nil {
		t.Fatal(err)
	}
	return users, model.Actor{User: u, IP: "192.0.2.1"}
}

func TestUsers_CreateAndUpdateRecordEvents(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		users, admin := bootstrap(t, s)
		if ev := lastEvent(t, s, model.AuditUserCreate); ev.UserID != nil || ev.EntityID != admin.User.ID || ev.Values["role"] != "admin" {
			t.Errorf("bootstrap event %+v", ev)
		}
		u, pw, err := users.Create(ctx, admin, model.UserInput{Email: " Nadia@Example.org ", Name: "Nadia Farouk", Role: model.RoleTrainer})
		if err != nil || len(pw) < 16 || u.Email != "nadia@example.org" {
			t.Fatalf("create = %+v, %q, %v", u, pw, err)
		}
		ev := lastEvent(t, s, model.AuditUserCreate)
		if *ev.UserID != admin.User.ID || ev.EntityID != u.ID || ev.IP != admin.IP {
			t.Errorf("create event %+v", ev)
		}
		if _, _, err := users.Create(ctx, admin, model.UserInput{Email: "nadia@example.org", Name: "N", Role: model.RoleTrainer}); model.FieldErrors(err)["email"] != "error.email_taken" {
			t.Errorf("a taken email = %v", err)
		}
		u, err = users.Update(ctx, admin, u.ID, model.UserInput{Email: u.Email, Name: "Nadia F.", Role: model.RoleManager})
		if err != nil || u.Role != model.RoleManager {
			t.Fatalf("update = %+v, %v", u, err)
		}
		ev = lastEvent(t, s, model.AuditUserUpdate)
		if !reflect.DeepEqual(ev.Changed, []string{"name", "role"}) || ev.Values["from"] != "trainer" || ev.Values["to"] != "manager" {
			t.Errorf("update event %+v", ev)
		}
		// No event carries an address or a name.
		lines, _, _ := s.AuditLog(ctx, model.AuditFilter{Limit: 50})
		for _, l := range lines {
			for _, word := range []string{"nadia", "Nadia", "root", "Root"} {
				if strings.Contains(l.Detail, word) {
					t.Errorf("the audit log holds %q: %+v", word, l)
				}
			}
		}
	})
}

func TestUsers_KeepAnActiveAdministrator(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	users, admin := bootstrap(t, s)
	if _, err := users.Update(ctx, admin, admin.User.ID, model.UserInput{Email: "root@example.org", Name: "Root", Role: model.RoleManager}); model.FieldErrors(err)["role"] != "error.last_admin" {
		t.Errorf("demoting the last admin = %v", err)
	}
	if _, err := users.SetActive(ctx, admin, admin.User.ID, false); !errors.Is(err, auth.ErrSelf) {
		t.Errorf("disabling oneself = %v", err)
	}
	if _, err := users.SetActive(ctx, model.System, admin.User.ID, false); !errors.Is(err, auth.ErrLastAdmin) {
		t.Errorf("disabling the last admin = %v", err)
	}
	if u, _ := s.UserByID(ctx, admin.User.ID); !u.Active || u.Role != model.RoleAdmin {
		t.Errorf("the last admin is now %+v", u)
	}
	if n := s.MustCount(ctx, "audit_log"); n != 1 {
		t.Errorf("%d events after refused changes, want the bootstrap's", n)
	}
}

func TestUsers_DisableAndResetEndSessions(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	s := storetest.SQLite(t, store.Options{Now: func() time.Time { return now }})
	users, admin := bootstrap(t, s)
	u, _, err := users.Create(ctx, admin, model.UserInput{Email: "t@example.org", Name: "T", Role: model.RoleTrainer, Password: "long enough pw"})
	if err != nil {
		t.Fatal(err)
	}
	login := func(id string) {
		if err := s.CreateLogin(ctx, &model.Login{ID: id, UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	revoked := func(id string) bool {
		l, err := s.LoginByID(ctx, id)
		return err == nil && l.RevokedAt != nil
	}
	login("a")
	if _, err := users.SetActive(ctx, admin, u.ID, false); err != nil || !revoked("a") {
		t.Fatalf("disable = %v, session revoked %v", err, revoked("a"))
	}
	if _, err := users.SetActive(ctx, admin, u.ID, true); err != nil {
		t.Fatal(err)
	}
	login("b")
	if _, _, err := users.ResetPassword(ctx, admin, u.ID, "short"); model.FieldErrors(err)["password"] != "error.password_short" {
		t.Errorf("a short password = %v", err)
	}
	_, pw, err := users.ResetPassword(ctx, admin, u.ID, "")
	if err != nil || !revoked("b") || len(pw) < 16 {
		t.Fatalf("reset = %q, %v, session revoked %v", pw, err, revoked("b"))
	}
	if got, _ := s.UserByID(ctx, u.ID); !auth.CheckPassword(got.PasswordHash, pw) {
		t.Error("the new password does not work")
	}
	for _, k := range []model.AuditKind{model.AuditUserDisable, model.AuditUserEnable, model.AuditUserPasswordReset} {
		if ev := lastEvent(t, s, k); ev.EntityID != u.ID || *ev.UserID != admin.User.ID {
			t.Errorf("%s event %+v", k, ev)
		}
	}
}

func TestUsers_OnlyAdministrators(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	users, admin := bootstrap(t, s)
	officer, _, err := users.Create(ctx, admin, model.UserInput{Email: "po@example.org", Name: "PO", Role: model.RoleProgramOfficer, Password: "long enough pw"})
	if err != nil {
		t.Fatal(err)
	}
	a := model.Actor{User: officer, IP: "192.0.2.2"}
	calls := map[string]error{}
	_, calls["list"] = users.List(ctx, a)
	_, calls["get"] = users.Get(ctx, a, admin.User.ID)
	_, _, calls["create"] = users.Create(ctx, a, model.UserInput{Email: "x@example.org", Name: "X", Role: model.RoleAdmin, Password: "long enough pw"})
	_, calls["update"] = users.Update(ctx, a, officer.ID, model.UserInput{Email: "po@example.org", Name: "PO", Role: model.RoleAdmin})
	_, calls["disable"] = users.SetActive(ctx, a, admin.User.ID, false)
	_, _, calls["reset"] = users.ResetPassword(ctx, a, admin.User.ID, "")
	_, calls["anonymous"] = users.List(ctx, model.Actor{IP: "192.0.2.3"})
	for name, err := range calls {
		if !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s by a program officer = %v, want ErrForbidden", name, err)
		}
	}
	if got, _ := s.UserByID(ctx, officer.ID); got.Role != model.RoleProgramOfficer {
		t.Error("the officer made themself an administrator")
	}
}

// failingAudit is a store whose audit log refuses every event.
type failingAudit struct{ *store.Store }

func (failingAudit) RecordAudit(context.Context, model.AuditEvent) error {
	return errors.New("disk full")
}

func TestUsers_NoChangeWithoutItsEvent(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	_, admin := bootstrap(t, s)
	users := auth.NewUsers(failingAudit{s}, auth.MinCost)
	if _, _, err := users.Create(ctx, admin, model.UserInput{Email: "x@example.org", Name: "X", Role: model.RoleManager}); err == nil {
		t.Fatal("created a user whose event could not be recorded")
	}
	if n := s.MustCount(ctx, "users"); n != 1 {
		t.Errorf("%d users, want only the administrator", n)
	}
}
