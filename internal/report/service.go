package report

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/vcache"
)

// Store is what the report service needs from the database: the figures'
// aggregates, the long tables' streams, the projects, the reference lists
// the form offers, and the audit log. *store.Store implements it.
type Store interface {
	Querier
	Source
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	ProjectByCode(ctx context.Context, code string) (model.Project, error)
	Projects(ctx context.Context, withArchived bool) ([]model.Project, error)
	DataVersion(ctx context.Context) (int64, error)
	AllRefs(ctx context.Context) (model.Refs, error)
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
}

// Options set the service's clock, the venues' time zone (in which the
// day the figures stand on is reckoned, and the date a PDF is made) and how
// long starting an export waits for it (see
// StartExport).
type Options struct {
	Now      func() time.Time
	Location *time.Location
	Wait     time.Duration
	Evidence Evidence // the trainings' evidence; nil: the report says nothing of it
}

// Service is the donor report: the figures for the page and the JSON API,
// and the exports (which file, which tables, which job, the file's name),
// each of them written to the audit log. Only those who may view reports
// use it (model.ErrForbidden for others).
//
// The figures are read outside a transaction: the aggregate queries run on
// the read pool and must not hold the one writer connection SQLite has.
// A direct export's only write is its audit event; a background export
// also writes its job and its file's row in that transaction, and the job
// writes the file's chunks, each in a short transaction of its own.
type Service struct {
	store Store
	jobs  Jobs
	now   func() time.Time
	loc   *time.Location
	wait  time.Duration
	// evidence answers for the counted trainings' evidence files.
	evidence Evidence
	// headlines keeps the dashboard's figures until the data changes.
	headlines *vcache.Versioned[headlineKey, []model.Figures]
}

// New returns the report service over st, running background exports on
// the job queue runner (whose export work is RunExport).
func New(st Store, runner Jobs, o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	return &Service{store: st, jobs: runner, now: o.Now, loc: o.Location, wait: o.Wait, evidence: o.Evidence, headlines: vcache.New[headlineKey, []model.Figures](1024)}
}

// today is the venues' current day, which the figures stand on.
func (s *Service) today() model.Date { return model.DateOf(s.now().In(s.loc)) }

// allow checks that a may view reports.
func allow(a model.Actor) error {
	if !auth.Allow(a.User, auth.ViewReports, auth.Object{}) {
		return fmt.Errorf("report: %w", model.ErrForbidden)
	}
	return nil
}

// Request is a report asked for, as the web layer read it: the project
// and the optional filters by id (0: none), the period's days (zero: the
// project's own). Invalid holds the fields the caller could not read, by
// name, with their message keys; they are reported with the others.
type Request struct {
	ProjectID                           int64
	From, To                            model.Date
	AgencyID, GovernorateID, ThematicID int64
	Invalid                             map[string]string
}

// resolve turns a request into a filter: an unknown project and fields
// that could not be read are field errors; an empty period is the
// project's own. The filter is checked (Filter.Validate) only when all
// fields were read. The project is returned even with field errors, for
// the page's period shortcuts.
func (s *Service) resolve(ctx context.Context, r Request) (Filter, model.Project, error) {
	errs := model.Errors{}
	for k, v := range r.Invalid {
		errs.Add(k, v)
	}
	var p model.Project
	if r.ProjectID <= 0 {
		errs.Add("project", "report.error.project")
	} else if found, err := s.store.ProjectByID(ctx, r.ProjectID); errors.Is(err, model.ErrNotFound) {
		errs.Add("project", "report.error.project")
	} else if err != nil {
		return Filter{}, p, err
	} else {
		p = found
	}
	f := Filter{ProjectID: p.ID, From: p.StartsOn, To: p.EndsOn, AsOf: s.today(), AgencyID: r.AgencyID,
		GovernorateID: r.GovernorateID, ThematicID: r.ThematicID}
	// A day that was typed replaces the project's, even one that could
	// not be read: it then stays empty.
	if !r.From.IsZero() || r.Invalid["from"] != "" {
		f.From = r.From
	}
	if !r.To.IsZero() || r.Invalid["to"] != "" {
		f.To = r.To
	}
	if len(errs) > 0 {
		return f, p, errs.Err()
	}
	return f, p, f.Validate()
}
