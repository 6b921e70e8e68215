package certificate

import (
	"context"
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

// Reader is what Load needs from the store.
type Reader interface {
	Training(ctx context.Context, viewer model.User, id int64) (model.TrainingDetail, error)
	AllRefs(ctx context.Context) (model.Refs, error)
	Sittings(ctx context.Context, trainingID int64) ([]model.SittingRow, error)
	Roster(ctx context.Context, trainingID int64) ([]model.RosterRow, error)
	TrainingMarks(ctx context.Context, trainingID int64) ([]model.Attendance, error)
	Assessments(ctx context.Context, trainingID int64) (map[int64]model.Assessment, error)
	Certificates(ctx context.Context, trainingID int64) (map[int64]model.Certificate, error)
}

// Load reads the course of training id as viewer may see it; a trainer
// asking for a training they do not facilitate gets model.ErrNotFound.
func Load(ctx context.Context, r Reader, viewer model.User, id int64) (Course, error) {
	t, err := r.Training(ctx, viewer, id)
	if err != nil {
		return Course{}, err
	}
	refs, err := r.AllRefs(ctx)
	if err != nil {
		return Course{}, err
	}
	sits, err := r.Sittings(ctx, id)
	if err != nil {
		return Course{}, err
	}
	roster, err := r.Roster(ctx, id)
	if err != nil {
		return Course{}, err
	}
	marks, err := r.TrainingMarks(ctx, id)
	if err != nil {
		return Course{}, err
	}
	scores, err := r.Assessments(ctx, id)
	if err != nil {
		return Course{}, err
	}
	certs, err := r.Certificates(ctx, id)
	if err != nil {
		return Course{}, err
	}
	return Build(t, refs, sits, roster, marks, scores, certs), nil
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

// Issuer is what issuing needs from the store.
type Issuer interface {
	IssueCertificates(ctx context.Context, regIDs []int64, newCode func() (string, error)) (map[int64]model.Certificate, []int64, error)
}

// Issue makes sure that each of people who has no certificate yet gets
// one, in one transaction, and records the certificates in c. Only
// completers get a new certificate, and only when the course is issuable;
// a certificate issued earlier stays valid until it is revoked, even if a
// later correction of the roll changed the verdict. It returns the ids of
// the certificates it created.
func (c *Course) Issue(ctx context.Context, st Issuer, today model.Date, newCode func() (string, error), people ...Person) ([]int64, error) {
	var missing []int64
	for _, p := range people {
		if _, ok := c.Certs[p.ID]; ok {
			continue
		}
		if !p.Result.Completed {
			return nil, ErrNotCompleted
		}
		missing = append(missing, p.ID)
	}
	if len(missing) == 0 {
		return nil, nil
	}
	if err := c.Issuable(today); err != nil {
		return nil, err
	}
	certs, created, err := st.IssueCertificates(ctx, missing, newCode)
	if err != nil {
		return nil, err
	}
	for id, cert := range certs {
		c.Certs[id] = cert
	}
	return created, nil
}

// Refusal names the catalogue key that explains err to a person, or ""
// when err is not one of this package's refusals.
func Refusal(err error) string {
	switch {
	case errors.Is(err, ErrNotEnded):
		return "certificate.refused.not_ended"
	case errors.Is(err, ErrCancelled):
		return "certificate.refused.cancelled"
	case errors.Is(err, ErrNotCompleted):
		return "certificate.refused.not_completed"
	case errors.Is(err, ErrNoneToDownload):
		return "certificate.refused.none"
	}
	return ""
}
