package report

import (
	"context"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Page is what the report page shows: the lists its form offers and, once
// a project and a valid period are chosen, the figures and their charts.
type Page struct {
	Refs   model.Refs
	Filter Filter         // the period resolved (an empty one is the project's)
	Fig    *model.Figures // nil until the request is valid
	Note   string         // what the figures count (see Note), in the reader's language
	Charts Charts
	Years  []int // the years the period shortcuts offer
	Year   int   // the year whose quarters they offer
	// Evidence counts the counted trainings with incomplete evidence (nil
	// without figures).
	Evidence *EvidenceCount
}

// Charts are the page's charts as SVG, in the reader's language.
type Charts struct {
	Indicators string
	Groups     map[string]string // by dimension
	Ratings    string
}

// Page computes the report page for r in lang. A zero Request (nothing
// chosen yet) gives the form's lists alone. Field errors come as a
// *model.ValidationError together with the page, which still has its
// lists and shortcuts.
func (s *Service) Page(ctx context.Context, a model.Actor, r Request, lang i18n.Lang) (Page, error) {
	if err := allow(a); err != nil {
		return Page{}, err
	}
	refs, err := s.store.AllRefs(ctx)
	if err != nil {
		return Page{}, err
	}
	pg := Page{Refs: refs}
	if r.ProjectID == 0 && len(r.Invalid) == 0 {
		return pg, nil
	}
	f, p, err := s.resolve(ctx, r)
	pg.Filter = f
	pg.Years, pg.Year = years(p, f), f.From.Year
	if pg.Year == 0 && len(pg.Years) > 0 {
		pg.Year = pg.Years[len(pg.Years)-1]
	}
	if err != nil {
		return pg, err
	}
	fig, err := Compute(ctx, s.store, f)
	if err != nil {
		return pg, err
	}
	if pg.Evidence, err = s.evidenceCount(ctx, fig); err != nil {
		return pg, err
	}
	l := i18n.New(lang)
	pg.Fig, pg.Note, pg.Charts = &fig, Note(l, fig.Counted), charts(l, fig)
	return pg, nil
}

// years are the period shortcuts: the years of the project's period (the
// last ten at most), or the year of the period shown.
func years(p model.Project, f Filter) []int {
	first, last := p.StartsOn.Year, p.EndsOn.Year
	if first == 0 || last < first {
		first, last = f.From.Year, f.From.Year
	}
	first = max(first, last-9)
	var out []int
	for y := first; y <= last && y > 0; y++ {
		out = append(out, y)
	}
	return out
}

// charts draws the page's charts: the indicators, each disaggregation with
// lines, and the ratings.
func charts(l *i18n.Localizer, fig model.Figures) Charts {
	c := Charts{Groups: map[string]string{}, Ratings: RatingChart(l, fig.Satisfaction).SVG()}
	if len(fig.Indicators) > 0 {
		c.Indicators = IndicatorChart(l, fig.Indicators).SVG()
	}
	for _, dim := range model.ReportDimensions {
		if lines := fig.Groups.Lines(dim); len(lines) > 0 {
			c.Groups[dim] = GroupChart(l, dim, lines).SVG()
		}
	}
	return c
}

// Figures computes the report of the project with code for the JSON API
// and writes the request to the audit log. An unknown code is
// model.ErrNotFound; bad parameters a *model.ValidationError.
func (s *Service) Figures(ctx context.Context, a model.Actor, code string, r Request) (model.Figures, error) {
	if err := allow(a); err != nil {
		return model.Figures{}, err
	}
	if code == "" {
		return model.Figures{}, (model.Errors{"project": "report.error.project"}).Err()
	}
	p, err := s.store.ProjectByCode(ctx, code)
	if err != nil {
		return model.Figures{}, err
	}
	r.ProjectID = p.ID
	f, _, err := s.resolve(ctx, r)
	if err != nil {
		return model.Figures{}, err
	}
	fig, err := Compute(ctx, s.store, f)
	if err != nil {
		return model.Figures{}, err
	}
	if err := s.audit(ctx, a, export{fig: fig, format: "json"}, "api"); err != nil {
		return model.Figures{}, err
	}
	return fig, nil
}
