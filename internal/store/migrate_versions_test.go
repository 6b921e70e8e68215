package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestMigrate_MarksVersionsBackfill upgrades a database with marks from
// before versions: every mark gets version 1, a session holding marks
// version 1 and one holding none version 0, and the marks read back whole.
func TestMigrate_MarksVersionsBackfill(t *testing.T) {
	ctx := context.Background()
	run := func(t *testing.T, s *store.Store) {
		if _, err := s.MigrateTo(ctx, 4); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2023, 1, 16, 8, 0, 0, 0, time.UTC)
		for _, q := range []string{
			"INSERT INTO trainings (id, title, starts_on, ends_on, status, capacity, created_at, updated_at) VALUES (1, 'Counter smuggling', '2023-01-16', '2023-01-19', 'completed', 30, ?, ?)",
			"INSERT INTO sittings (id, training_id, date, created_at, updated_at) VALUES (1, 1, '2023-01-16', ?, ?), (2, 1, '2023-01-17', ?, ?)",
			"INSERT INTO persons (id, name_latin, name_arabic, sex, created_at, updated_at) VALUES (1, 'Mohamed Ali', '', 'M', ?, ?), (2, 'Sara Adel', '', 'F', ?, ?)",
			"INSERT INTO registrations (id, training_id, person_id, status, registered_at, updated_at) VALUES (1, 1, 1, 'confirmed', ?, ?), (2, 1, 2, 'confirmed', ?, ?)",
			"INSERT INTO attendance (registration_id, sitting_id, status, note, recorded_at) VALUES (1, 1, 'present', '', ?), (2, 1, 'excused', 'ill', ?)",
		} {
			args := make([]any, countMarks(q))
			for i := range args {
				args[i] = now
			}
			if err := s.Exec(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		v, err := s.SessionVersions(ctx, []int64{1, 2})
		if err != nil || v[1].Version != 1 || v[2].Version != 0 {
			t.Fatalf("session versions %+v %v, want 1 and 0", v, err)
		}
		marks, err := s.MarksSince(ctx, map[int64]int64{1: 0})
		want := []model.MarkState{{RegistrationID: 1, SittingID: 1, Status: model.MarkPresent, Version: 1},
			{RegistrationID: 2, SittingID: 1, Status: model.MarkExcused, Note: "ill", Version: 1}}
		if err != nil || len(marks) != 2 || marks[0] != want[0] || marks[1] != want[1] {
			t.Errorf("marks %+v %v, want %+v", marks, err, want)
		}
		if marks, _ := s.MarksSince(ctx, map[int64]int64{1: 1}); len(marks) != 0 {
			t.Errorf("since version 1: %+v, want none", marks)
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		run(t, storetest.OpenSQLite(t, filepath.Join(t.TempDir(), "old.db"), store.Options{}))
	})
	t.Run("postgres", func(t *testing.T) {
		s, err := store.Open(ctx, storetest.PostgresDSN(t), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		run(t, s)
	})
}
