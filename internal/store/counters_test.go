package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestChangeCounters: the data counter moves with every committed insert,
// update and delete of what the figures are counted from, and not with a
// session touched; the sign-in counter moves when a session is revoked or
// a user disabled, and not when a session is touched or a user signs in.
// LoginWithUser reads the session, its user and the sign-in counter
// together.
func TestChangeCounters(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	storetest.Each(t, store.Options{Now: func() time.Time { return now }}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		data := func() int64 {
			t.Helper()
			v, err := s.DataVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		authV := func() int64 {
			t.Helper()
			v, err := s.AuthVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		step := func(what string, counter func() int64, moves bool, fn func() error) {
			t.Helper()
			before := counter()
			if err := fn(); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if after := counter(); (after > before) != moves || after < before {
				t.Errorf("%s: counter %d -> %d, want moved=%v", what, before, after, moves)
			}
		}
		p := model.Person{NameLatin: "Counter Person", Sex: model.SexFemale}
		step("insert a person", data, true, func() error { return s.CreatePerson(ctx, &p) })
		step("update a person", data, true, func() error { return s.Exec(ctx, "UPDATE persons SET name_latin = 'Renamed' WHERE id = ?", p.ID) })
		step("delete a person", data, true, func() error { return s.Exec(ctx, "DELETE FROM persons WHERE id = ?", p.ID) })
		step("a rolled-back insert", data, false, func() error {
			s.Tx(ctx, func(ctx context.Context) error {
				q := model.Person{NameLatin: "Never", Sex: model.SexMale}
				if err := s.CreatePerson(ctx, &q); err != nil {
					return err
				}
				return model.ErrNotFound
			})
			return nil
		})

		u := model.User{Email: "counter@example.org", Name: "Counter", Role: model.RoleTrainer, Active: true, PasswordHash: "x"}
		if err := s.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		l := model.Login{ID: "counter-session", UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
		step("create a session", authV, false, func() error { return s.CreateLogin(ctx, &l) })
		step("touch a session", authV, false, func() error { return s.TouchLogin(ctx, l.ID) })
		step("touch a session (data)", data, false, func() error { return s.TouchLogin(ctx, l.ID) })
		step("sign-in time", authV, false, func() error { return s.TouchLastLogin(ctx, u.ID) })
		gotL, gotU, v, err := s.LoginWithUser(ctx, l.ID)
		if err != nil || gotL.UserID != u.ID || gotU.Email != u.Email || !gotU.Active || gotL.RevokedAt != nil || v != authV() {
			t.Fatalf("LoginWithUser = %+v, %+v, %d, %v", gotL, gotU, v, err)
		}
		step("disable the user", authV, true, func() error {
			u.Active = false
			return s.UpdateUser(ctx, &u)
		})
		step("revoke the session", authV, true, func() error { return s.RevokeLogin(ctx, l.ID) })
		if gotL, gotU, _, err = s.LoginWithUser(ctx, l.ID); err != nil || gotL.RevokedAt == nil || gotU.Active {
			t.Errorf("after revoking: %+v, %+v, %v", gotL, gotU, err)
		}
		if _, _, _, err := s.LoginWithUser(ctx, "no-such-session"); err == nil {
			t.Error("an unknown session was found")
		}
	})
}
