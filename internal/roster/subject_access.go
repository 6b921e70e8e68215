package roster

import (
	"context"
	"slices"
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
	return s.subjectAccess(ctx, actor, id, "json")
}

// subjectAccess gathers the download and records it in format.
func (s *Service) subjectAccess(ctx context.Context, actor model.Actor, id int64, format string) (model.SubjectAccess, error) {
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
	if out.Evidence, err = s.store.SubjectEvidence(ctx, ids); err != nil {
		return out, err
	}
	if out.Audit, err = s.store.SubjectAudit(ctx, ids); err != nil {
		return out, err
	}
	if out.Disclosures, err = s.disclosures(ctx, ids, out.Registrations); err != nil {
		return out, err
	}
	ev := personEvent(model.AuditPersonExport, actor, id)
	ev.Values = map[string]string{"format": format, "registrations": strconv.Itoa(len(out.Registrations)),
		"evidence": strconv.Itoa(len(out.Evidence))}
	return out, s.store.RecordAudit(ctx, ev)
}

// disclosures are the recorded hand-outs of the person's data outside their
// record's trail: downloads of their certificates, and exports with
// contacts that covered a training they were registered on.
func (s *Service) disclosures(ctx context.Context, ids []int64, regs []model.HistoryRow) ([]model.SubjectDisclosure, error) {
	out, err := s.store.SubjectCertificateDownloads(ctx, ids)
	if err != nil {
		return nil, err
	}
	exports, err := s.store.ContactExports(ctx)
	if err != nil {
		return nil, err
	}
	theirs := map[int64]bool{}
	for _, r := range regs {
		theirs[r.TrainingID] = true
	}
	for _, x := range exports {
		if slices.ContainsFunc(x.TrainingIDs, func(id int64) bool { return theirs[id] }) {
			out = append(out, x.Line)
		}
	}
	slices.SortStableFunc(out, func(a, b model.SubjectDisclosure) int { return a.At.Compare(b.At) })
	return out, nil
}
