package notify

import (
	"context"
	"strings"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// newsFacts are what a news item may tell: the training's record and its
// officers counted as the donor report counts them (participations: not
// withdrawn, present or late at least once), by duty station and by
// position. Nothing else goes into a draft.
type newsFacts struct {
	T         model.TrainingDetail
	Refs      model.Refs
	Officers  int
	Stations  []model.ReportGroup
	Positions []model.ReportGroup
}

// newsFacts reads the record and the report's counts for training d.
func (s *Service) newsFacts(ctx context.Context, d model.TrainingDetail) (newsFacts, error) {
	f := newsFacts{T: d}
	var err error
	if f.Refs, err = s.store.AllRefs(ctx); err != nil {
		return f, err
	}
	if d.ProjectID == nil {
		return f, nil // the report counts only a project's trainings
	}
	// Counted as the donor report counts, by its own pass.
	agg, err := s.store.ReportAggregates(ctx, model.ReportFilter{ProjectID: *d.ProjectID, TrainingID: d.ID,
		From: d.StartsOn, To: d.EndsOn, AsOf: s.today()})
	if err != nil {
		return f, err
	}
	for _, g := range agg.Groups {
		switch g.Dim {
		case "all":
			f.Officers = g.Participations
		case "station":
			f.Stations = append(f.Stations, g)
		case "position":
			f.Positions = append(f.Positions, g)
		}
	}
	sortGroups(f.Stations)
	sortGroups(f.Positions)
	return f, nil
}

// sortGroups puts the largest group first, "not recorded" last.
func sortGroups(gs []model.ReportGroup) {
	known := func(g model.ReportGroup) bool { return g.ID != nil || g.Key != "" }
	for i := 1; i < len(gs); i++ {
		for j := i; j > 0; j-- {
			a, b := gs[j-1], gs[j]
			if known(a) && !known(b) || known(a) == known(b) && a.Participations >= b.Participations {
				break
			}
			gs[j-1], gs[j] = b, a
		}
	}
}

// blank is the visible gap left for a fact the record lacks.
func blank(l *i18n.Localizer, what string) string { return "[" + l.T("news.blank."+what) + "]" }

// or returns v, or the blank for what when v is empty.
func or(l *i18n.Localizer, v, what string) string {
	if v = strings.TrimSpace(v); v != "" {
		return v
	}
	return blank(l, what)
}

// Draft writes the news item in l's language: a headline and short
// paragraphs, each fact from the record or a visible blank.
func (f newsFacts) Draft(l *i18n.Localizer) string {
	t := f.T
	title := or(l, l.Pick(t.TitleEn, t.TitleAr), "title")
	agency := blank(l, "agency")
	if a, ok := f.Refs.Agency(t.AgencyID); ok {
		agency = l.Pick(a.NameEn, a.NameAr)
	}
	dates := blank(l, "dates")
	if !t.StartsOn.IsZero() && !t.EndsOn.IsZero() {
		dates = l.DateRange(t.StartsOn, t.EndsOn)
	}
	place := or(l, course{T: t, Refs: f.Refs}.Place(l), "place")
	officers := blank(l, "officers")
	if f.Officers > 0 {
		officers = l.N("news.officers", f.Officers)
	}
	paras := []string{
		title,
		l.T("news.lead", dates, officers, agency, title, place),
		f.stations(l),
		f.positions(l),
		l.T("news.aims", or(l, l.Pick(t.ObjectivesEn, t.ObjectivesAr), "aims")),
		f.funding(l),
		f.goals(l),
		l.T("news.contact", blank(l, "contact")),
	}
	return strings.Join(paras, "\n\n")
}

// stations tells how many officers came from each duty station.
func (f newsFacts) stations(l *i18n.Localizer) string {
	if f.Officers == 0 {
		return l.T("news.stations", blank(l, "stations"))
	}
	parts := []string{}
	for _, g := range f.Stations {
		name := l.Pick(g.NameEn, g.NameAr)
		if g.ID == nil || name == "" {
			parts = append(parts, l.T("news.station_unknown", l.Num(g.Participations)))
			continue
		}
		parts = append(parts, l.T("news.station", l.Num(g.Participations), name))
	}
	return l.T("news.stations", list(l, parts))
}

// positions tells how many officers held each position.
func (f newsFacts) positions(l *i18n.Localizer) string {
	if f.Officers == 0 {
		return l.T("news.positions", blank(l, "positions"))
	}
	parts := []string{}
	for _, g := range f.Positions {
		name := l.T("news.position_unknown")
		if g.Key != "" {
			name = l.T("position." + g.Key)
		}
		parts = append(parts, l.T("news.position", name, l.Num(g.Participations)))
	}
	return l.T("news.positions", list(l, parts))
}

// funding names the donor and the project.
func (f newsFacts) funding(l *i18n.Localizer) string {
	donor, project := blank(l, "donor"), blank(l, "project")
	if p, ok := f.Refs.Project(f.T.ProjectID); ok {
		project = l.Pick(p.TitleEn, p.TitleAr)
		if d, ok := f.Refs.Donor(p.DonorID); ok {
			donor = l.Pick(d.NameEn, d.NameAr)
		}
	}
	return l.T("news.funding", donor, project)
}

// goals names the SDGs and GCM objectives with their official titles.
func (f newsFacts) goals(l *i18n.Localizer) string {
	sdgs, gcms := []string{}, []string{}
	for _, id := range f.T.SDGs {
		for _, g := range f.Refs.SDGs {
			if g.ID == id {
				sdgs = append(sdgs, l.T("news.sdg", l.Int(g.ID), l.Pick(g.TitleEn, g.TitleAr)))
			}
		}
	}
	for _, id := range f.T.GCMs {
		for _, g := range f.Refs.GCMs {
			if g.ID == id {
				gcms = append(gcms, l.T("news.gcm", l.Int(g.ID), l.Pick(g.TitleEn, g.TitleAr)))
			}
		}
	}
	a, b := list(l, sdgs), list(l, gcms)
	if len(sdgs) == 0 {
		a = blank(l, "sdgs")
	}
	if len(gcms) == 0 {
		b = blank(l, "gcms")
	}
	return l.T("news.goals", a, b)
}

// list joins items with the language's separator.
func list(l *i18n.Localizer, items []string) string {
	if l.Lang == i18n.AR {
		return strings.Join(items, "؛ ")
	}
	return strings.Join(items, "; ")
}
