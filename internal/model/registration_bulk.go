package model

// StatusRefusal is a registration a status change for several people left
// as it was, and why: the registration rule's error (ErrFull, a
// *QuotaError).
type StatusRefusal struct {
	RegistrationID        int64
	NameLatin, NameArabic string
	Err                   error
}

// BulkStatusResult is what a status change for several registrations did:
// how many changed, how many had the status already, and who was refused.
type BulkStatusResult struct {
	To        RegistrationStatus
	Changed   int
	Unchanged int
	Refused   []StatusRefusal
}
