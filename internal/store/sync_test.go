package store_test

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestApplyOps_ConcurrentReplays sends one batch three times at once, on
// SQLite and on PostgreSQL, and expects one mark per person and identical
// answers.
func TestApplyOps_ConcurrentReplays(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2026-11-27")), store.DemoOptions{PasswordHash: "h"}); err != nil {
			t.Fatal(err)
		}
		sits, _ := s.Sittings(ctx, 3)
		regs, _ := s.Roster(ctx, 3)
		var ops []model.MarkOp
		at := time.Now().UnixMilli()
		for i := 0; i < 10; i++ {
			ops = append(ops, model.MarkOp{OpID: fmt.Sprintf("concurrent-%04d", i), RegistrationID: regs[i].ID,
				SittingID: sits[1].ID, Status: model.MarkPresent, ClientTime: at + int64(i), DeviceID: "tab"})
		}
		// Another op for the first person, later, from a second tablet.
		ops = append(ops, model.MarkOp{OpID: "concurrent-late", RegistrationID: regs[0].ID, SittingID: sits[1].ID,
			Status: model.MarkLate, ClientTime: at + 1000, DeviceID: "tab-2"})
		allow := func(store.OpContext, model.MarkOp) string { return "" }
		var wg sync.WaitGroup
		answers := make([][]model.OpResult, 3)
		errs := make([]error, 3)
		for i := range answers {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				answers[i], errs[i] = s.ApplyOps(ctx, 1, ops, allow)
			}(i)
		}
		wg.Wait()
		for i := range answers {
			if errs[i] != nil {
				t.Fatalf("send %d: %v", i, errs[i])
			}
			if !reflect.DeepEqual(answers[i], answers[0]) {
				t.Errorf("send %d answered differently:\n%+v\n%+v", i, answers[i], answers[0])
			}
		}
		marks, _ := s.SessionMarks(ctx, sits[1].ID)
		if len(marks) != 10 {
			t.Fatalf("%d marks, want 10", len(marks))
		}
		for _, m := range marks {
			if m.RegistrationID == regs[0].ID && m.Status != model.MarkLate {
				t.Errorf("the later mark lost: %+v", m)
			}
		}
	})
}
