package model

import "time"

// NewsPage is a training's news item page: the item in English and in
// Arabic, each either as the officer saved it or as drafted from the
// training's record.
type NewsPage struct {
	TrainingID int64
	TitleEn    string
	TitleAr    string
	CanEdit    bool
	Items      []NewsDraft
}

// NewsDraft is the news item in one language.
type NewsDraft struct {
	Lang string // "en" or "ar"
	Body string
	// Draft is the text drafted from the record now, offered again when
	// the saved text is older than the record.
	Draft     string
	Saved     bool
	UpdatedAt time.Time
	Error     string // a message key beside the text, after a refused save
}

// NewsInput is the edited news item in one language.
type NewsInput struct {
	Lang string
	Body string
}

// MaxNewsBody is the longest news item kept, in bytes.
const MaxNewsBody = 20000

// NewsFile is a news item written as a file to download.
type NewsFile struct {
	Name        string
	ContentType string
	Data        []byte
}
