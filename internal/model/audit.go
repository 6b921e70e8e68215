package model

import (
	"sort"
	"time"
)

// AuditKind names what happened. Each kind is translated on the audit page
// ("audit.a.<kind>" in both catalogues); a kind no catalogue knows is a
// test failure, not a raw string on the page.
type AuditKind string

// The audit kinds, grouped by the service that records them.
const (
	AuditSignIn            AuditKind = "sign_in"
	AuditSignOut           AuditKind = "sign_out"
	AuditUserCreate        AuditKind = "user_create"
	AuditUserUpdate        AuditKind = "user_update"
	AuditUserDisable       AuditKind = "user_disable"
	AuditUserEnable        AuditKind = "user_enable"
	AuditUserPasswordReset AuditKind = "user_password_reset"

	AuditReferenceCreate  AuditKind = "reference_create"
	AuditReferenceUpdate  AuditKind = "reference_update"
	AuditReferenceDelete  AuditKind = "reference_delete"
	AuditReferenceArchive AuditKind = "reference_archive"
	AuditReferenceRestore AuditKind = "reference_unarchive"

	AuditTrainingCreate     AuditKind = "training_create"
	AuditTrainingUpdate     AuditKind = "training_update"
	AuditTrainingStatus     AuditKind = "training_status"
	AuditTrainingCopy       AuditKind = "training_copy"
	AuditSessionCreate      AuditKind = "session_create"
	AuditSessionUpdate      AuditKind = "session_update"
	AuditSessionDelete      AuditKind = "session_delete"
	AuditRegistrationCreate AuditKind = "registration_create"
	AuditRegistrationStatus AuditKind = "registration_status"

	AuditPersonCreate    AuditKind = "person_create"
	AuditPersonUpdate    AuditKind = "person_update"
	AuditPersonMerge     AuditKind = "person_merge"
	AuditPersonMergeUndo AuditKind = "person_merge_undo"
	AuditImport          AuditKind = "import"

	AuditMarkCorrect     AuditKind = "mark_correct"
	AuditAssessmentsSave AuditKind = "assessments_save"

	AuditCertificateIssue     AuditKind = "certificate_issue"
	AuditCertificateRevoke    AuditKind = "certificate_revoke"
	AuditCertificateReinstate AuditKind = "certificate_reinstate"
	AuditCertificateDownload  AuditKind = "certificate_download"
	AuditCertificateZip       AuditKind = "certificate_zip"
	AuditAttendanceSheet      AuditKind = "attendance_sheet"
	AuditReportExport         AuditKind = "report_export"
	AuditDemoLoaded           AuditKind = "demo_loaded"

	AuditEvidenceUpload   AuditKind = "evidence_upload"
	AuditEvidenceDelete   AuditKind = "evidence_delete"
	AuditEvidenceDownload AuditKind = "evidence_download"
	AuditEvidencePack     AuditKind = "evidence_pack"
	AuditEvidencePeople   AuditKind = "evidence_people"
	AuditPersonErase      AuditKind = "person_erase"
	AuditPersonExport     AuditKind = "person_export"
	AuditPersonView       AuditKind = "person_view"
	// AuditContactExport records an export whose participant list held
	// phones and emails, with the trainings it covered, so that a person's
	// subject access download can say who took their contacts.
	AuditContactExport AuditKind = "contact_export"
	AuditPrivacyNotice AuditKind = "privacy_notice_update"
	AuditRetentionSave AuditKind = "retention_settings_update"
	AuditRetentionRun  AuditKind = "retention_run"

	AuditTokenCreate AuditKind = "api_token_create"
	AuditTokenRevoke AuditKind = "api_token_revoke"
	AuditTokenUse    AuditKind = "api_token_use"

	AuditLetterCreate     AuditKind = "letter_create"
	AuditLetterSent       AuditKind = "letter_sent"
	AuditLetterDownload   AuditKind = "letter_download"
	AuditLetterhead       AuditKind = "letterhead_update"
	AuditInvitationsSend  AuditKind = "invitations_send"
	AuditReminderSettings AuditKind = "reminder_settings"
	AuditRemindersQueue   AuditKind = "reminders_queue"
	AuditMessageSent      AuditKind = "message_sent"
	AuditMessageFailed    AuditKind = "message_failed"
	AuditMessageRetry     AuditKind = "message_retry"
	AuditMessageCancel    AuditKind = "message_cancel"
	AuditMessageDownload  AuditKind = "message_download"
	AuditCalendarFeed     AuditKind = "calendar_feed_create"
	AuditCalendarRevoke   AuditKind = "calendar_feed_revoke"
	AuditNewsSave         AuditKind = "news_save"

	AuditQuizSave   AuditKind = "quiz_save"
	AuditQuizOpen   AuditKind = "quiz_open"
	AuditQuizClose  AuditKind = "quiz_close"
	AuditQuizAnswer AuditKind = "quiz_answer"
	// AuditFollowUpSet: the follow-up months of a training were chosen;
	// AuditFollowUpSend: the follow-up (or its reminder) was queued.
	AuditFollowUpSet  AuditKind = "followup_set"
	AuditFollowUpSend AuditKind = "followup_send"
	// AuditQuizBank: a questionnaire's questions were kept in the bank.
	AuditQuizBank AuditKind = "quiz_bank"
)

