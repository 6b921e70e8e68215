package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBackup_UnderLoad takes `traindesk backup` while eight tablets mark
// through the sync endpoint, checks that the copy is a consistent
// snapshot (every mark acknowledged before the backup began is in it, and
// no operation is half there), restores it by the README's steps, and
// replays the tablets' waiting marks: each is applied once, and a second
// replay changes nothing.
func TestBackup_UnderLoad(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, SQLite: true})
	cells := course(t, env, 30)
	dbPath := env.Store.DSN()
	trainer := env.SignIn(model.RoleTrainer)
	token := trainer.Token()
	at := env.Clock.Now().UnixMilli() - 60_000

	tablets := make([]*tablet, 8)
	var mu sync.Mutex
	acked := map[string]bool{}
	stop, backedUp := make(chan struct{}), make(chan struct{})
	var ackedBefore map[string]bool
	var wg sync.WaitGroup
	for i := range tablets {
		tb := &tablet{device: fmt.Sprintf("tablet-%d", i)}
		tablets[i] = tb
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				tb.tap(cells, at)
				ids, _ := tb.send(trainer, token)
				mu.Lock()
				for _, id := range ids {
					acked[id] = true
				}
				mu.Unlock()
			}
		}()
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(acked) }
	waitAcked(t, count, 150)

	// The backup, as an operator runs it beside the live server.
	backup := filepath.Join(t.TempDir(), "traindesk-backup.db")
	mu.Lock()
	ackedBefore = map[string]bool{}
	for id := range acked {
		ackedBefore[id] = true
	}
	mu.Unlock()
	r := main(t, context.Background(), map[string]string{"TRAINDESK_DB": dbPath, "TRAINDESK_LOG_LEVEL": "warn"}, "backup", backup)
	close(backedUp)
	if r.code != 0 || !strings.Contains(r.stdout, "integrity check: ok") {
		close(stop)
		wg.Wait()
		t.Fatalf("backup under load: %+v", r)
	}
	waitAcked(t, count, len(ackedBefore)+100) // marks the backup will not hold
	close(stop)
	wg.Wait()

	// The server goes away; the tablets keep taking marks meanwhile.
	env.HTTP.Close()
	env.Jobs.Stop(context.Background())
	env.Store.Close()
	waiting := 0
	for _, tb := range tablets {
		tb.tap(cells, at)
		tb.tap(cells, at)
		waiting += len(tb.pending)
	}

	// The README's restore, step by step: the server is stopped (above);
	// copy the backup over the database file; remove the -wal and -shm
	// files beside it; start the server again.
	copyFile(t, backup, dbPath)
	for _, p := range []string{dbPath + "-wal", dbPath + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	restored := env.Another()
	ctx := context.Background()
	if got := restored.Store.MustString(ctx, "PRAGMA integrity_check"); got != "ok" {
		t.Fatalf("integrity check of the restored database: %s", got)
	}
	checkSnapshot(t, restored.Store)
	ids := make([]string, 0, len(ackedBefore))
	for id := range ackedBefore {
		ids = append(ids, id)
	}
	if n := countOps(t, restored.Store, ids); n != len(ids) {
		t.Errorf("%d of the %d marks acknowledged before the backup began are in it", n, len(ids))
	}

	// The tablets send what they hold, then send it all again.
	c := restored.SignIn(model.RoleTrainer)
	token = c.Token()
	var replayed []model.MarkOp
	for _, tb := range tablets {
		replayed = append(replayed, tb.pending...)
		for len(tb.pending) > 0 {
			if _, err := tb.send(c, token); err != nil {
				t.Fatal(err)
			}
		}
	}
	history := restored.Store.MustCount(ctx, "attendance_history")
	for _, tb := range tablets {
		tb.pending = nil
	}
	for i, op := range replayed {
		tb := tablets[i%len(tablets)]
		tb.pending = append(tb.pending, op)
	}
	for _, tb := range tablets {
		for len(tb.pending) > 0 {
			if _, err := tb.send(c, token); err != nil {
				t.Fatal(err)
			}
		}
	}
	if again := restored.Store.MustCount(ctx, "attendance_history"); again != history {
		t.Errorf("replaying the marks again added %d history lines", again-history)
	}
	replayedIDs := make([]string, len(replayed))
	for i, op := range replayed {
		replayedIDs[i] = op.OpID
	}
	if n := countOps(t, restored.Store, replayedIDs); n != len(replayed) || n != waiting {
		t.Errorf("%d of the %d replayed marks were recorded (%d were waiting)", n, len(replayed), waiting)
	}
	checkSnapshot(t, restored.Store)
	t.Logf("%d marks acknowledged before the backup, %d in all; %d replayed after the restore", len(ackedBefore), count(), len(replayed))
}

// waitAcked waits until count reaches n.
func waitAcked(t *testing.T, count func() int, n int) {
	t.Helper()
	for i := 0; count() < n; i++ {
		if i > 6000 {
			t.Fatalf("only %d marks acknowledged, waiting for %d", count(), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// checkSnapshot finds no operation half recorded: every applied operation
// has exactly one history line, every history line of the tablets'
// operations has its operation, and every current mark has its history.
func checkSnapshot(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	for what, q := range map[string]string{
		"applied operations without exactly one history line": `SELECT CAST(COUNT(*) AS TEXT) FROM sync_ops o
WHERE o.result LIKE '%"result":"applied"%' AND (SELECT COUNT(*) FROM attendance_history h WHERE h.op_id = o.op_id) <> 1`,
		"history lines without their operation": `SELECT CAST(COUNT(*) AS TEXT) FROM attendance_history h
WHERE h.device_id LIKE 'tablet-%' AND NOT EXISTS (SELECT 1 FROM sync_ops o WHERE o.op_id = h.op_id)`,
		"marks without their history": `SELECT CAST(COUNT(*) AS TEXT) FROM attendance a
WHERE NOT EXISTS (SELECT 1 FROM attendance_history h WHERE h.registration_id = a.registration_id AND h.sitting_id = a.sitting_id AND h.op_id = a.op_id)`,
		"operations recorded twice": `SELECT CAST(COUNT(*) AS TEXT) FROM (SELECT op_id FROM attendance_history WHERE op_id <> '' GROUP BY op_id HAVING COUNT(*) > 1) d`,
	} {
		if n := st.MustString(ctx, q); n != "0" {
			t.Errorf("%s: %s", what, n)
		}
	}
}
