package app

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/config"
	"github.com/traindesk/traindesk/internal/filestore"
	"github.com/traindesk/traindesk/internal/footprint"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
)

func serve(ctx context.Context, env Env) error {
	cfg, log, st, err := openStore(ctx, env, func(ctx context.Context, cfg config.Config, st *store.Store) error {
		return bootstrap(ctx, env, cfg, st)
	})
	if err != nil {
		return err
	}
	defer st.Close()
	secret, err := cfg.SessionSecret()
	if err != nil {
		return err
	}
	files, err := filestore.Open(ctx, cfg.FilesURL, filepath.Join(cfg.DataDir, "files"))
	if err != nil {
		return err
	}
	defer files.Close()
	built := Build(st, Options{
		Files:          files,
		Secret:         secret,
		Now:            env.Now,
		Location:       cfg.Location,
		Log:            log,
		SessionIdle:    cfg.SessionIdle,
		SessionMax:     cfg.SessionMax,
		MarkDaysAfter:  cfg.MarkDaysAfter,
		TLS:            cfg.TLS(),
		TrustedProxies: cfg.TrustedProxies,
		Version:        Version,
		BaseURL:        cfg.PublicURL(),
		Mail:           cfg.SMTP,
		MailFrom:       cfg.MailFrom,
	})
	if err := built.Jobs.Start(ctx); err != nil {
		return err
	}
	// Deferred after the store's Close, so it runs first: running jobs
	// finish (or are cut short, to be tried again) before the database
	// closes.
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := built.Jobs.Stop(sctx); err != nil {
			log.Warn("stop the job queue", "error", err)
		}
	}()
	if cfg.PublicURL() == "" {
		log.Warn("TRAINDESK_BASE_URL is not set and traindesk listens beyond localhost: certificates cannot be issued until it names this site's public address", "addr", cfg.Addr)
	}
	hs := &http.Server{
		Addr:              cfg.Addr,
		Handler:           built.Server,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	go purge(ctx, st, built.Server.Sessions, log)
	// Start-up is over: what it alone needed goes back to the system,
	// beside the first requests rather than before them (the code it
	// unmaps is read back from the file as it runs).
	go func() {
		if r, err := footprint.Trim(); err != nil {
			log.Warn("give back start-up memory", "error", err)
		} else {
			log.Debug("gave back start-up memory", "code_bytes", r.CodeBytes)
		}
	}()

	errc := make(chan error, 1)
	go func() {
		scheme := "http"
		if cfg.TLS() {
			scheme = "https"
		}
		log.Info("traindesk is listening", "addr", cfg.Addr, "url", scheme+"://localhost"+portOf(cfg.Addr), "db", dbKind(cfg), "version", Version)
		if cfg.TLS() {
			errc <- hs.ListenAndServeTLS(cfg.TLSCert, cfg.TLSKey)
		} else {
			errc <- hs.ListenAndServe()
		}
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Drain: stop accepting, let requests in flight finish, then stop the
	// job queue and close the database (deferred above) so that SQLite
	// checkpoints its WAL.
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped cleanly")
	return nil
}

func portOf(addr string) string {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[i:]
		}
	}
	return ""
}

func dbKind(cfg config.Config) string {
	if cfg.IsPostgres() {
		return "postgres"
	}
	return cfg.DB
}

// bootstrap creates the first administrator when there is no user, and the
// demo data when asked to and the database holds no training yet.
func bootstrap(ctx context.Context, env Env, cfg config.Config, st *store.Store) error {
	n, err := st.CountUsers(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		pw := cfg.AdminPassword
		// The service records the account's creation, by the system.
		u, generated, err := auth.NewUsers(st, auth.DefaultCost).Create(ctx, model.System, model.UserInput{
			Email: cfg.AdminEmail, Name: "Administrator", Role: model.RoleAdmin, Password: pw})
		var ve *model.ValidationError
		if errors.As(err, &ve) {
			return fmt.Errorf("create the first administrator: %s", describeAdmin(ve.Fields))
		} else if err != nil {
			return fmt.Errorf("create the first administrator: %w", err)
		}
		if generated != "" {
			printOnce(env, "administrator", u.Email, generated)
		}
	}
	if cfg.Demo {
		loaded, err := loadDemo(ctx, env, cfg, st)
		if err != nil {
			return err
		}
		if loaded {
			fmt.Fprintln(env.Stdout, "Loaded the demo course (Hurghada, 16–19 January 2023) and three more trainings.")
		}
	}
	return nil
}

// describeAdmin says what is wrong with the first administrator's
// settings, naming the variables.
func describeAdmin(fe map[string]string) string {
	out := describeFields(fe)
	for flag, env := range map[string]string{"--email": "TRAINDESK_ADMIN_EMAIL", "--password": "TRAINDESK_ADMIN_PASSWORD", "--name": "the name", "--role": "the role"} {
		out = strings.ReplaceAll(out, flag+" ", env+" ")
	}
	return out
}

// printOnce shows a generated password; it is not stored anywhere else.
func printOnce(env Env, who, email, pw string) {
	fmt.Fprintf(env.Stdout, "\n  ┌ %s sign-in (shown once, write it down)\n  │ email:    %s\n  └ password: %s\n\n", who, email, pw)
}

// purge deletes ended sessions and sign-in counters that count nothing
// any more, every hour.
func purge(ctx context.Context, st *store.Store, sessions *auth.Sessions, log interface{ Warn(string, ...any) }) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := st.PurgeLogins(ctx); err != nil {
				log.Warn("purge sessions", "error", err)
			}
			if _, err := sessions.PurgeThrottles(ctx); err != nil {
				log.Warn("purge sign-in counters", "error", err)
			}
		}
	}
}
