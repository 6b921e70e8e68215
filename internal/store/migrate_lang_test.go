package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestMigrate_BilingualBackfill upgrades a database whose trainings had one
// title, venue and objectives, and whose reference names were typed in
// either language into the English column: each value ends in the column
// of the language it is written in. The GCM objectives get their Arabic
// titles.
func TestMigrate_BilingualBackfill(t *testing.T) {
	ctx := context.Background()
	run := func(t *testing.T, s *store.Store) {
		if _, err := s.MigrateTo(ctx, 4); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2023, 1, 16, 8, 0, 0, 0, time.UTC)
		for _, q := range []string{
			"INSERT INTO agencies (id, name_en, name_ar, created_at, updated_at) VALUES (1, 'مصلحة الجمارك', '', ?, ?)",
			"INSERT INTO agencies (id, name_en, name_ar, created_at, updated_at) VALUES (2, 'Border Police', '', ?, ?)",
			"INSERT INTO duty_stations (id, name_en, name_ar, kind, created_at, updated_at) VALUES (1, 'ميناء سفاجا', '', 'seaport', ?, ?)",
			"INSERT INTO trainings (id, title, objectives, venue, starts_on, ends_on, status, capacity, created_at, updated_at) VALUES (1, 'مكافحة التهريب (SPHERE II)', 'أهداف الدورة', 'Hotel hall', '2023-01-16', '2023-01-19', 'completed', 30, ?, ?)",
			"INSERT INTO trainings (id, title, objectives, venue, starts_on, ends_on, status, capacity, created_at, updated_at) VALUES (2, 'Document examination', '', 'قاعة الميناء', '2023-02-16', '2023-02-19', 'planned', 30, ?, ?)",
		} {
			if err := s.Exec(ctx, q, now, now); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]string{
			"SELECT title_ar FROM trainings WHERE id = 1":             "مكافحة التهريب (SPHERE II)",
			"SELECT title_en FROM trainings WHERE id = 1":             "",
			"SELECT objectives_ar FROM trainings WHERE id = 1":        "أهداف الدورة",
			"SELECT venue_en FROM trainings WHERE id = 1":             "Hotel hall",
			"SELECT title_en FROM trainings WHERE id = 2":             "Document examination",
			"SELECT venue_ar FROM trainings WHERE id = 2":             "قاعة الميناء",
			"SELECT name_ar FROM agencies WHERE id = 1":               "مصلحة الجمارك",
			"SELECT name_en FROM agencies WHERE id = 1":               "",
			"SELECT name_en FROM agencies WHERE id = 2":               "Border Police",
			"SELECT name_ar FROM duty_stations WHERE id = 1":          "ميناء سفاجا",
			"SELECT title_ar FROM gcm_objectives WHERE id = 9":        "تعزيز التصدي عبر الوطني لتهريب المهاجرين",
			"SELECT COUNT(*) FROM gcm_objectives WHERE title_ar = ''": "0",
		} {
			if got := s.MustString(ctx, q); got != want {
				t.Errorf("%s = %q, want %q", q, got, want)
			}
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
