package store_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

func TestUsers(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		u := model.User{Email: " Salma@Example.ORG ", Name: "Salma", Role: model.RoleProgramOfficer, PasswordHash: "h", Active: true}
		if err := s.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		got, err := s.UserByEmail(ctx, "salma@example.org")
		if err != nil || got.ID != u.ID || got.Email != "salma@example.org" {
			t.Fatalf("by email: %+v, %v", got, err)
		}
		dup := model.User{Email: "SALMA@example.org", Name: "Other", Role: model.RoleTrainer, PasswordHash: "h", Active: true}
		if err := s.CreateUser(ctx, &dup); !errors.Is(err, model.ErrConflict) {
			t.Fatalf("duplicate email: %v, want ErrConflict", err)
		}
		if _, err := s.UserByID(ctx, 4242); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown id: %v", err)
		}
		got.Role, got.Active = model.RoleManager, false
		if err := s.UpdateUser(ctx, &got); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.UserByID(ctx, u.ID); again.Role != model.RoleManager || again.Active {
			t.Fatalf("after update: %+v", again)
		}
	})
}

func TestLogins(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		u := model.User{Email: "t@example.org", Name: "T", Role: model.RoleTrainer, PasswordHash: "h", Active: true}
		s.CreateUser(ctx, &u)
		now := time.Now().UTC()
		for _, id := range []string{"a", "b"} {
			l := model.Login{ID: id, UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
			if err := s.CreateLogin(ctx, &l); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.RevokeLogin(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		a, _ := s.LoginByID(ctx, "a")
		b, _ := s.LoginByID(ctx, "b")
		if a.RevokedAt == nil || b.RevokedAt != nil {
			t.Fatal("revoking one session touched the wrong one")
		}
		s.RevokeUserLogins(ctx, u.ID)
		if b, _ := s.LoginByID(ctx, "b"); b.RevokedAt == nil {
			t.Fatal("revoking a user's sessions left one alive")
		}
	})
}

func TestLoadDemo(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		today := model.MustDate("2026-11-27")
		loaded, err := s.LoadDemo(ctx, seed.Build(today), store.DemoOptions{PasswordHash: "h"})
		if err != nil || !loaded {
			t.Fatalf("load: %v, %v", loaded, err)
		}
		if again, err := s.LoadDemo(ctx, seed.Build(today), store.DemoOptions{PasswordHash: "h"}); err != nil || again {
			t.Fatalf("second load: %v, %v; want nothing loaded", again, err)
		}
		var n int64
		counts := map[string]int64{"trainings": 4, "persons": 32, "duty_stations": 3, "agencies": 1, "donors": 1, "projects": 1, "indicators": 4}
		for table, want := range counts {
			if n = s.MustCount(ctx, table); n != want {
				t.Errorf("%s: %d rows, want %d", table, n, want)
			}
		}
		// The Hurghada course: 27 confirmed officers, 4 sessions, 108 marks.
		if got := s.MustString(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM registrations r JOIN trainings t ON t.id = r.training_id WHERE t.starts_on = '2023-01-16' AND r.status = 'confirmed'`); got != "27" {
			t.Errorf("Hurghada registrations = %s, want 27", got)
		}
		if got := s.MustString(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM attendance a JOIN sittings s ON s.id = a.sitting_id JOIN trainings t ON t.id = s.training_id WHERE t.starts_on = '2023-01-16'`); got != "108" {
			t.Errorf("Hurghada marks = %s, want 108", got)
		}
		if got := s.MustString(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM attendance a JOIN sittings s ON s.id = a.sitting_id JOIN trainings t ON t.id = s.training_id WHERE t.starts_on = '2023-01-16' AND a.status <> 'present'`); got != "10" {
			t.Errorf("Hurghada marks other than present = %s, want 10", got)
		}
	})
}

// TestBackup: a backup is a whole, checked copy put in place under its
// name at the end, with nothing else left in the folder; a second backup
// to the same name is refused and leaves the first alone; an interrupted
// backup leaves nothing at its path, nor any temporary file.
func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2026-11-27")), store.DemoOptions{PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")
	n, err := s.Backup(ctx, path)
	if err != nil || n == 0 {
		t.Fatalf("backup: %d bytes, %v", n, err)
	}
	if names := folder(t, dir); len(names) != 1 || names[0] != "backup.db" {
		t.Errorf("the folder holds %v, want the backup alone", names)
	}
	before, _ := os.ReadFile(path)
	if _, err := s.Backup(ctx, path); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("a second backup to the same path: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused backup changed the first one")
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	cut := filepath.Join(dir, "cut.db")
	if _, err := s.Backup(cancelled, cut); err == nil {
		t.Fatal("an interrupted backup reported success")
	}
	if names := folder(t, dir); len(names) != 1 {
		t.Errorf("an interrupted backup left %v", names)
	}

	copy := storetest.OpenSQLite(t, path, store.Options{})
	if got := copy.MustCount(ctx, "attendance"); got != s.MustCount(ctx, "attendance") || got == 0 {
		t.Fatalf("the copy has %d marks", got)
	}
}

// TestOpen_EmptyFile: a database file of 0 bytes (what a failed copy
// leaves) is refused with a message that says so, instead of being taken
// for a new, empty database.
func TestOpen_EmptyFile(t *testing.T) {
	storetest.SkipInSecondPass(t) // about a SQLite file
	path := filepath.Join(t.TempDir(), "traindesk.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(context.Background(), path, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "empty (0 bytes)") || !strings.Contains(err.Error(), "restore a good backup") {
		t.Fatalf("open a 0-byte file: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Error("the refused file was written to")
	}
}

// folder lists the names in dir.
func folder(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
