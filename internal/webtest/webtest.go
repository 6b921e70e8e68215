// Package webtest builds a complete traindesk for tests: a real SQLite file
// in a temporary folder, or a PostgreSQL schema in the PostgreSQL pass of
// the tests (see storetest), optionally with the demo data, the real router,
// users of every role with a known password, a settable clock, and HTTP
// clients with cookie jars that sign in the way a browser does.
package webtest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/filestore"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
	"github.com/traindesk/traindesk/internal/web"
)

// Password is every test user's password.
const Password = "correct-horse-battery"

// BaseURL is the public address the test application is configured with
// (TRAINDESK_BASE_URL); Options.Adjust may clear it.
const BaseURL = "https://traindesk.example"

// Env is a running test application.
type Env struct {
	T      testing.TB
	Store  *store.Store
	Server *web.Server
	Jobs   *jobs.Queue // started; stopped with the test
	HTTP   *httptest.Server
	Clock  *storetest.Clock
	Users  map[model.Role]model.User
	Secret []byte
	Cairo  *time.Location

	opt  Options
	mu   sync.Mutex
	hits []string // "METHOD /path" of every request the server answered
	main *Link    // the link HTTP serves
	// filesDir holds the evidence files of every instance.
	filesDir string
}

// SetNetworkDown makes the server drop (or serve again) every request
// that comes through HTTP, so that a browser test's "offline" does not
// depend on which of the browser's processes the emulation reached.
func (e *Env) SetNetworkDown(down bool) {
	if down {
		e.main.Set(NetworkDown)
	} else {
		e.main.Set(NetworkUp)
	}
}

// Hits counts the requests the server received for method and path.
func (e *Env) Hits(method, path string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, h := range e.hits {
		if h == method+" "+path {
			n++
		}
	}
	return n
}

// Options change what New builds.
type Options struct {
	Demo  bool       // load the demo data
	Today model.Date // the clock's day (default 2023-01-17, inside the Hurghada course)
	// Adjust changes the options of the composition root before it builds
	// the application.
	Adjust func(*app.Options)
	// RealClock runs the application on the machine's clock, with the demo
	// placed around the real today (in Cairo); Today is then ignored.
	RealClock bool
	// Postgres runs the application on a fresh PostgreSQL schema instead of
	// a SQLite file (the test is skipped without TRAINDESK_TEST_PG). Without
	// it, the database is the pass's (storetest.Open): SQLite, then
	// PostgreSQL in the second pass of `make test`.
	Postgres bool
	// SQLite holds the test to a SQLite file (it is about the file: a
	// backup, a copy, a pragma); it is skipped in the PostgreSQL pass.
	SQLite bool
	// Limits replace the sign-in limits (nil: auth.DefaultLimits).
	Limits *auth.Limits
	// Path runs the application on this SQLite file, migrated, instead of
	// a new one (the benchmarks' large data sets).
	Path string
	// Synchronous is SQLite's synchronous setting ("": the store's FULL);
	// the durability benchmark compares NORMAL with it.
	Synchronous string
}

