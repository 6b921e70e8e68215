package certificate

import (
	"errors"
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// Reasons certificates are refused. They wrap model.ErrConflict, so a
// handler that does not explain them still answers 409.
var (
	ErrNotEnded     = fmt.Errorf("certificate: the training has not ended: %w", model.ErrConflict)
	ErrCancelled    = fmt.Errorf("certificate: the training was cancelled: %w", model.ErrConflict)
	ErrNotCompleted = fmt.Errorf("certificate: the participant did not complete the training: %w", model.ErrConflict)
	// ErrNoneToDownload means a training has no valid certificate to hand
	// out: nobody completed, or none was issued yet.
	ErrNoneToDownload = fmt.Errorf("certificate: no certificate to download: %w", model.ErrConflict)
	// ErrNoneCompleted means there is nobody to issue a certificate to.
	ErrNoneCompleted = fmt.Errorf("certificate: nobody completed the training: %w", model.ErrConflict)
	// ErrNotIssued: a download hands out only what was issued (by a POST);
	// it never issues.
	ErrNotIssued = fmt.Errorf("certificate: not issued yet: %w", model.ErrConflict)
	// ErrNoAddress: the site's public address is not configured, so no
	// certificate can carry a verification link (see Options.BaseURL).
	ErrNoAddress = fmt.Errorf("certificate: no public address is configured (TRAINDESK_BASE_URL): %w", model.ErrConflict)
	// ErrAlreadyRevoked keeps the first revocation's reason and date.
	ErrAlreadyRevoked = fmt.Errorf("certificate: already revoked: %w", model.ErrConflict)
	// ErrNotRevoked: only a revoked certificate can be reinstated.
	ErrNotRevoked = fmt.Errorf("certificate: not revoked: %w", model.ErrConflict)
)

// Course is a training with everything its certificates and attendance
// sheet are made from.
type Course struct {
	T        model.TrainingDetail
	Refs     model.Refs
	Sittings []model.SittingRow
	People   []Person                    // live registrations, in the roster's order
	Certs    map[int64]model.Certificate // by registration
}

// Person is a live registration with one mark per session ("" when not
// marked) and the training's verdict on it.
type Person struct {
	model.RosterRow
	Marks  []model.Mark
	Result model.Result
}

// Build puts a course together. Withdrawn registrations are left out:
// they are neither evidence of attendance nor candidates for a certificate.
// The result follows the training's completion rule exactly as the
// training's page applies it.
func Build(t model.TrainingDetail, refs model.Refs, sits []model.SittingRow, roster []model.RosterRow,
	marks []model.Attendance, scores map[int64]model.Assessment, certs map[int64]model.Certificate) Course {
	byCell := make(map[[2]int64]model.Mark, len(marks))
	for _, a := range marks {
		byCell[[2]int64{a.RegistrationID, a.SittingID}] = a.Status
	}
	c := Course{T: t, Refs: refs, Sittings: sits, Certs: certs}
	if c.Certs == nil {
		c.Certs = map[int64]model.Certificate{}
	}
	for _, r := range roster {
		if r.Status == model.RegWithdrawn {
			continue
		}
		p := Person{RosterRow: r, Marks: make([]model.Mark, len(sits))}
		attended := 0
		for i, s := range sits {
			p.Marks[i] = byCell[[2]int64{r.ID, s.ID}]
			if p.Marks[i].Attended() {
				attended++
			}
		}
		var post *float64
		if a, ok := scores[r.ID]; ok {
			post = a.PostScore
		}
		p.Result = t.Complete(attended, len(sits), post)
		c.People = append(c.People, p)
	}
	return c
}

// Issuable tells whether certificates may be issued on day today: once
// the training is marked completed, or once its last day has passed
// (offices often close the training's status days later, and the
// participants should not wait for it). A cancelled training never issues
// any; neither does one whose last day is today or later, because the
// last session's roll may still change.
func (c Course) Issuable(today model.Date) error {
	switch {
	case c.T.Status == model.StatusCancelled:
		return ErrCancelled
	case c.T.Status == model.StatusCompleted:
		return nil
	case c.T.EndsOn.IsZero() || !today.After(c.T.EndsOn):
		return ErrNotEnded
	}
	return nil
}

// Person returns the live registration regID, if it is on the course.
func (c Course) Person(regID int64) (Person, bool) {
	for _, p := range c.People {
		if p.ID == regID {
			return p, true
		}
	}
	return Person{}, false
}

// Completers lists the people who completed, in the roster's order.
func (c Course) Completers() []Person {
	var out []Person
	for _, p := range c.People {
		if p.Result.Completed {
			out = append(out, p)
		}
	}
	return out
}

// Refusal names the catalogue key that explains err to a person, or ""
// when err is not one of this package's refusals.
func Refusal(err error) string {
	switch {
	case errors.Is(err, ErrAlreadyRevoked):
		return "certificate.error.already_revoked"
	case errors.Is(err, ErrNotRevoked):
		return "certificate.error.not_revoked"
	case errors.Is(err, ErrNotEnded):
		return "certificate.refused.not_ended"
	case errors.Is(err, ErrCancelled):
		return "certificate.refused.cancelled"
	case errors.Is(err, ErrNotCompleted):
		return "certificate.refused.not_completed"
	case errors.Is(err, ErrNoneToDownload):
		return "certificate.refused.none"
	case errors.Is(err, ErrNoneCompleted):
		return "certificate.refused.none_completed"
	case errors.Is(err, ErrNotIssued):
		return "certificate.refused.not_issued"
	case errors.Is(err, ErrNoAddress):
		return "certificate.refused.no_address"
	}
	return ""
}

// Refused is a certificate, or a training's certificates, refused for one
// of this package's reasons: it names the training, so that the refusal
// can be explained beside it.
type Refused struct {
	TrainingID int64
	TitleEn    string
	TitleAr    string
	Reason     error // one of the Err… values above that Refusal explains
}

func (r *Refused) Error() string { return r.Reason.Error() }

// Unwrap exposes the reason, which wraps model.ErrConflict.
func (r *Refused) Unwrap() error { return r.Reason }

// refused wraps err as a Refused of c's training when it is a refusal.
func refused(c Course, err error) error {
	if Refusal(err) == "" {
		return err
	}
	return &Refused{TrainingID: c.T.ID, TitleEn: c.T.TitleEn, TitleAr: c.T.TitleAr, Reason: err}
}
