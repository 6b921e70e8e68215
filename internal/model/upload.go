package model

import "time"

// Upload is a nomination list kept between its upload and the officer's
// confirmation. Nothing from it reaches the registry before then.
type Upload struct {
	ID         int64
	TrainingID int64
	UserID     *int64
	FileName   string
	Kind       string
	Content    []byte
	Mapping    string // comma-separated field per column, as the officer chose
	Separator  string // a CSV list's separator as the officer chose it (ImportSeparators), "" guessed
	Encoding   string // a CSV list's encoding as the officer chose it (ImportEncodings), "" guessed
	CreatedAt  time.Time
}

// TableName is part of the schema contract in db/migrations.
func (Upload) TableName() string { return "import_uploads" }
