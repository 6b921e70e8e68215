package model

import "time"

// EvidenceKind says what an evidence file shows, as an auditor files it.
type EvidenceKind string

// The kinds of evidence a training keeps.
const (
	EvidenceSignedSheet EvidenceKind = "signed_sheet"
	EvidenceAgenda      EvidenceKind = "agenda"
	EvidencePhoto       EvidenceKind = "photo"
	EvidenceTestPapers  EvidenceKind = "test_papers"
	EvidenceOther       EvidenceKind = "other"
)

// EvidenceKinds lists the kinds in the order the forms offer them.
var EvidenceKinds = []EvidenceKind{EvidenceSignedSheet, EvidenceAgenda, EvidencePhoto, EvidenceTestPapers, EvidenceOther}

// Valid reports whether k is one of EvidenceKinds.
func (k EvidenceKind) Valid() bool {
	for _, x := range EvidenceKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Size limits of evidence: per file and per training.
const (
	EvidenceFileLimit     int64 = 25 << 20
	EvidenceTrainingLimit int64 = 500 << 20
)

// EvidenceFile is one file kept as evidence of a training or one of its
// sessions. Its bytes live in file storage under StorageKey (and its
// thumbnail under ThumbKey, for images); SHA256 is the checksum of the
// bytes as stored, which an auditor can check against the evidence pack's
// index.
type EvidenceFile struct {
	ID           int64
	TrainingID   int64
	SittingID    *int64
	Kind         EvidenceKind
	Caption      string
	FileName     string
	ContentType  string
	Size         int64
	SHA256       string `gorm:"column:sha256"`
	StorageKey   string
	ThumbKey     string
	UploadedByID *int64
	CreatedAt    time.Time
}

// TableName is part of the schema contract in db/migrations.
func (EvidenceFile) TableName() string { return "evidence_files" }

// Inline reports whether the file may be shown in the browser: images we
// re-encoded ourselves and PDFs. Everything else is only downloaded.
func (f EvidenceFile) Inline() bool {
	switch f.ContentType {
	case "image/jpeg", "image/png", "application/pdf":
		return true
	}
	return false
}

// IsImage reports whether the file is a picture with a thumbnail.
func (f EvidenceFile) IsImage() bool { return f.ThumbKey != "" }

// EvidencePerson says that an evidence photo shows a registered
// participant of its training. Erasure and retention delete the photos
// of the persons they concern.
type EvidencePerson struct {
	EvidenceFileID int64 `gorm:"primaryKey;autoIncrement:false"`
	PersonID       int64 `gorm:"primaryKey;autoIncrement:false"`
}

// TableName is part of the schema contract in db/migrations.
func (EvidencePerson) TableName() string { return "evidence_persons" }

// FileRemoval is what deleting evidence records leaves for after the
// commit: the storage keys of their bytes (and thumbnails), to delete once
// the records are surely gone.
type FileRemoval struct {
	Count int // files whose records were deleted
	Keys  []string
}

// EvidenceRow is an evidence file with what its list shows beside it.
type EvidenceRow struct {
	EvidenceFile
	UploadedBy  string // the user's name
	SittingDate *Date
	People      int // participants the photo is marked as showing
}

// EvidenceParticipant is a participant a photo of the training may show.
type EvidenceParticipant struct {
	PersonID   int64
	NameLatin  string
	NameArabic string
}

// EvidenceCheck is one line of a training's evidence checklist: a session
// with or without its signed sheet, or the training's agenda and photos.
type EvidenceCheck struct {
	// Key is the catalogue key of the line's label ("evidence.check.sheet",
	// "evidence.check.agenda", "evidence.check.photos").
	Key       string
	SittingID int64 // for a session's sheet
	Date      Date  // for a session's sheet
	Done      bool
}

// EvidenceChecklist says what evidence a training holds and lacks.
type EvidenceChecklist struct {
	Lines []EvidenceCheck
}

// Complete reports whether every line is done.
func (c EvidenceChecklist) Complete() bool {
	for _, l := range c.Lines {
		if !l.Done {
			return false
		}
	}
	return true
}

// Missing counts the lines not done.
func (c EvidenceChecklist) Missing() int {
	n := 0
	for _, l := range c.Lines {
		if !l.Done {
			n++
		}
	}
	return n
}

// BuildEvidenceChecklist is the rule of complete evidence: a signed
// attendance sheet for every session (attached to that session, or to the
// training when it has a single session), an agenda, and at least one photo.
func BuildEvidenceChecklist(sittings []Sitting, files []EvidenceFile) EvidenceChecklist {
	sheets := map[int64]bool{}
	var trainingSheet, agenda, photo bool
	for _, f := range files {
		switch f.Kind {
		case EvidenceSignedSheet:
			if f.SittingID != nil {
				sheets[*f.SittingID] = true
			} else {
				trainingSheet = true
			}
		case EvidenceAgenda:
			agenda = true
		case EvidencePhoto:
			photo = true
		}
	}
	var c EvidenceChecklist
	for _, s := range sittings {
		done := sheets[s.ID] || (trainingSheet && len(sittings) == 1)
		c.Lines = append(c.Lines, EvidenceCheck{Key: "evidence.check.sheet", SittingID: s.ID, Date: s.Date, Done: done})
	}
	c.Lines = append(c.Lines, EvidenceCheck{Key: "evidence.check.agenda", Done: agenda},
		EvidenceCheck{Key: "evidence.check.photos", Done: photo})
	return c
}

// EvidencePage is a training's evidence as the actor sees it.
type EvidencePage struct {
	Training  TrainingDetail
	Sittings  []Sitting
	Files     []EvidenceRow
	Checklist EvidenceChecklist
	Used      int64 // bytes the training's files take
	// Participants are whom the training's photos may be marked as
	// showing; Shown is, per photo, the ids it is marked with.
	Participants []EvidenceParticipant
	Shown        map[int64][]int64
	MayAdd       bool
	MayDelete    bool
}
