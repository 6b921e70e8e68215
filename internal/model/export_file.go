package model

import "time"

// ExportState is where a background export is in its life.
type ExportState string

// Export states. A queued file waits for a free worker, or to be tried
// again after its instance stopped mid-way.
const (
	ExportQueued  ExportState = "queued"
	ExportRunning ExportState = "running"
	ExportDone    ExportState = "done"
	ExportFailed  ExportState = "failed"
)

// ExportFile is a file a background job writes for its owner, such as a
// report export. Its bytes are kept in the database in chunks, so that any
// instance can show its progress and serve it; it is forgotten at
// ExpiresAt.
type ExportFile struct {
	ID          string // random: the file's address, never guessable
	JobID       int64  // the job queue's id of the job writing it
	OwnerID     int64
	Name        string
	ContentType string
	State       ExportState
	Rows        int64 // rows written so far
	Total       int64 // rows expected, 0 when unknown
	Size        int64 // bytes, once done
	Chunks      int   // pieces of the file, once done
	Attempt     int   // the job's attempt that wrote (or writes) it
	Error       string
	CreatedAt   time.Time
	UpdatedAt   time.Time // moves while the job runs: its heartbeat
	FinishedAt  *time.Time
	ExpiresAt   time.Time
}

// TableName is part of the schema contract in db/migrations.
func (ExportFile) TableName() string { return "export_files" }

// Finished reports whether the file will change no more.
func (f ExportFile) Finished() bool { return f.State == ExportDone || f.State == ExportFailed }
