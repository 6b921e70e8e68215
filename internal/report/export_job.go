package report

import (
	"context"
	"io"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
)

// Jobs is the job queue as exports use it; *jobs.Queue implements it. The
// file a job writes is kept in the database, so any instance shows its
// progress and serves it.
type Jobs interface {
	StartFile(ctx context.Context, f jobs.File, args jobs.Args) error
	WriteFile(ctx context.Context, job jobs.Job, id string, write jobs.WriteFunc) error
	Status(ctx context.Context, owner int64, id string) (model.ExportFile, error)
	Wait(ctx context.Context, owner int64, id string, d time.Duration) (model.ExportFile, error)
	Open(ctx context.Context, owner int64, id string) (model.ExportFile, io.ReadCloser, error)
}

// ExportArgs is a background export as the job queue keeps it: the file
// to write and what goes in it. The figures are computed again when the
// job runs, so that they agree with the rows it streams.
type ExportArgs struct {
	FileID  string    `json:"file_id"`
	Filter  Filter    `json:"filter"`
	Format  string    `json:"format"`
	Table   string    `json:"table,omitempty"`
	Contact bool      `json:"contact,omitempty"`
	Lang    i18n.Lang `json:"lang"`
}

// Kind names report exports in the job queue.
func (ExportArgs) Kind() string { return "report_export" }

// ExportKind is how export jobs run: in the exports queue, three
// attempts, ten minutes each at most (the largest export, 100,000 rows,
// takes seconds).
var ExportKind = jobs.Kind{Queue: jobs.QueueExports, MaxAttempts: 3, Timeout: 10 * time.Minute}

// Job is a background export as StartExport started it.
type Job struct {
	ID   string
	Done bool // finished while StartExport waited
}

// StartExport queues an export for a and writes it to the audit log, in
// one transaction. With wait it waits a moment (Options.Wait) for the
// export, so that small exports download at once and only long ones show
// their progress. A user who already has jobs.MaxRunning exports on their
// way gets jobs.ErrBusy.
func (s *Service) StartExport(ctx context.Context, a model.Actor, r ExportRequest, wait bool) (Job, error) {
	x, err := s.prepare(ctx, a, r)
	if err != nil {
		return Job{}, err
	}
	f := s.file(x)
	args := ExportArgs{FileID: jobs.NewFileID(), Filter: x.filter, Format: x.format, Table: x.table, Contact: x.contact, Lang: x.lang}
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		file := jobs.File{ID: args.FileID, Owner: a.User.ID, Name: f.Name, ContentType: f.ContentType, Total: x.expectedRows()}
		if err := s.jobs.StartFile(ctx, file, args); err != nil {
			return err
		}
		return s.audit(ctx, a, x, "job")
	})
	if err != nil {
		return Job{}, err
	}
	job := Job{ID: args.FileID}
	if wait {
		st, err := s.jobs.Wait(ctx, a.User.ID, job.ID, s.wait)
		job.Done = err == nil && st.State == model.ExportDone
	}
	return job, nil
}

// RunExport is the work of an export job: it computes the figures and
// streams the file into the database.
func (s *Service) RunExport(ctx context.Context, job jobs.Job, a ExportArgs) error {
	return s.jobs.WriteFile(ctx, job, a.FileID, func(ctx context.Context, w io.Writer, progress func()) error {
		fig, err := Compute(ctx, s.store, a.Filter)
		if err != nil {
			return err
		}
		x := export{filter: a.Filter, fig: fig, format: a.Format, table: a.Table, contact: a.Contact, lang: a.Lang}
		return s.write(ctx, x, w, progress)
	})
}

// ExportStatus reports a's background export id; another user's is
// jobs.ErrNotFound.
func (s *Service) ExportStatus(ctx context.Context, a model.Actor, id string) (model.ExportFile, error) {
	if err := allow(a); err != nil {
		return model.ExportFile{}, err
	}
	return s.jobs.Status(ctx, a.User.ID, id)
}

// ExportFile opens the file of a's finished export id, to be read a chunk
// at a time; the caller closes it.
func (s *Service) ExportFile(ctx context.Context, a model.Actor, id string) (model.ExportFile, io.ReadCloser, error) {
	if err := allow(a); err != nil {
		return model.ExportFile{}, nil, err
	}
	return s.jobs.Open(ctx, a.User.ID, id)
}
