package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/migrations"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestMigrate_UpgradeKeepsRows builds a database at an earlier version, puts
// rows in every table that exists there, upgrades it and finds them all.
func TestMigrate_UpgradeKeepsRows(t *testing.T) {
	ctx := context.Background()
	run := func(t *testing.T, s *store.Store) {
		if _, err := s.MigrateTo(ctx, 2); err != nil {
			t.Fatal(err)
		}
		if v, _ := s.SchemaVersion(ctx); v != 2 {
			t.Fatalf("version = %d, want 2", v)
		}
		now := time.Date(2023, 1, 16, 8, 0, 0, 0, time.UTC)
		inserts := []string{
			"INSERT INTO users (id, email, name, role, password_hash, active, locale, created_at, updated_at) VALUES (1, 'po@example.org', 'Salma', 'program_officer', 'x', true, 'ar', ?, ?)",
			"INSERT INTO thematic_areas (id, name_en, name_ar) VALUES (100, 'Old area', '')",
			"INSERT INTO donors (id, name_en, name_ar, short_name, created_at, updated_at) VALUES (1, 'Denmark', 'الدنمارك', 'DK', ?, ?)",
			"INSERT INTO projects (id, code, title_en, title_ar, donor_id, starts_on, ends_on, mastery_threshold, created_at, updated_at) VALUES (1, 'SPHERE II', 'Sphere', '', 1, '2022-01-01', '2024-12-31', 70, ?, ?)",
			"INSERT INTO agencies (id, name_en, created_at, updated_at) VALUES (1, 'Egyptian Customs Authority', ?, ?)",
			"INSERT INTO trainings (id, title, project_id, agency_id, starts_on, ends_on, status, capacity, created_at, updated_at) VALUES (1, 'Counter smuggling', 1, 1, '2023-01-16', '2023-01-19', 'completed', 30, ?, ?)",
			"INSERT INTO sittings (id, training_id, date, created_at, updated_at) VALUES (1, 1, '2023-01-16', ?, ?)",
			"INSERT INTO persons (id, name_latin, name_arabic, sex, created_at, updated_at) VALUES (1, 'Mohamed Ali', 'محمد علي', 'M', ?, ?)",
			"INSERT INTO registrations (id, training_id, person_id, status, registered_at, updated_at) VALUES (1, 1, 1, 'confirmed', ?, ?)",
			"INSERT INTO attendance (id, registration_id, sitting_id, status, recorded_at) VALUES (1, 1, 1, 'present', ?)",
		}
		for _, q := range inserts {
			var args []any
			for i := 0; i < countMarks(q); i++ {
				args = append(args, now)
			}
			if err := s.Exec(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		applied, err := s.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(applied) != len(migrations.All())-2 {
			t.Errorf("applied %v, want every migration after 2", applied)
		}
		for table, want := range map[string]int64{
			"users": 1, "donors": 1, "projects": 1, "agencies": 1, "trainings": 1,
			"sittings": 1, "persons": 1, "registrations": 1, "attendance": 1,
			"governorates": 27, "sdgs": 17, "gcm_objectives": 23, "thematic_areas": 6,
		} {
			if n := s.MustCount(ctx, table); n != want {
				t.Errorf("%s has %d rows, want %d", table, n, want)
			}
		}
		if name := s.MustString(ctx, "SELECT name_arabic FROM persons WHERE id = 1"); name != "محمد علي" {
			t.Errorf("person's Arabic name = %q", name)
		}
		// Running again applies nothing.
		if again, err := s.Migrate(ctx); err != nil || len(again) != 0 {
			t.Errorf("second run applied %v, %v", again, err)
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

func countMarks(q string) int {
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
		}
	}
	return n
}
