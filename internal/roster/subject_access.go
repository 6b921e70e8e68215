package roster

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// SubjectAccess gathers everything held about person id, and the records
// merged into them (with the basis it is held on and the messages the
// outbox holds for them), for the person's request to see it; the download is
// recorded (it is itself a disclosure of personal data). Only those who
// handle personal-data requests may make it.
func (s *Service) SubjectAccess(ctx context.Context, actor model.Actor, id int64) (model.SubjectAccess, error) {
	var out model.SubjectAccess
	if err := allow(actor, auth.PersonalData); err != nil {
		return out, err
	}
	p, err := s.store.Person(ctx, id)
	if err != nil {
		return out, err
	}
	merged, err := s.store.PersonsMergedInto(ctx, id)
	if err != nil {
		return out, err
	}
	ids := []int64{id}
	out.Person, out.GeneratedAt = model.SubjectPersonOf(p), s.now().UTC()
	for _, m := range merged {
		out.MergedRecords = append(out.MergedRecords, model.SubjectPersonOf(m))
		ids = append(ids, m.ID)
	}
	if out.Registrations, err = s.store.PersonHistory(ctx, id); err != nil {
		return out, err
	}
	if out.Marks, err = s.store.SubjectMarks(ctx, ids); err != nil {
		return out, err
	}
	if out.Scores, err = s.store.SubjectScores(ctx, ids); err != nil {
		return out, err
	}
	if out.Certificates, err = s.store.SubjectCertificates(ctx, ids); err != nil {
		return out, err
	}
	if out.Messages, err = s.store.SubjectMessages(ctx, ids); err != nil {
		return out, err
	}
	if out.Audit, err = s.store.SubjectAudit(ctx, ids); err != nil {
		return out, err
	}
	ev := personEvent(model.AuditPersonExport, actor, id)
	ev.Values = map[string]string{"format": "json", "registrations": strconv.Itoa(len(out.Registrations))}
	return out, s.store.RecordAudit(ctx, ev)
}
