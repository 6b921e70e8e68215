package notify_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
	tdmail "github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/notify"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// rescueAfter is how long a send may look stuck before another instance
// takes it over.
const rescueAfter = time.Second

// sender is one server process: its store, its notify service and its
// job queue, sending to srv.
func sender(t *testing.T, st *store.Store, srv *mailtest.Server, timeout time.Duration) (*notify.Service, *jobs.Queue) {
	t.Helper()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	q := jobs.New(st, jobs.Options{Log: quiet, TestOnly: true, RetryDelay: time.Millisecond, RescueAfter: rescueAfter})
	mailer := tdmail.New(tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}, tdmail.Options{Timeout: 5 * time.Second})
	n := notify.New(st, q, notify.Options{From: tdmail.Address{Addr: "training@traindesk.example"}, Mailer: mailer})
	jobs.Add(q, jobs.Kind{MaxAttempts: 8, Timeout: timeout}, n.Send)
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	return n, q
}

// TestOutbox_KilledWhileSending: an instance dies with 50 messages
// queued, ten of them delivered and the next ones stuck at the server's
// last reply. When another instance comes up, every message is delivered,
// and each exactly once.
func TestOutbox_KilledWhileSending(t *testing.T) {
	const total, before = 50, 10
	run := func(t *testing.T, open func() *store.Store) {
		ctx := context.Background()
		srv := mailtest.Start(t, nil)
		stalled, release := make(chan struct{}, total), make(chan struct{})
		var seen atomic.Int32
		srv.SetHook(func(mailtest.Received) error {
			if seen.Add(1) <= before {
				return nil
			}
			stalled <- struct{}{}
			<-release
			return mailtest.Refuse(421, "connection lost")
		})
		dead := open()
		n, q := sender(t, dead, srv, time.Hour)
		must(t, dead.Tx(ctx, func(ctx context.Context) error {
			for i := range total {
				out := model.Outgoing{Kind: model.MsgInvitation, Lang: "en", ToAddr: fmt.Sprintf("officer%d@customs.example", i),
					Subject: fmt.Sprintf("Invitation %d", i), Text: "You are invited."}
				if _, _, err := n.Enqueue(ctx, model.System, out); err != nil {
					return err
				}
			}
			return nil
		}))
		select {
		case <-stalled:
		case <-time.After(30 * time.Second):
			t.Fatal("no message reached the server's last reply")
		}
		// The kill: the instance's database connections die under it, and
		// the connections it had open to the mail server drop before the
		// server answered, so the server keeps nothing of them.
		dead.Close()
		srv.SetHook(nil)
		close(release)
		t.Cleanup(func() {
			c, cancel := context.WithTimeout(ctx, time.Second)
			defer cancel()
			q.Stop(c)
		})
		if got := len(srv.Messages()); got != before {
			t.Fatalf("%d messages delivered before the kill, want %d", got, before)
		}

		time.Sleep(rescueAfter)
		st := open()
		must(t, st.Exec(ctx, "DELETE FROM river_leader"))
		_, alive := sender(t, st, srv, rescueAfter)
		defer alive.Stop(ctx)
		arrived(t, srv, total)
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if st.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM outbox_messages WHERE status = 'sent'") == fmt.Sprint(total) {
				break
			}
		}
		if got := st.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM outbox_messages WHERE status = 'sent'"); got != fmt.Sprint(total) {
			t.Errorf("%s messages recorded sent, want %d", got, total)
		}
		ids := srv.ByMessageID()
		if len(ids) != total || len(srv.Messages()) != total {
			t.Errorf("%d messages, %d distinct, want %d once each", len(srv.Messages()), len(ids), total)
		}
		for id, c := range ids {
			if c != 1 {
				t.Errorf("%s delivered %d times", id, c)
			}
		}
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "td.db")
		storetest.OpenSQLite(t, path, store.Options{Logger: quiet})
		first := true
		run(t, func() *store.Store {
			st := storetest.OpenSQLite(t, path, store.Options{Logger: quiet})
			if first {
				first = false
				migrateAll(t, st)
			}
			return st
		})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := storetest.PostgresDSN(t)
		first := true
		run(t, func() *store.Store {
			st, err := store.Open(context.Background(), dsn, store.Options{Logger: quiet})
			must(t, err)
			t.Cleanup(func() { st.Close() })
			if first {
				first = false
				migrateAll(t, st)
			}
			return st
		})
	})
}

// migrateAll runs our migrations and the job queue's.
func migrateAll(t *testing.T, st *store.Store) {
	t.Helper()
	_, err := st.Migrate(context.Background())
	must(t, err)
	_, err = jobs.Migrate(context.Background(), st)
	must(t, err)
}
