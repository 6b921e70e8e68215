// Package app is traindesk's composition root: it turns the command line and
// the environment into a configured program — config → database → store →
// services → web — and runs one subcommand.
package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/config"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/store"
)

// Version is set at build time with -ldflags "-X ...app.Version=…".
var Version = "dev"

// Env is the outside world a command runs in.
type Env struct {
	Args   []string
	Getenv func(string) string
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
}

// Main runs the command in env.Args and returns the process exit code.
func Main(ctx context.Context, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	cmd, args := "serve", env.Args
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = serve(ctx, env)
	case "migrate":
		err = migrate(ctx, env, args)
	case "seed":
		err = seedCmd(ctx, env, args)
	case "user":
		err = user(ctx, env, args)
	case "backup":
		err = backup(ctx, env, args)
	case "version":
		fmt.Fprintln(env.Stdout, "traindesk", Version)
	case "help", "-h", "--help":
		usage(env.Stdout)
	default:
		fmt.Fprintf(env.Stderr, "traindesk: unknown command %q\n\n", cmd)
		usage(env.Stderr)
		return 2
	}
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(env.Stderr, "traindesk:", err)
			return 2
		}
		fmt.Fprintln(env.Stderr, "traindesk:", err)
		return 1
	}
	return 0
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usage(w io.Writer) {
	fmt.Fprint(w, `traindesk — trainings, participants, attendance and donor reports

Usage:
  traindesk [serve]                 run the web server (migrates first)
  traindesk migrate [--status]      apply pending database migrations, or list them
  traindesk seed --demo             load the demo course into an empty database
  traindesk user add --email E --name N --role R [--password P]
  traindesk user reset --email E [--password P]
  traindesk user list
  traindesk backup PATH             write a consistent, checked copy of the database
  traindesk version

Environment:
`)
	for _, v := range config.Vars {
		fmt.Fprintf(w, "  %-34s %s (default: %s)\n", v.Name, v.Meaning, v.Default)
	}
}

// openStore loads the configuration, opens and checks the database, and
// runs the start-up: our migrations, then the job queue's (River's), then
// more when it is given (the first administrator, the demo). On PostgreSQL
// all of it runs under one advisory lock, so that instances starting
// together on an empty database take turns and each finds what the first
// one did.
func openStore(ctx context.Context, env Env, more func(ctx context.Context, cfg config.Config, st *store.Store) error) (config.Config, *slog.Logger, *store.Store, error) {
	cfg, err := config.Load(env.Getenv)
	if err != nil {
		return cfg, nil, nil, err
	}
	log := newLogger(cfg, env.Stderr)
	st, err := store.Open(ctx, cfg.DB, store.Options{Logger: log, Now: env.Now})
	if err != nil {
		return cfg, log, nil, err
	}
	if err := st.QuickCheck(ctx); err != nil {
		st.Close()
		return cfg, log, nil, err
	}
	err = st.Startup(ctx, func(ctx context.Context) error {
		applied, err := st.Migrate(ctx)
		if err != nil {
			return err
		}
		queue, err := jobs.Migrate(ctx, st)
		if err != nil {
			return err
		}
		if len(applied) > 0 || len(queue) > 0 {
			log.Info("migrated the database", "applied", applied, "job_queue", queue)
		}
		if more != nil {
			return more(ctx, cfg, st)
		}
		return nil
	})
	if err != nil {
		st.Close()
		return cfg, log, nil, err
	}
	return cfg, log, st, nil
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func migrate(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	status := fs.Bool("status", false, "list migrations instead of applying them")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	_, _, st, err := openStore(ctx, env, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	ms, err := st.Migrations(ctx)
	if err != nil {
		return err
	}
	if *status {
		for _, m := range ms {
			at := "pending"
			if m.AppliedAt != nil {
				at = m.AppliedAt.Format(time.RFC3339)
			}
			fmt.Fprintf(env.Stdout, "%4d  %-25s %s\n", m.Version, at, m.Description)
		}
		return queueStatus(ctx, env, st)
	}
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "database is at version %d of %d\n", v, len(ms))
	return queueStatus(ctx, env, st)
}

// queueStatus prints the version of the job queue's own tables, which
// River migrates after ours (see internal/jobs).
func queueStatus(ctx context.Context, env Env, st *store.Store) error {
	applied, known, err := jobs.MigrationStatus(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "job queue (River) tables are at version %d of %d\n", applied, known)
	return nil
}

func backup(ctx context.Context, env Env, args []string) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return usageError{"usage: traindesk backup PATH"}
	}
	_, _, st, err := openStore(ctx, env, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	n, err := st.Backup(ctx, args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%d bytes) in %s; integrity check: ok\n", args[0], n, time.Since(start).Round(time.Millisecond))
	return nil
}
