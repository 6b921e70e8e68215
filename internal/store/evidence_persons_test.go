package store_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestRetentionPhotos_AnyPersonPast: a photo goes when any person it
// shows had their last training before the cutoff, even if another it
// shows trained since; a photo of only the recent one stays; deleting a
// photo takes its marks with it (ON DELETE CASCADE).
func TestRetentionPhotos_AnyPersonPast(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		last := `SELECT CAST(r.person_id AS TEXT) FROM registrations r JOIN trainings t ON t.id = r.training_id
GROUP BY r.person_id ORDER BY MAX(t.ends_on) %s, r.person_id LIMIT 1`
		early := mustInt(t, s.MustString(ctx, fmt.Sprintf(last, "ASC")))
		recent := mustInt(t, s.MustString(ctx, fmt.Sprintf(last, "DESC")))
		earlyEnd := s.MustString(ctx, `SELECT CAST(MAX(t.ends_on) AS TEXT) FROM registrations r JOIN trainings t ON t.id = r.training_id
WHERE r.person_id = ?`, early)
		cutoff := model.DateOf(model.MustDate(earlyEnd[:10]).Time().AddDate(0, 0, 1))
		photo := func(name string, people ...int64) int64 {
			f := model.EvidenceFile{TrainingID: fx.Hurghada, Kind: model.EvidencePhoto, FileName: name, ContentType: "image/png",
				Size: 1, SHA256: name, StorageKey: name, CreatedAt: time.Now()}
			if err := s.InsertEvidence(ctx, &f); err != nil {
				t.Fatal(err)
			}
			if err := s.SetEvidencePersons(ctx, f.ID, people); err != nil {
				t.Fatal(err)
			}
			return f.ID
		}
		both, recentOnly := photo("both", early, recent), photo("recent", recent)
		due, err := s.RetentionPhotos(ctx, cutoff)
		if err != nil {
			t.Fatal(err)
		}
		if len(due) != 1 || due[0].FileID != both || due[0].PersonID != early || due[0].LastTraining.String() != earlyEnd[:10] {
			t.Errorf("due %+v, want only photo %d for person %d (not %d)", due, both, early, recentOnly)
		}
		if err := s.DeleteEvidence(ctx, both); err != nil {
			t.Fatal(err)
		}
		if n := s.MustCount(ctx, "evidence_persons"); n != 1 {
			t.Errorf("%d marks left after deleting the photo of two, want 1", n)
		}
	})
}

// mustInt is s as a whole number.
func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
