package certificate

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Courses is what the service reads a training's course from.
type Courses interface {
	TrainingDetail(ctx context.Context, id int64) (model.TrainingDetail, error)
	AllRefs(ctx context.Context) (model.Refs, error)
	Sittings(ctx context.Context, trainingID int64) ([]model.SittingRow, error)
	Roster(ctx context.Context, trainingID int64) ([]model.RosterRow, error)
	TrainingMarks(ctx context.Context, trainingID int64) ([]model.Attendance, error)
	Assessments(ctx context.Context, trainingID int64) (map[int64]model.Assessment, error)
	Certificates(ctx context.Context, trainingID int64) (map[int64]model.Certificate, error)
}

// Records is where certificates are kept.
type Records interface {
	// InsertCertificate inserts c unless its registration has a
	// certificate already or its code is taken, and reports whether it did.
	InsertCertificate(ctx context.Context, c *model.Certificate) (bool, error)
	CertificateOfRegistration(ctx context.Context, regID int64) (model.Certificate, error)
	// LockCertificate reads a certificate and its training, and keeps it
	// from changing until the transaction ends.
	LockCertificate(ctx context.Context, id int64) (model.CertificateRow, error)
	RevokeCertificate(ctx context.Context, id int64, reason string, by *int64) error
	ReinstateCertificate(ctx context.Context, id int64) error
	CertificateByCode(ctx context.Context, code string) (model.CertificateCheck, error)
}

// Store is what the service needs from the database; *store.Store
// implements it.
type Store interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
	Courses
	Records
}

// Options set the service's clock and the venues' time zone, in which
// "today" and the dates on certificates are told.
type Options struct {
	Now      func() time.Time
	Location *time.Location
	// NewCode draws a verification code; NewCode(nil) when nil.
	NewCode func() (string, error)
	// BaseURL is this site's public address without a trailing slash
	// ("https://traindesk.example.org"), from the configuration: the one
	// source of the verification link a certificate's QR code holds. With
	// none, certificates are neither issued nor drawn (ErrNoAddress): a link
	// built from a request's Host header would lead wherever the request
	// said.
	BaseURL string
}

// Service issues, revokes, reinstates and verifies certificates, and hands
// out a training's evidence: certificates one by one or as a zip, and the
// attendance sheet. Every method checks the access policy; a training the
// actor may not see is model.ErrNotFound.
type Service struct {
	store   Store
	now     func() time.Time
	loc     *time.Location
	newCode func() (string, error)
	baseURL string
}

// New returns the certificate service over st.
func New(st Store, o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.NewCode == nil {
		o.NewCode = func() (string, error) { return NewCode(nil) }
	}
	return &Service{store: st, now: o.Now, loc: o.Location, newCode: o.NewCode, baseURL: strings.TrimRight(o.BaseURL, "/")}
}

// verifyBase is the absolute address of the verification pages, which
// certificates' QR codes lead to, or ErrNoAddress.
func (s *Service) verifyBase() (string, error) {
	if s.baseURL == "" {
		return "", ErrNoAddress
	}
	return s.baseURL + "/verify/", nil
}

// today is the calendar day at the venues.
func (s *Service) today() model.Date { return model.DateOf(s.now().In(s.loc)) }

// object is the training as the access policy sees it.
func object(t model.TrainingDetail) auth.Object {
	ids := make([]int64, len(t.Facilitators))
	for i, f := range t.Facilitators {
		ids[i] = f.ID
	}
	return auth.TrainingObject(ids)
}

// training loads training id for a, or model.ErrNotFound when a may not
// see it.
func (s *Service) training(ctx context.Context, a model.Actor, id int64) (model.TrainingDetail, error) {
	t, err := s.store.TrainingDetail(ctx, id)
	if err != nil {
		return t, err
	}
	if err := auth.CheckTraining(a.User, auth.ViewTraining, t); err != nil {
		return model.TrainingDetail{}, fmt.Errorf("certificate: %w", err)
	}
	return t, nil
}

// course reads training id's course as a may see it.
func (s *Service) course(ctx context.Context, a model.Actor, id int64) (Course, error) {
	t, err := s.training(ctx, a, id)
	if err != nil {
		return Course{}, err
	}
	refs, err := s.store.AllRefs(ctx)
	if err != nil {
		return Course{}, err
	}
	sits, err := s.store.Sittings(ctx, id)
	if err != nil {
		return Course{}, err
	}
	roster, err := s.store.Roster(ctx, id)
	if err != nil {
		return Course{}, err
	}
	marks, err := s.store.TrainingMarks(ctx, id)
	if err != nil {
		return Course{}, err
	}
	scores, err := s.store.Assessments(ctx, id)
	if err != nil {
		return Course{}, err
	}
	certs, err := s.store.Certificates(ctx, id)
	if err != nil {
		return Course{}, err
	}
	return Build(t, refs, sits, roster, marks, scores, certs), nil
}

// handled loads the course of a training whose certificates a handles:
// those who see every training (administrators, programme officers,
// managers). Trainers do not handle certificates.
func (s *Service) handled(ctx context.Context, a model.Actor, id int64) (Course, error) {
	co, err := s.course(ctx, a, id)
	if err != nil {
		return co, err
	}
	if !auth.Allow(a.User, auth.ViewAllTraining, object(co.T)) {
		return co, fmt.Errorf("certificate: training %d: %w", id, model.ErrForbidden)
	}
	return co, nil
}

// Listing is a training's certificates as the actor sees them.
type Listing struct {
	Course Course
	// NotIssuable says why certificates cannot be issued today (see
	// Course.Issuable), or is nil when they can.
	NotIssuable error
	// NoAddress: the site's public address is not configured, so
	// certificates are neither issued nor downloaded (ErrNoAddress).
	NoAddress bool
	// MayIssue and MayRevoke: editors issue missing certificates, revoke
	// and reinstate them.
	MayIssue, MayRevoke bool
}

// List shows the certificates of training id: who completed, what was
// issued and revoked, and what a may do about it. It only reads.
func (s *Service) List(ctx context.Context, a model.Actor, id int64) (Listing, error) {
	co, err := s.handled(ctx, a, id)
	if err != nil {
		return Listing{}, err
	}
	ed := auth.Allow(a.User, auth.EditTrainings, object(co.T))
	return Listing{Course: co, NotIssuable: co.Issuable(s.today()), NoAddress: s.baseURL == "",
		MayIssue: ed, MayRevoke: ed}, nil
}

// Verify looks a certificate up by its code as typed or scanned, for the
// public page; an unreadable or unknown code is model.ErrNotFound. The
// codes are random and looked up whole, so the answer says nothing about
// other codes.
func (s *Service) Verify(ctx context.Context, code string) (model.CertificateCheck, error) {
	c, ok := Normalize(code)
	if !ok {
		return model.CertificateCheck{}, fmt.Errorf("certificate: unreadable code: %w", model.ErrNotFound)
	}
	return s.store.CertificateByCode(ctx, c)
}
