package migrations

import (
	"time"

	"gorm.io/gorm"
)

// m0007ExportFile is a file a background job writes for one user (a report
// export): its name, how far the job has got, and when it is forgotten.
// The bytes are in m0007ExportChunk, so that every instance behind a load
// balancer serves the same file and nothing is kept on an instance's disk.
type m0007ExportFile struct {
	ID          string     `gorm:"primaryKey;size:32"`
	JobID       int64      `gorm:"not null;default:0;index:ix_export_files_job"`
	OwnerID     int64      `gorm:"not null;index:ix_export_files_owner"`
	Name        string     `gorm:"size:255;not null"`
	ContentType string     `gorm:"size:120;not null"`
	State       string     `gorm:"size:16;not null"`
	Rows        int64      `gorm:"not null;default:0"`
	Total       int64      `gorm:"not null;default:0"`
	Size        int64      `gorm:"not null;default:0"`
	Chunks      int        `gorm:"not null;default:0"`
	Attempt     int        `gorm:"not null;default:0"`
	Error       string     `gorm:"type:text;not null;default:''"`
	CreatedAt   time.Time  `gorm:"not null"`
	UpdatedAt   time.Time  `gorm:"not null"`
	FinishedAt  *time.Time `gorm:""`
	ExpiresAt   time.Time  `gorm:"not null;index:ix_export_files_expires"`
}

func (m0007ExportFile) TableName() string { return "export_files" }

// m0007ExportChunk is one piece of a file's bytes, in order of Seq. A job
// writes a chunk at a time, so neither the writer nor a download ever holds
// the whole file in memory.
type m0007ExportChunk struct {
	FileID string           `gorm:"primaryKey;size:32"`
	File   *m0007ExportFile `gorm:"foreignKey:FileID;constraint:OnDelete:CASCADE"`
	Seq    int              `gorm:"primaryKey;autoIncrement:false"`
	Data   []byte           `gorm:"not null"`
}

func (m0007ExportChunk) TableName() string { return "export_file_chunks" }

func m0007(tx *gorm.DB) error {
	return createTables(tx, &m0007ExportFile{}, &m0007ExportChunk{})
}