// AuditKinds lists every kind, for the audit page's filter and the
// catalogue test. Add a kind here when you add a constant above.
var AuditKinds = []AuditKind{
	AuditSignIn, AuditSignOut, AuditUserCreate, AuditUserUpdate, AuditUserDisable, AuditUserEnable,
	AuditUserPasswordReset, AuditReferenceCreate, AuditReferenceUpdate, AuditReferenceDelete,
	AuditReferenceArchive, AuditReferenceRestore, AuditTrainingCreate, AuditTrainingUpdate, AuditTrainingStatus, AuditTrainingCopy,
	AuditSessionCreate, AuditSessionUpdate, AuditSessionDelete, AuditRegistrationCreate,
	AuditRegistrationStatus, AuditPersonCreate, AuditPersonUpdate, AuditPersonMerge, AuditPersonMergeUndo,
	AuditImport, AuditMarkCorrect, AuditAssessmentsSave, AuditCertificateIssue, AuditCertificateRevoke,
	AuditCertificateReinstate, AuditCertificateDownload, AuditCertificateZip, AuditAttendanceSheet,
	AuditReportExport, AuditDemoLoaded, AuditEvidenceUpload, AuditEvidenceDelete, AuditEvidenceDownload,
	AuditEvidencePack, AuditEvidencePeople, AuditPersonErase, AuditPersonExport, AuditPersonView, AuditTokenCreate, AuditTokenRevoke,
	AuditTokenUse,
	AuditLetterCreate, AuditLetterSent, AuditLetterDownload, AuditLetterhead,
	AuditInvitationsSend, AuditReminderSettings, AuditRemindersQueue, AuditMessageSent, AuditMessageFailed,
	AuditMessageRetry, AuditMessageCancel, AuditMessageDownload, AuditCalendarFeed, AuditCalendarRevoke, AuditNewsSave,
	AuditQuizSave, AuditQuizOpen, AuditQuizClose, AuditQuizAnswer, AuditFollowUpSet, AuditFollowUpSend, AuditQuizBank,
	AuditPrivacyNotice, AuditContactExport, AuditRetentionSave, AuditRetentionRun,
}

// ReadKinds are the kinds that record a read — a download of personal data
// or figures — rather than a change. They are the only audit lines a GET
// request may write: no GET changes data (a test walks every GET route and
// compares the database before and after).
var ReadKinds = []AuditKind{AuditCertificateDownload, AuditCertificateZip, AuditAttendanceSheet, AuditReportExport,
	AuditEvidenceDownload, AuditEvidencePack, AuditPersonExport, AuditPersonView,
	AuditLetterDownload, AuditMessageDownload, AuditContactExport}

// AuditObject names the object of an audit event: its type ("training",
// "person", "user", "certificate", a reference kind…) and id.
type AuditObject struct {
	Type string
	ID   int64
}

// AuditEvent is one typed line of the audit log: what happened, who did
// it, to what, and which fields changed. It never carries a person's name,
// contact or any free text typed by a user: the ids lead to the records,
// and Values holds only codes, statuses, dates and counts.
type AuditEvent struct {
	Kind    AuditKind
	Actor   Actor
	Object  AuditObject
	Related map[string]int64  // other objects concerned, by type: {"training": 3, "person": 9}
	Changed []string          // names of the fields that changed
	Values  map[string]string // non-personal facts: {"from": "planned", "to": "ongoing"}, counts, codes
}

// Normalize sorts Changed so that equal events compare equal.
func (e *AuditEvent) Normalize() { sort.Strings(e.Changed) }

// AuditEntry is one stored line of the audit log.
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   *int64
	Action   string
	Entity   string
	EntityID int64
	Detail   string
	IP       string
}

// AuditLine is an audit entry with the actor's name and its decoded detail,
// for the audit page.
type AuditLine struct {
	AuditEntry
	UserName string
	Related  map[string]int64
	Changed  []string
	Values   map[string]string
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	Kind       AuditKind
	UserID     *int64
	ObjectType string
	ObjectID   int64
	Limit      int
	Offset     int
}
