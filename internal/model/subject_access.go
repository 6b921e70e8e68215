package model

import "time"

// SubjectAccess is everything traindesk holds about one person, for their
// request to see it: the record, each registration with the agency and
// station recorded at the time, marks, scores, certificates, and who read
// or changed the record.
type SubjectAccess struct {
	GeneratedAt   time.Time            `json:"generated_at"`
	Person        SubjectPerson        `json:"person"`
	MergedRecords []SubjectPerson      `json:"merged_records,omitempty"`
	Registrations []HistoryRow         `json:"registrations"`
	Marks         []SubjectMark        `json:"marks"`
	Scores        []SubjectScore       `json:"scores"`
	Certificates  []SubjectCertificate `json:"certificates"`
	Messages      []SubjectMessage     `json:"messages"`
	Audit         []SubjectAuditLine   `json:"audit_trail"`
	Disclosures   []SubjectDisclosure  `json:"disclosures"`
	Evidence      []SubjectEvidence    `json:"evidence_naming_them"`
}

// SubjectPerson is a person record as the person sees it.
type SubjectPerson struct {
	ID            int64       `json:"id"`
	NameLatin     string      `json:"name_latin"`
	NameArabic    string      `json:"name_arabic"`
	Sex           Sex         `json:"sex"`
	BirthYear     *int        `json:"birth_year"`
	AgeBand       string      `json:"age_band"`
	AgencyID      *int64      `json:"agency_id"`
	DutyStationID *int64      `json:"duty_station_id"`
	Position      Position    `json:"position"`
	Rank          string      `json:"rank"`
	Phone         string      `json:"phone"`
	Email         string      `json:"email"`
	NationalRef   string      `json:"national_ref"`
	Notes         string      `json:"notes"`
	Lang          string      `json:"message_lang"`
	LawfulBasis   LawfulBasis `json:"lawful_basis"`
	BasisOn       *Date       `json:"basis_on"`
	BasisPurpose  string      `json:"basis_purpose"`
	ErasedAt      *time.Time  `json:"erased_at,omitempty"`
	CreatedAt     time.Time   `json:"created_at"`
	UpdatedAt     time.Time   `json:"updated_at"`
}

// SubjectPersonOf is p as SubjectAccess shows it.
func SubjectPersonOf(p Person) SubjectPerson {
	return SubjectPerson{ID: p.ID, NameLatin: p.NameLatin, NameArabic: p.NameArabic, Sex: p.Sex, BirthYear: p.BirthYear,
		AgeBand: p.AgeBand, AgencyID: p.AgencyID, DutyStationID: p.DutyStationID, Position: p.Position, Rank: p.Rank,
		Phone: p.Phone, Email: p.Email, NationalRef: p.NationalRef, Notes: p.Notes, ErasedAt: p.ErasedAt, Lang: p.PreferredLang(),
		LawfulBasis: p.LawfulBasis, BasisOn: p.BasisOn, BasisPurpose: p.BasisPurpose,
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

// SubjectMark is one attendance mark of the person.
type SubjectMark struct {
	TrainingID int64     `json:"training_id"`
	Date       Date      `json:"session_date"`
	Status     Mark      `json:"status"`
	RecordedAt time.Time `json:"recorded_at"`
}

// SubjectScore is the person's test scores and rating on one training.
type SubjectScore struct {
	TrainingID   int64    `json:"training_id"`
	PreScore     *float64 `json:"pre_score"`
	PostScore    *float64 `json:"post_score"`
	Satisfaction *int     `json:"satisfaction"`
}

// SubjectCertificate is one certificate issued to the person.
type SubjectCertificate struct {
	TrainingID int64      `json:"training_id"`
	Code       string     `json:"code"`
	IssuedAt   time.Time  `json:"issued_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

// SubjectAuditLine is one audit line about the person's record: what was
// done and by which user, when.
type SubjectAuditLine struct {
	At     time.Time `json:"at"`
	Action string    `json:"action"`
	UserID *int64    `json:"user_id"`
	User   string    `json:"user"`
}

// SubjectMessage is one message the outbox holds for the person: what
// kind, to which address, about which training, and whether it went.
type SubjectMessage struct {
	TrainingID *int64        `json:"training_id"`
	Kind       MessageKind   `json:"kind"`
	Lang       string        `json:"lang"`
	ToAddr     string        `json:"to"`
	Subject    string        `json:"subject"`
	Status     MessageStatus `json:"status"`
	QueuedAt   time.Time     `json:"queued_at"`
	SentAt     *time.Time    `json:"sent_at"`
}

// SubjectDisclosure is one recorded hand-out of the person's data other
// than their record's own trail: a download of their certificate, or an
// export whose participant list held their phone and email. Object and
// ObjectID name what was handed out (a certificate, a project's report).
type SubjectDisclosure struct {
	At       time.Time `json:"at"`
	Action   string    `json:"action"`
	UserID   *int64    `json:"user_id"`
	User     string    `json:"user"`
	Object   string    `json:"object"`
	ObjectID int64     `json:"object_id"`
}

// ContactExport is a recorded export that held participants' phones and
// emails, with the trainings it covered.
type ContactExport struct {
	Line        SubjectDisclosure
	TrainingIDs []int64
}

// SubjectEvidence is an evidence file that names or shows the person: a
// photo marked as showing them, or the signed attendance sheet of a
// training they were registered for. SessionDate is nil for a file of the
// whole training.
type SubjectEvidence struct {
	ID          int64        `json:"file_id"`
	TrainingID  int64        `json:"training_id"`
	SessionDate *Date        `json:"session_date"`
	Kind        EvidenceKind `json:"kind"`
	FileName    string       `json:"file_name"`
	SHA256      string       `json:"sha256" gorm:"column:sha256"`
	AddedAt     time.Time    `json:"added_at"`
}
