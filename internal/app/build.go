package app

import (
	"crypto/tls"
	"log/slog"
	"net/netip"
	"time"

	"github.com/traindesk/traindesk/internal/mail"

	"github.com/traindesk/traindesk/assets"
	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/audit"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/certificate"
	"github.com/traindesk/traindesk/internal/evidence"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/notify"
	"github.com/traindesk/traindesk/internal/proxy"
	"github.com/traindesk/traindesk/internal/questionnaire"
	"github.com/traindesk/traindesk/internal/reference"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/trainings"
	"github.com/traindesk/traindesk/internal/web"
)

// Options is what Build needs besides the store: the settings that shape
// the services and the server. serve fills it from the configuration;
// the test harness fills it with a fixed clock and cheap bcrypt.
type Options struct {
	Secret         []byte // master key: cookies, QR codes, certificates
	Now            func() time.Time
	Location       *time.Location // the venues' time zone
	Log            *slog.Logger
	SessionIdle    time.Duration
	SessionMax     time.Duration
	MarkDaysAfter  int
	BcryptCost     int // 0: auth.DefaultCost
	TLS            bool
	TrustedProxies []netip.Prefix
	Version        string
	// Limits bound sign-in attempts; nil: auth.DefaultLimits.
	Limits *auth.Limits
	// BaseURL is the site's public address, the only source of absolute
	// links (config.Config.PublicURL); "" refuses certificates.
	BaseURL string
	// Jobs tunes the job queue (tests shorten its waits).
	Jobs jobs.Options
	// Files keeps evidence files' bytes (a folder under the data
	// directory); nil refuses uploads.
	Files evidence.Files
	// Mail is the mail server (nil: messages are held in the outbox);
	// MailFrom the sender; MailTLS replaces the TLS settings (tests).
	Mail     *mail.Server
	MailFrom mail.Address
	MailTLS  *tls.Config
}

// Built is the assembled application: the store it runs on, the HTTP
// server over its services, and the job queue, which the caller starts
// (Jobs.Start) and stops (Jobs.Stop) around serving.
type Built struct {
	Store  *store.Store
	Server *web.Server
	Jobs   *jobs.Queue
}

// Build is the one place where traindesk is assembled: every service is
// constructed here from the store and the options, and handed to the web
// layer. serve and the test harness both call it, so tests run the wiring
// that production runs.
func Build(st *store.Store, o Options) *Built {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.BcryptCost == 0 {
		o.BcryptCost = auth.DefaultCost
	}
	trust := proxy.Trust{Prefixes: o.TrustedProxies}

	// Services: each owns its rules and its writes.
	sessions := auth.NewSessions(st, auth.SessionOptions{Secret: o.Secret, Idle: o.SessionIdle, Max: o.SessionMax,
		Now: o.Now, IsHTTPS: trust.IsHTTPS, Cost: o.BcryptCost, Limits: o.Limits})
	marks := attendance.New(st, attendance.Config{Now: o.Now, Location: o.Location, DaysAfter: o.MarkDaysAfter,
		CodeKey: auth.DeriveKey(o.Secret, "checkin", 32)})
	// Background work runs on the job queue, kept in the database. Each
	// kind of job is registered here with the service method that does it.
	if o.Jobs.Log == nil {
		o.Jobs.Log = o.Log
	}
	queue := jobs.New(st, o.Jobs)
	// Starting an export waits two seconds for it, so that small exports
	// download at once and only long ones show progress.
	// The report counts the trainings' incomplete evidence and packs the
	// period's files through the evidence service.
	evidenceSvc := evidence.New(st, o.Files, o.Now, o.Location)
	reports := report.New(st, queue, report.Options{Now: o.Now, Location: o.Location, Wait: 2 * time.Second,
		Evidence: evidenceSvc})
	jobs.Add(queue, report.ExportKind, reports.RunExport)
	// The dashboard's headline figures are the report's.
	trainingSvc := trainings.New(st, o.Now, o.Location).WithHeadlines(reports)
	// Erasure and retention delete photos of people through the evidence
	// service's own delete path.
	registry := roster.New(st, trainingSvc, o.Now, o.Location).WithPhotos(evidenceSvc)
	// Contacts outliving the administrators' retention period go daily.
	jobs.Add(queue, roster.RetentionKind, registry.ApplyRetention)
	notifier := newNotifier(st, queue, o)
	certificates := certificate.New(st, certificate.Options{Now: o.Now, Location: o.Location, BaseURL: o.BaseURL})

	// Participants answer questionnaires with their badges' check-in codes.
	// Follow-ups months later go through the outbox, once a day.
	quizzes := questionnaire.New(st, questionnaire.Config{Now: o.Now, Location: o.Location,
		Key: auth.DeriveKey(o.Secret, "questionnaire", 32), BaseURL: o.BaseURL, Mail: notifier,
		Codes: attendance.Codes{Key: auth.DeriveKey(o.Secret, "checkin", 32)}})
	jobs.Add(queue, questionnaire.FollowUpKind, quizzes.SendFollowUps)

	srv := web.New(web.Deps{
		Health:         st,
		Sessions:       sessions,
		Trainings:      trainingSvc,
		Attendance:     marks,
		Roster:         registry,
		Reports:        reports,
		Certificates:   certificates,
		Evidence:       evidenceSvc,
		Questionnaires: quizzes,
		Notify:         notifier,
		Users:          auth.NewUsers(st, o.BcryptCost),
		Tokens:         auth.NewTokens(st, o.Now, 0),
		Reference:      reference.New(st),
		Audit:          audit.New(st),
		Assets:         assets.New("/assets/"),
		Log:            o.Log,
		Now:            o.Now,
		Location:       o.Location,
		TLS:            o.TLS,
		TrustedProxies: o.TrustedProxies,
		Version:        o.Version,
	})
	return &Built{Store: st, Server: srv, Jobs: queue}
}

// newNotifier builds the e-mail service and registers its jobs: sending
// each message, the daily purge of old messages' bodies, and the
// reminders, looked for every quarter of an hour.
func newNotifier(st *store.Store, queue *jobs.Queue, o Options) *notify.Service {
	var mailer notify.Mailer
	if o.Mail != nil {
		mailer = mail.New(*o.Mail, mail.Options{TLS: o.MailTLS})
	}
	n := notify.New(st, queue, notify.Options{Now: o.Now, Location: o.Location, BaseURL: o.BaseURL, From: o.MailFrom,
		Mailer: mailer, Codes: attendance.Codes{Key: auth.DeriveKey(o.Secret, "checkin", 32)}})
	jobs.Add(queue, notify.SendKind, n.Send)
	jobs.Add(queue, notify.PurgeKind, n.Purge)
	jobs.Add(queue, notify.RemindKind, n.Remind)
	return n
}
