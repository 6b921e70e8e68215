// Package report renders the donor report: the form that chooses project,
// period and filters, the figures with their charts, and the page that
// follows a long export.
package report

import (
	"context"
	"net/url"
	"strconv"

	"github.com/a-h/templ"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/components"
)

// Selection is what the report form holds, as typed, to show back in its
// fields.
type Selection struct {
	Donor, Project, From, To      string
	Agency, Governorate, Thematic string
}

// Charts are the report's charts as SVG, drawn from the figures in the
// reader's language. They are trusted: the chart package escapes every
// label.
type Charts struct {
	Indicators string
	Groups     map[string]string // by dimension
	Ratings    string
}

// Props is what the report page shows.
type Props struct {
	Refs   model.Refs
	Form   Selection
	Errors map[string]string
	Fig    *model.Figures // nil until a project and a valid period are chosen
	Note   string         // what the figures count, in the reader's language
	Charts Charts
	Tables []string // the tables offered as CSV files
	Years  []int    // the years the shortcuts offer, from the project's period
	Year   int      // the year whose quarters the shortcuts offer
	// Evidence counts the counted trainings whose evidence is incomplete;
	// nil when the report says nothing of evidence.
	Evidence *EvidenceCount
}

// EvidenceCount is how many of the counted trainings lack some evidence.
type EvidenceCount struct {
	Trainings  int
	Incomplete int
}

// evidenceURL is the evidence pack of the period shown, with the same
// filters.
func (p Props) evidenceURL() templ.SafeURL {
	q := p.query()
	q.Set("from", p.Fig.Period.From.String())
	q.Set("to", p.Fig.Period.To.String())
	return templ.SafeURL("/reports/evidence.zip?" + q.Encode())
}

func (p Props) names() components.Names { return components.Names{Refs: p.Refs} }

// query is the form's filters as URL values, without the period.
func (p Props) query() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"donor": p.Form.Donor, "project": p.Form.Project, "agency": p.Form.Agency,
		"governorate": p.Form.Governorate, "thematic": p.Form.Thematic} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// periodURL is the report for another period, with the same filters.
func (p Props) periodURL(from, to model.Date) templ.SafeURL {
	q := p.query()
	q.Set("from", from.String())
	q.Set("to", to.String())
	return templ.SafeURL("/reports?" + q.Encode())
}

// current reports whether from–to is the period shown.
func (p Props) current(from, to model.Date) bool {
	return p.Form.From == from.String() && p.Form.To == to.String()
}

// projectOptions lists the live projects, only the chosen donor's when
// one is chosen.
func (p Props) projectOptions(ctx context.Context) []components.Option {
	out := []components.Option{{Value: "", Label: i18n.T(ctx, "report.choose_project")}}
	donor, _ := strconv.ParseInt(p.Form.Donor, 10, 64)
	for _, pr := range p.Refs.Projects {
		chosen := strconv.FormatInt(pr.ID, 10) == p.Form.Project
		if !chosen && (pr.ArchivedAt != nil || (donor != 0 && pr.DonorID != donor)) {
			continue
		}
		out = append(out, components.Option{Value: strconv.FormatInt(pr.ID, 10),
			Label: pr.Code + " — " + i18n.From(ctx).Pick(pr.TitleEn, pr.TitleAr)})
	}
	return out
}

// filterNames describes the optional filters in use, for the report's
// heading.
func (p Props) filterNames(ctx context.Context) []string {
	var out []string
	n := p.names()
	id := func(s string) *int64 {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v <= 0 {
			return nil
		}
		return &v
	}
	if a := n.Agency(ctx, id(p.Form.Agency)); a != "" {
		out = append(out, i18n.T(ctx, "report.dim.agency")+": "+a)
	}
	if g := n.Governorate(ctx, id(p.Form.Governorate)); g != "" {
		out = append(out, i18n.T(ctx, "report.filter.governorate")+": "+g)
	}
	if t := n.Thematic(ctx, id(p.Form.Thematic)); t != "" {
		out = append(out, i18n.T(ctx, "training.thematic")+": "+t)
	}
	return out
}

// quarters are the shortcuts to the quarters of p.Year.
func (p Props) quarters() [4][2]model.Date {
	var out [4][2]model.Date
	for q := range 4 {
		out[q][0], out[q][1] = model.QuarterPeriod(p.Year, q+1)
	}
	return out
}
