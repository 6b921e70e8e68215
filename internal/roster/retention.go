package roster

import (
	"context"
	"strconv"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
)

// RetentionStore keeps the retention periods and finds whose contacts
// outlived them.
type RetentionStore interface {
	RetentionSettings(ctx context.Context) (model.RetentionSettings, error)
	SaveRetentionSettings(ctx context.Context, r *model.RetentionSettings) error
	RetentionDue(ctx context.Context, cutoff model.Date) ([]model.RetentionDue, error)
	RetentionPhotos(ctx context.Context, cutoff model.Date) ([]model.RetentionPhoto, error)
	ClearPersonContacts(ctx context.Context, p *model.Person) error
}

// Retention is the dry run, for administrators: the periods and the
// persons whose contacts a run would clear now, by the server's clock.
func (s *Service) Retention(ctx context.Context, actor model.Actor) (model.RetentionPreview, error) {
	if err := allow(actor, auth.PersonalData); err != nil {
		return model.RetentionPreview{}, err
	}
	return s.retentionPreview(ctx)
}

func (s *Service) retentionPreview(ctx context.Context) (model.RetentionPreview, error) {
	r, err := s.store.RetentionSettings(ctx)
	if err != nil {
		return model.RetentionPreview{}, err
	}
	p := model.RetentionPreview{Settings: r, Cutoff: r.ContactCutoff(s.today()), PhotoCutoff: r.PhotoCutoff(s.today())}
	if p.Persons, err = s.store.RetentionDue(ctx, p.Cutoff); err != nil {
		return p, err
	}
	p.Photos, err = s.store.RetentionPhotos(ctx, p.PhotoCutoff)
	return p, err
}

// SaveRetention changes the retention periods. Out of range is a
// *model.ValidationError and nothing is saved; the form keeps what was
// typed.
func (s *Service) SaveRetention(ctx context.Context, actor model.Actor, in model.RetentionSettings) (model.RetentionSettings, error) {
	if err := allow(actor, auth.PersonalData); err != nil {
		return in, err
	}
	if err := in.Validate(); err != nil {
		return in, err
	}
	in.UpdatedByID = actor.UserID()
	return in, s.store.Tx(ctx, func(ctx context.Context) error {
		if err := s.store.SaveRetentionSettings(ctx, &in); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditRetentionSave, Actor: actor,
			Object: model.AuditObject{Type: "retention_settings", ID: 1},
			Values: map[string]string{"contact_years": strconv.Itoa(in.ContactYears), "outbox_days": strconv.Itoa(in.OutboxDays),
				"photo_years": strconv.Itoa(in.PhotoYears)}})
	})
}

// RetentionArgs is the daily job that clears outlived contacts and
// deletes outlived photos of people.
type RetentionArgs struct{}

// Kind names the job.
func (RetentionArgs) Kind() string { return "contact_retention" }

// RetentionKind runs the retention once a day.
var RetentionKind = jobs.Kind{Every: 24 * time.Hour}

// ApplyRetention applies the retention periods (see RunRetention).
func (s *Service) ApplyRetention(ctx context.Context, _ jobs.Job, _ RetentionArgs) error {
	_, err := s.RunRetention(ctx)
	return err
}

// RunRetention is the job's work. It clears the contacts of every person
// the dry run lists, with erasure's own rule for which fields are
// contacts (names and the facts the donor figures count stay), and
// deletes the evidence photos it lists through the evidence service's
// delete path: a photo goes when any person it shows is past the photos'
// period, privacy before evidence. One transaction and one audit line
// with the counts, also when nothing was due (so that the log shows the
// job ran); the photos' bytes go after the commit. It returns what it did.
func (s *Service) RunRetention(ctx context.Context) (model.RetentionReport, error) {
	var rep model.RetentionReport
	var gone model.FileRemoval
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		p, err := s.retentionPreview(ctx)
		if err != nil {
			return err
		}
		now := s.now().UTC()
		ids := make([]int64, 0, len(p.Persons))
		for _, d := range p.Persons {
			ids = append(ids, d.PersonID)
			person, err := s.store.Person(ctx, d.PersonID)
			if err != nil {
				return err
			}
			c := model.ClearContacts(person)
			c.UpdatedAt = now
			if err := s.store.ClearPersonContacts(ctx, &c); err != nil {
				return err
			}
		}
		if s.photos != nil && len(p.Photos) > 0 {
			if gone, err = s.photos.ExpirePhotos(ctx, p.Photos); err != nil {
				return err
			}
		}
		// The messages sent to them hold their address and name: they go
		// with the contacts, by erasure's rule.
		msgs := int64(0)
		if len(ids) > 0 {
			if msgs, err = s.store.DeletePersonMessages(ctx, ids); err != nil {
				return err
			}
		}
		rep = model.RetentionReport{Persons: len(p.Persons), Photos: gone.Count, Messages: int(msgs)}
		ev := model.AuditEvent{Kind: model.AuditRetentionRun, Actor: model.System,
			Object: model.AuditObject{Type: "retention_settings", ID: 1}, Changed: model.ContactFields,
			Values: map[string]string{"persons": strconv.Itoa(rep.Persons), "photos": strconv.Itoa(rep.Photos), "messages": strconv.Itoa(rep.Messages),
				"contact_years": strconv.Itoa(p.Settings.ContactYears), "photo_years": strconv.Itoa(p.Settings.PhotoYears),
				"cutoff": p.Cutoff.String(), "photo_cutoff": p.PhotoCutoff.String()}}
		return s.store.RecordAudit(ctx, ev)
	})
	if err != nil || s.photos == nil {
		return rep, err
	}
	return rep, s.photos.Purge(ctx, gone)
}