// New builds and starts an application; it is torn down with the test.
func New(t testing.TB, opt Options) *Env {
	t.Helper()
	cairo, err := time.LoadLocation("Africa/Cairo")
	if err != nil {
		t.Fatal(err)
	}
	if opt.RealClock {
		opt.Today = model.DateOf(time.Now().In(cairo))
	}
	if opt.Today.IsZero() {
		opt.Today = model.MustDate("2023-01-17")
	}
	clock := &storetest.Clock{T: time.Date(opt.Today.Year, opt.Today.Month, opt.Today.Day, 8, 30, 0, 0, cairo), Real: opt.RealClock}
	hash, err := auth.HashPassword(Password, auth.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	fill := func(ctx context.Context, st *store.Store) error { return populate(ctx, st, opt, cairo, hash) }
	sopt := store.Options{Now: clock.Now, Logger: quiet(), Synchronous: opt.Synchronous}
	var st *store.Store
	switch {
	case opt.Postgres:
		st = storetest.Postgres(t, sopt)
	case opt.Path != "":
		st = storetest.SQLiteAt(t, opt.Path, sopt)
	case opt.Synchronous != "":
		st = storetest.SQLite(t, sopt)
	case opt.SQLite || !storetest.SecondPass():
		// A new SQLite file: a copy of one built once per day and demo.
		key := fmt.Sprintf("webtest demo=%v today=%s", opt.Demo, opt.Today)
		st = storetest.SQLiteSeeded(t, key, sopt, fill)
	default:
		st = storetest.Open(t, sopt)
	}
	e := &Env{T: t, Store: st, Clock: clock, Users: map[model.Role]model.User{}, Cairo: cairo,
		Secret: []byte("test-secret-test-secret-test-secret-0123456789")}
	ctx := context.Background()
	if err := fill(ctx, st); err != nil {
		t.Fatal(err)
	}
	for role, email := range testEmails {
		u, err := st.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		e.Users[role] = u
	}
	e.opt = opt
	e.start()
	return e
}

// testEmails are the test users' addresses, one per role.
var testEmails = map[model.Role]string{
	model.RoleAdmin: "admin@traindesk.local", model.RoleProgramOfficer: "officer@traindesk.local",
	model.RoleTrainer: "trainer@traindesk.local", model.RoleManager: "manager@traindesk.local",
}

// populate loads the demo when asked, unless st holds it already, and
// creates the test users that st lacks: run on a copy of a seeded
// database it finds them all and writes nothing.
func populate(ctx context.Context, st *store.Store, opt Options, cairo *time.Location, hash string) error {
	if opt.Demo {
		if _, err := st.UserByEmail(ctx, testEmails[model.RoleAdmin]); err != nil {
			if _, err := st.LoadDemo(ctx, seed.Build(opt.Today), store.DemoOptions{PasswordHash: hash, NameKey: roster.NameKey, Location: cairo}); err != nil {
				return fmt.Errorf("load demo: %w", err)
			}
		}
	}
	for role, email := range testEmails {
		if _, err := st.UserByEmail(ctx, email); err == nil {
			continue
		}
		u := model.User{Email: email, Name: "Test " + string(role), Role: role, PasswordHash: hash, Active: true}
		if err := st.CreateUser(ctx, &u); err != nil {
			return err
		}
	}
	return nil
}

// Another starts a second instance of e's application on the same
// database, as a second server behind a load balancer: its own
// connections, its own job queue, its own HTTP server; the same secret,
// clock and users.
func (e *Env) Another() *Env {
	e.T.Helper()
	st, err := store.Open(context.Background(), e.Store.DSN(), store.Options{Now: e.Clock.Now, Logger: quiet()})
	if err != nil {
		e.T.Fatal(err)
	}
	e.T.Cleanup(func() { st.Close() })
	o := &Env{T: e.T, Store: st, Clock: e.Clock, Users: e.Users, Cairo: e.Cairo, Secret: e.Secret, opt: e.opt,
		filesDir: e.files0()}
	o.start()
	return o
}

// start builds the application over e.Store, starts its job queue and
// serves it.
func (e *Env) start() {
	t, opt, clock, ctx := e.T, e.opt, e.Clock, context.Background()
	o := app.Options{
		Secret:        e.Secret,
		Now:           clock.Now,
		Location:      e.Cairo,
		Log:           quiet(),
		SessionIdle:   8 * time.Hour,
		SessionMax:    7 * 24 * time.Hour,
		MarkDaysAfter: 3,
		BcryptCost:    auth.MinCost,
		Version:       "test",
		Limits:        opt.Limits,
		BaseURL:       BaseURL,
		Jobs:          jobs.Options{Log: quiet(), TestOnly: true, RetryDelay: 10 * time.Millisecond},
	}
	if opt.Adjust != nil {
		opt.Adjust(&o)
	}
	if o.Files == nil {
		o.Files = e.files()
	}
	built := app.Build(e.Store, o)
	e.Server, e.Jobs = built.Server, built.Jobs
	if err := built.Jobs.Start(ctx); err != nil {
		t.Fatalf("start the job queue: %v", err)
	}
	t.Cleanup(func() { built.Jobs.Stop(context.Background()) })
	e.main = e.NewLink()
	e.HTTP = e.main.srv
}

// FilesDir is the folder the application keeps evidence files in.
func (e *Env) FilesDir() string { return e.files0() }

// files0 is the folder of e's files, made if needed.
func (e *Env) files0() string {
	e.files()
	return e.filesDir
}

// files is the folder the application keeps evidence files in: one per
// test, shared by every instance of it, as a bucket would be.
func (e *Env) files() *filestore.Folder {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.filesDir == "" {
		e.filesDir = e.T.TempDir()
	}
	f, err := filestore.NewFolder(e.filesDir)
	if err != nil {
		e.T.Fatal(err)
	}
	return f
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
