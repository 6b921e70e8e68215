package notify

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// NewsStore keeps a training's news items and counts its officers the
// way the donor report does.
type NewsStore interface {
	NewsItems(ctx context.Context, trainingID int64) (map[string]model.NewsItem, error)
	SaveNews(ctx context.Context, n *model.NewsItem) error
	ReportAggregates(ctx context.Context, f model.ReportFilter) (model.ReportAggregates, error)
}

// newsLangs are the languages a news item is written in, in page order.
var newsLangs = []i18n.Lang{i18n.EN, i18n.AR}

// News returns training id's news item in English and in Arabic: the text
// saved by its officer, or else a draft from the record. Those who see the
// training may read it; those who edit trainings may change it.
func (s *Service) News(ctx context.Context, actor model.Actor, id int64) (model.NewsPage, error) {
	var p model.NewsPage
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		d, err := s.store.TrainingDetail(ctx, id)
		if err != nil {
			return err
		}
		if err := auth.CheckTraining(actor.User, auth.ViewTraining, d); err != nil {
			return fmt.Errorf("notify: %w", err)
		}
		p, err = s.newsPage(ctx, actor, d)
		return err
	})
	return p, err
}

// newsPage drafts both languages and lays the saved texts over them.
func (s *Service) newsPage(ctx context.Context, actor model.Actor, d model.TrainingDetail) (model.NewsPage, error) {
	p := model.NewsPage{TrainingID: d.ID, TitleEn: d.TitleEn, TitleAr: d.TitleAr,
		CanEdit: auth.CheckTraining(actor.User, auth.EditTrainings, d) == nil}
	f, err := s.newsFacts(ctx, d)
	if err != nil {
		return p, err
	}
	saved, err := s.store.NewsItems(ctx, d.ID)
	if err != nil {
		return p, err
	}
	for _, lang := range newsLangs {
		draft := f.Draft(i18n.New(lang))
		item := model.NewsDraft{Lang: string(lang), Body: draft, Draft: draft}
		if n, ok := saved[string(lang)]; ok {
			item.Body, item.Saved, item.UpdatedAt = n.Body, true, n.UpdatedAt
		}
		p.Items = append(p.Items, item)
	}
	return p, nil
}

// SaveNews keeps the edited news item in one language with the training.
// An empty or over-long text is refused beside the field; the page is
// returned as it stands, with what was typed, either way.
func (s *Service) SaveNews(ctx context.Context, actor model.Actor, id int64, in model.NewsInput) (model.NewsPage, error) {
	var p model.NewsPage
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		d, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		if p, err = s.newsPage(ctx, actor, d); err != nil {
			return err
		}
		body := strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
		errs := model.Errors{}
		switch {
		case in.Lang != string(i18n.EN) && in.Lang != string(i18n.AR):
			errs.Add("lang", "error.choose")
		case body == "":
			errs.Add("body_"+in.Lang, "news.error.empty")
		case len(body) > model.MaxNewsBody || !utf8.ValidString(body):
			errs.Add("body_"+in.Lang, "news.error.long")
		}
		if err := errs.Err(); err != nil {
			return err
		}
		n := model.NewsItem{TrainingID: d.ID, Lang: in.Lang, Body: body, UpdatedByID: actor.UserID()}
		if err := s.store.SaveNews(ctx, &n); err != nil {
			return err
		}
		for i := range p.Items {
			if p.Items[i].Lang == in.Lang {
				p.Items[i].Body, p.Items[i].Saved, p.Items[i].UpdatedAt = n.Body, true, n.UpdatedAt
			}
		}
		ev := event(model.AuditNewsSave, actor, "training", d.ID)
		ev.Values = map[string]string{"lang": in.Lang, "chars": fmt.Sprint(utf8.RuneCountInString(body))}
		return s.store.RecordAudit(ctx, ev)
	})
	return p, err
}

// NewsFile is training id's news item in lang as a file to download:
// "docx" (a Word document) or "txt" (plain UTF-8 text).
func (s *Service) NewsFile(ctx context.Context, actor model.Actor, id int64, lang, format string) (model.NewsFile, error) {
	p, err := s.News(ctx, actor, id)
	if err != nil {
		return model.NewsFile{}, err
	}
	for _, it := range p.Items {
		if it.Lang != lang {
			continue
		}
		name := fmt.Sprintf("news-%d-%s", id, lang)
		switch format {
		case "txt":
			return model.NewsFile{Name: name + ".txt", ContentType: "text/plain; charset=utf-8", Data: []byte(it.Body + "\n")}, nil
		case "docx":
			b, err := newsDocx(it.Body, lang == string(i18n.AR))
			return model.NewsFile{Name: name + ".docx", ContentType: docxType, Data: b}, err
		}
	}
	return model.NewsFile{}, fmt.Errorf("notify: news file %q %q: %w", lang, format, model.ErrNotFound)
}
