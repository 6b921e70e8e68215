package app

import (
	"context"
	"flag"
	"fmt"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/config"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
)

func seedCmd(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	demo := fs.Bool("demo", false, "load the demo course")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if !*demo {
		return usageError{"usage: traindesk seed --demo"}
	}
	// The first administrator and the demo are part of the start-up, under
	// its lock (see openStore).
	_, _, st, err := openStore(ctx, env, func(ctx context.Context, cfg config.Config, st *store.Store) error {
		if err := bootstrap(ctx, env, cfg, st); err != nil {
			return err
		}
		loaded, err := loadDemo(ctx, env, cfg, st)
		if err != nil {
			return err
		}
		if !loaded {
			return fmt.Errorf("the database already holds trainings; the demo loads only into an empty one")
		}
		return nil
	})
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintln(env.Stdout, "loaded the demo data")
	return nil
}

// loadDemo writes the demo data unless the database holds trainings. The
// demo users share TRAINDESK_DEMO_PASSWORD, or a password printed once.
func loadDemo(ctx context.Context, env Env, cfg config.Config, st *store.Store) (bool, error) {
	loc := cfg.Location
	pw := cfg.DemoPassword
	generated := pw == ""
	if generated {
		pw = auth.RandomPassword()
	}
	hash, err := auth.HashPassword(pw, auth.DefaultCost)
	if err != nil {
		return false, err
	}
	d := seed.Build(model.DateOf(env.Now().In(loc)))
	loaded, err := st.LoadDemo(ctx, d, store.DemoOptions{PasswordHash: hash, NameKey: roster.NameKey, Location: loc})
	if err != nil || !loaded {
		return loaded, err
	}
	if generated {
		fmt.Fprintln(env.Stdout, "\n  Demo users (one password for all, shown once):")
		for _, u := range d.Users {
			fmt.Fprintf(env.Stdout, "    %-26s %s\n", u.Email, u.Role)
		}
		fmt.Fprintf(env.Stdout, "    password: %s\n\n", pw)
	}
	return true, nil
}
