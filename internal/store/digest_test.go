package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestDigest: a digest changes when a row is added or changed, not when
// only an omitted column or an unselected row does, and not with the order
// the rows come in.
func TestDigest(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		tables, err := s.Tables(ctx)
		if err != nil || !slices.Contains(tables, "donors") || !slices.Contains(tables, "audit_log") {
			t.Fatalf("tables %v, %v", tables, err)
		}
		digest := func(where string, omit ...string) string {
			t.Helper()
			d, err := s.Digest(ctx, "donors", where, omit...)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		exec := func(q string) {
			t.Helper()
			if err := s.Exec(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		empty := digest("")
		exec("INSERT INTO donors (name_en, name_ar, short_name, created_at, updated_at) VALUES ('B', '', 'b', '2023-01-01', '2023-01-01')")
		exec("INSERT INTO donors (name_en, name_ar, short_name, created_at, updated_at) VALUES ('A', '', 'a', '2023-01-01', '2023-01-01')")
		two := digest("")
		if two == empty {
			t.Fatal("adding rows leaves the digest alone")
		}
		if again := digest(""); again != two {
			t.Errorf("the same rows give %s and %s", two, again)
		}
		keepA := digest("short_name = 'a'")
		exec("UPDATE donors SET name_ar = 'ب' WHERE short_name = 'b'")
		if digest("") == two {
			t.Error("a changed value leaves the digest alone")
		}
		if digest("short_name = 'a'") != keepA {
			t.Error("a row outside where changes the digest")
		}
		omitted := digest("", "updated_at")
		exec("UPDATE donors SET updated_at = '2024-06-01'")
		if digest("", "updated_at") != omitted {
			t.Error("an omitted column changes the digest")
		}
	})
}
