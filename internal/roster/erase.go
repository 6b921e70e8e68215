package roster

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Erase answers a person's request to be forgotten while the donor's
// figures stay right: their names become a pseudonym ("Person 4F2K"), and
// their birth year (kept as an age band), rank, contacts, ID number and
// notes go; their sex, agency, station, position, registrations, marks,
// scores and certificates stay, now about nobody in particular. The
// records merged into them are erased with them, since they hold the same
// person's names. The messages the outbox holds for them are deleted, and
// so are the evidence photos marked as showing them, by the evidence
// service's own delete path (their stored bytes after the commit); every
// other file stays. One transaction; the audit line says who erased whom
// by id and which fields went, never the name. Erasing twice changes nothing.
func (s *Service) Erase(ctx context.Context, actor model.Actor, id int64) (model.Person, error) {
	if err := allow(actor, auth.PersonalData); err != nil {
		return model.Person{}, err
	}
	var out model.Person
	var photos model.FileRemoval
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		p, err := s.store.Person(ctx, id)
		if err != nil {
			return err
		}
		if p.MergedIntoID != nil {
			return model.ErrPersonMerged
		}
		merged, err := s.store.PersonsMergedInto(ctx, id)
		if err != nil {
			return err
		}
		if out, err = s.erase(ctx, p); err != nil {
			return err
		}
		ids := []int64{id}
		for _, m := range merged {
			if _, err := s.erase(ctx, m); err != nil {
				return err
			}
			ids = append(ids, m.ID)
		}
		// The messages sent to them hold their name, address and the
		// text they were sent: they go with the identity.
		msgs, err := s.store.DeletePersonMessages(ctx, ids)
		if err != nil {
			return err
		}
		if photos, err = s.forgetPhotos(ctx, actor, ids); err != nil {
			return err
		}
		ev := personEvent(model.AuditPersonErase, actor, id)
		ev.Changed = model.ErasedFields
		ev.Values = map[string]string{"merged_records": strconv.Itoa(len(merged)), "messages": strconv.FormatInt(msgs, 10),
			"photos": strconv.Itoa(photos.Count)}
		return s.store.RecordAudit(ctx, ev)
	})
	if err != nil {
		return out, err
	}
	if s.photos == nil {
		return out, nil
	}
	return out, s.photos.Purge(ctx, photos)
}

// forgetPhotos deletes the photos showing persons ids through the
// evidence service, when one is wired.
func (s *Service) forgetPhotos(ctx context.Context, actor model.Actor, ids []int64) (model.FileRemoval, error) {
	if s.photos == nil {
		return model.FileRemoval{}, nil
	}
	return s.photos.ForgetPhotosOf(ctx, actor, ids)
}

// erase saves p erased, unless it was already.
func (s *Service) erase(ctx context.Context, p model.Person) (model.Person, error) {
	if p.ErasedAt != nil {
		return p, nil
	}
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		return p, err
	}
	now := s.now().UTC()
	e := model.Erased(p, model.PseudonymCode(binary.BigEndian.Uint32(b[:])), now.In(s.loc).Year())
	e.NameKey = NameKey(e.NameLatin, e.NameArabic)
	e.ErasedAt, e.UpdatedAt = &now, now
	return e, s.store.ErasePerson(ctx, &e)
}
