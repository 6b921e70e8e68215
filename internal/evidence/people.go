package evidence

import (
	"context"
	"slices"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// PeopleStore keeps which participants a photo shows, and finds the
// photos erasure and retention take.
type PeopleStore interface {
	EvidenceParticipants(ctx context.Context, trainingID int64) ([]model.EvidenceParticipant, error)
	EvidenceShown(ctx context.Context, trainingID int64) (map[int64][]int64, error)
	SetEvidencePersons(ctx context.Context, fileID int64, personIDs []int64) error
	PhotosShowing(ctx context.Context, personIDs []int64) ([]model.EvidenceFile, error)
}

// Why a rule, rather than someone's choice, deleted a photo: the audit
// line's "reason".
const (
	ReasonErasure   = "erasure"
	ReasonRetention = "retention"
)

// MarkPeople records which registered participants photo fileID of
// training id shows, replacing what it said before; it returns how many.
// Those who add evidence mark photos. A person not registered in the
// training (or withdrawn from it) is refused beside the field "people",
// and so is a file that is not a photo; nothing is saved then. The audit
// line has the ids and the count, never a name.
func (s *Service) MarkPeople(ctx context.Context, a model.Actor, id, fileID int64, personIDs []int64) (int, error) {
	slices.Sort(personIDs)
	personIDs = slices.Compact(personIDs)
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		if _, err := s.training(ctx, a, id, auth.AddEvidence); err != nil {
			return err
		}
		f, err := s.store.EvidenceFile(ctx, id, fileID)
		if err != nil {
			return err
		}
		if f.Kind != model.EvidencePhoto {
			return &model.ValidationError{Fields: map[string]string{"people": "evidence.error.not_photo"}}
		}
		may, err := s.store.EvidenceParticipants(ctx, id)
		if err != nil {
			return err
		}
		for _, pid := range personIDs {
			if !slices.ContainsFunc(may, func(p model.EvidenceParticipant) bool { return p.PersonID == pid }) {
				return &model.ValidationError{Fields: map[string]string{"people": "evidence.error.not_participant"}}
			}
		}
		if err := s.store.SetEvidencePersons(ctx, f.ID, personIDs); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditEvidencePeople, Actor: a,
			Object: model.AuditObject{Type: "evidence", ID: f.ID}, Related: map[string]int64{"training": id},
			Values: map[string]string{"people": strconv.Itoa(len(personIDs))}})
	})
	return len(personIDs), err
}

// ForgetPhotosOf deletes, by the one delete path, the photos marked as
// showing any of the persons ids: erasure's part of evidence. It runs in
// the caller's transaction; the caller passes the result to Purge after
// its commit, when the records are surely gone. Only those who may erase
// persons call it.
func (s *Service) ForgetPhotosOf(ctx context.Context, a model.Actor, ids []int64) (model.FileRemoval, error) {
	if !auth.Allow(a.User, auth.PersonalData, auth.Object{}) {
		return model.FileRemoval{}, model.ErrForbidden
	}
	var out model.FileRemoval
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		files, err := s.store.PhotosShowing(ctx, ids)
		if err != nil {
			return err
		}
		out, err = s.remove(ctx, a, files, ReasonErasure)
		return err
	})
	return out, err
}

// ExpirePhotos deletes, by the one delete path, the photos among files
// (those the retention rule found due) as the daily job, in the caller's
// transaction; pass the result to Purge after the commit. Files that are not
// photos are left alone.
func (s *Service) ExpirePhotos(ctx context.Context, files []model.RetentionPhoto) (model.FileRemoval, error) {
	var out model.FileRemoval
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var due []model.EvidenceFile
		for _, d := range files {
			f, err := s.store.EvidenceFile(ctx, d.TrainingID, d.FileID)
			if err != nil {
				return err
			}
			if f.Kind == model.EvidencePhoto {
				due = append(due, f)
			}
		}
		var err error
		out, err = s.remove(ctx, model.System, due, ReasonRetention)
		return err
	})
	return out, err
}
