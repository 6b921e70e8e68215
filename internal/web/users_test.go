package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

func TestUsersAdmin(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	admin := env.SignIn(model.RoleAdmin)
	ctx := context.Background()

	t.Run("ErrInvalidFormKeepsInput", func(t *testing.T) {
		r := admin.Post("/admin/users", url.Values{"email": {"not-an-email"}, "name": {"Nadia Hamed"}, "role": {"wizard"}, "password": {"short"}})
		if r.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", r.StatusCode)
		}
		for _, want := range []string{"Enter an email address", "Choose one of the options.", "Use at least 10 characters.", `value="Nadia Hamed"`, `value="not-an-email"`} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("422 page lacks %q", want)
			}
		}
	})
	t.Run("ErrDuplicateEmail", func(t *testing.T) {
		r := admin.Post("/admin/users", url.Values{"email": {env.Users[model.RoleTrainer].Email}, "name": {"Dup"}, "role": {"trainer"}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Another user already has this email address.") {
			t.Fatalf("duplicate email = %d", r.StatusCode)
		}
	})

	// Create with a generated password shown once, then sign in with it.
	r := admin.Post("/admin/users", url.Values{"email": {"Nadia@Example.org"}, "name": {"Nadia Hamed"}, "role": {"trainer"}})
	if r.StatusCode != 200 {
		t.Fatalf("create = %d", r.StatusCode)
	}
	pw := regexp.MustCompile(`class="secret">([^<]+)<`).FindStringSubmatch(r.Body)
	if pw == nil {
		t.Fatal("the generated password is not shown")
	}
	u, err := env.Store.UserByEmail(ctx, "nadia@example.org")
	if err != nil || u.Role != model.RoleTrainer || u.PasswordHash == pw[1] {
		t.Fatalf("stored user %+v, %v", u, err)
	}
	nadia := env.Client()
	if r := nadia.SignIn("nadia@example.org", pw[1]); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in with the generated password = %d", r.StatusCode)
	}

	// Change the role.
	id := strconvI(u.ID)
	r = admin.Post("/admin/users/"+id, url.Values{"email": {"nadia@example.org"}, "name": {"Nadia Hamed"}, "role": {"manager"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("update = %d", r.StatusCode)
	}
	if u, _ := env.Store.UserByID(ctx, u.ID); u.Role != model.RoleManager {
		t.Fatalf("role = %s", u.Role)
	}

	// Reset the password: the old one stops working, the session ends.
	r = admin.Post("/admin/users/"+id+"/password", nil)
	newPW := regexp.MustCompile(`class="secret">([^<]+)<`).FindStringSubmatch(r.Body)
	if r.StatusCode != 200 || newPW == nil || newPW[1] == pw[1] {
		t.Fatalf("reset = %d", r.StatusCode)
	}
	if r := nadia.Get("/"); r.StatusCode != http.StatusSeeOther {
		t.Error("the reset did not end the user's session")
	}
	if r := env.Client().SignIn("nadia@example.org", pw[1]); r.StatusCode != http.StatusUnauthorized {
		t.Error("the old password still works")
	}
	if r := env.Client().SignIn("nadia@example.org", newPW[1]); r.StatusCode != http.StatusSeeOther {
		t.Error("the new password does not work")
	}

	// The last administrator cannot be demoted or disabled.
	adminID := strconvI(env.Users[model.RoleAdmin].ID)
	r = admin.Post("/admin/users/"+adminID, url.Values{"email": {env.Users[model.RoleAdmin].Email}, "name": {"A"}, "role": {"manager"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "At least one active administrator must remain.") {
		t.Errorf("demoting the last admin = %d", r.StatusCode)
	}
	admin.Post("/admin/users/"+adminID+"/active", url.Values{"active": {"false"}})
	if u, _ := env.Store.UserByID(ctx, env.Users[model.RoleAdmin].ID); !u.Active {
		t.Error("an admin disabled their own account")
	}

	// The audit log has the changes.
	r = admin.Get("/admin/audit")
	for _, want := range []string{"Added a user", "Changed a user", "Reset a password", "Signed in"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("audit log lacks %q", want)
		}
	}
}
