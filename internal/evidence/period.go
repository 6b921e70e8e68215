package evidence

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Incomplete counts, among trainings ids, those whose evidence is not
// complete by the one checklist rule (model.BuildEvidenceChecklist). It
// reads counts, never a file or a name.
func (s *Service) Incomplete(ctx context.Context, ids []int64) (int, error) {
	sits, files, err := s.store.EvidenceOfTrainings(ctx, ids)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		if !model.BuildEvidenceChecklist(sits[id], files[id]).Complete() {
			n++
		}
	}
	return n, nil
}

// PeriodPack is the evidence of a report's period — the trainings it
// counts that a may see — as one pack with its index in lang, filed by
// training. The download is recorded against the project, with the period
// and how many trainings and files it held. It returns the zip's name and
// the function that writes it.
func (s *Service) PeriodPack(ctx context.Context, a model.Actor, p model.EvidencePeriod, lang i18n.Lang) (string, func(io.Writer) error, error) {
	pack := Pack{Name: fmt.Sprintf("evidence-%s-%s.zip", p.Period.From, p.Period.To), several: true,
		heading: p.Heading, lang: lang, open: s.opener(ctx)}
	count := 0
	for _, id := range p.TrainingIDs {
		t, err := s.store.TrainingDetail(ctx, id)
		if err != nil {
			return "", nil, err
		}
		if auth.CheckTraining(a.User, auth.ViewTraining, t) != nil {
			continue // per training: a pack holds only what its reader may see
		}
		files, err := s.store.EvidenceFiles(ctx, id)
		if err != nil {
			return "", nil, err
		}
		pack.trainings = append(pack.trainings, packTraining{t: t.Training, files: files})
		count += len(files)
	}
	if err := s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditEvidencePack, Actor: a,
		Object: model.AuditObject{Type: "project", ID: p.ProjectID},
		Values: map[string]string{"from": p.Period.From.String(), "to": p.Period.To.String(),
			"trainings": strconv.Itoa(len(pack.trainings)), "files": strconv.Itoa(count)}}); err != nil {
		return "", nil, err
	}
	return pack.Name, pack.Write, nil
}
