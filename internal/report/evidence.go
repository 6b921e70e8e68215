package report

import (
	"context"
	"io"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Evidence is what the report needs of the trainings' evidence (the
// evidence service): how many of the counted trainings lack some, by the
// one checklist rule, and the pack of the period's files.
type Evidence interface {
	Incomplete(ctx context.Context, trainingIDs []int64) (int, error)
	PeriodPack(ctx context.Context, a model.Actor, p model.EvidencePeriod, lang i18n.Lang) (string, func(io.Writer) error, error)
}

// EvidenceCount is the evidence line of the report page: of the trainings
// counted, how many have incomplete evidence.
type EvidenceCount struct {
	Trainings  int
	Incomplete int
}

// evidenceCount counts the incomplete evidence of fig's trainings; nil
// when the service has no evidence to ask.
func (s *Service) evidenceCount(ctx context.Context, fig model.Figures) (*EvidenceCount, error) {
	if s.evidence == nil {
		return nil, nil
	}
	ids := trainingIDs(fig)
	n, err := s.evidence.Incomplete(ctx, ids)
	if err != nil {
		return nil, err
	}
	return &EvidenceCount{Trainings: len(ids), Incomplete: n}, nil
}

func trainingIDs(fig model.Figures) []int64 {
	ids := make([]int64, len(fig.Trainings))
	for i, t := range fig.Trainings {
		ids[i] = t.ID
	}
	return ids
}

// EvidencePack is the evidence behind the report r asks for: the files of
// every training it counts, as one zip with its index in lang. It returns
// the zip's name and the function that writes it; the evidence service
// records the download.
func (s *Service) EvidencePack(ctx context.Context, a model.Actor, r Request, lang i18n.Lang) (string, func(io.Writer) error, error) {
	if err := allow(a); err != nil {
		return "", nil, err
	}
	if s.evidence == nil {
		return "", nil, model.ErrNotFound
	}
	f, p, err := s.resolve(ctx, r)
	if err != nil {
		return "", nil, err
	}
	fig, err := Compute(ctx, s.store, f)
	if err != nil {
		return "", nil, err
	}
	l := i18n.New(lang)
	heading := l.Pick(p.TitleEn, p.TitleAr) + l.Sep() + l.T("evidence.index.period", l.Date(f.From), l.Date(f.To))
	return s.evidence.PeriodPack(ctx, a, model.EvidencePeriod{ProjectID: p.ID, Period: fig.Period,
		TrainingIDs: trainingIDs(fig), Heading: heading}, lang)
}
