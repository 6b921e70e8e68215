package components

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Names turns ids into names in the page's language.
type Names struct {
	Refs model.Refs
}

func pick(ctx context.Context, en, ar string) string { return i18n.From(ctx).Pick(en, ar) }

// Agency names an agency, or "".
func (n Names) Agency(ctx context.Context, id *int64) string {
	if a, ok := n.Refs.Agency(id); ok {
		return pick(ctx, a.NameEn, a.NameAr)
	}
	return ""
}

// Station names a duty station, or "".
func (n Names) Station(ctx context.Context, id *int64) string {
	if s, ok := n.Refs.Station(id); ok {
		return pick(ctx, s.NameEn, s.NameAr)
	}
	return ""
}

// Governorate names a governorate, or "".
func (n Names) Governorate(ctx context.Context, id *int64) string {
	if g, ok := n.Refs.Governorate(id); ok {
		return pick(ctx, g.NameEn, g.NameAr)
	}
	return ""
}

// Thematic names a thematic area, or "".
func (n Names) Thematic(ctx context.Context, id *int64) string {
	if t, ok := n.Refs.ThematicArea(id); ok {
		return pick(ctx, t.NameEn, t.NameAr)
	}
	return ""
}

// Project names a project by its code, or "".
func (n Names) Project(id *int64) string {
	if p, ok := n.Refs.Project(id); ok {
		return p.Code
	}
	return ""
}

// Donor names the donor of a project, or "".
func (n Names) Donor(ctx context.Context, projectID *int64) string {
	if p, ok := n.Refs.Project(projectID); ok {
		if d, ok := n.Refs.Donor(p.DonorID); ok {
			return pick(ctx, d.NameEn, d.NameAr)
		}
	}
	return ""
}

// options builds select options with an empty first choice.
func options(empty string, n int, at func(i int) (int64, string)) []Option {
	out := []Option{{Value: "", Label: empty}}
	for i := 0; i < n; i++ {
		id, label := at(i)
		out = append(out, Option{Value: strconv.FormatInt(id, 10), Label: label})
	}
	return out
}

// AgencyOptions lists the live agencies for a select.
func (n Names) AgencyOptions(ctx context.Context, empty string) []Option {
	var live []model.Agency
	for _, a := range n.Refs.Agencies {
		if a.ArchivedAt == nil {
			live = append(live, a)
		}
	}
	return options(empty, len(live), func(i int) (int64, string) { return live[i].ID, pick(ctx, live[i].NameEn, live[i].NameAr) })
}

// StationOptions lists the live duty stations for a select.
func (n Names) StationOptions(ctx context.Context, empty string) []Option {
	var live []model.DutyStation
	for _, s := range n.Refs.Stations {
		if s.ArchivedAt == nil {
			live = append(live, s)
		}
	}
	return options(empty, len(live), func(i int) (int64, string) { return live[i].ID, pick(ctx, live[i].NameEn, live[i].NameAr) })
}

// GovernorateOptions lists the governorates for a select.
func (n Names) GovernorateOptions(ctx context.Context, empty string) []Option {
	g := n.Refs.Governorates
	return options(empty, len(g), func(i int) (int64, string) { return g[i].ID, pick(ctx, g[i].NameEn, g[i].NameAr) })
}

// ThematicOptions lists the live thematic areas for a select.
func (n Names) ThematicOptions(ctx context.Context, empty string) []Option {
	var live []model.ThematicArea
	for _, t := range n.Refs.Thematic {
		if t.ArchivedAt == nil {
			live = append(live, t)
		}
	}
	return options(empty, len(live), func(i int) (int64, string) { return live[i].ID, pick(ctx, live[i].NameEn, live[i].NameAr) })
}

// ProjectOptions lists the live projects for a select.
func (n Names) ProjectOptions(ctx context.Context, empty string) []Option {
	var live []model.Project
	for _, p := range n.Refs.Projects {
		if p.ArchivedAt == nil {
			live = append(live, p)
		}
	}
	return options(empty, len(live), func(i int) (int64, string) {
		return live[i].ID, live[i].Code + " — " + pick(ctx, live[i].TitleEn, live[i].TitleAr)
	})
}

// DonorOptions lists the donors for a select.
func (n Names) DonorOptions(ctx context.Context, empty string) []Option {
	d := n.Refs.Donors
	return options(empty, len(d), func(i int) (int64, string) { return d[i].ID, pick(ctx, d[i].NameEn, d[i].NameAr) })
}

// SDGTitle is "SDG 16 · Peace, Justice and Strong Institutions".
func (n Names) SDGTitle(ctx context.Context, id int64) string {
	for _, g := range n.Refs.SDGs {
		if g.ID == id {
			return i18n.T(ctx, "tag.sdg") + " " + i18n.From(ctx).Num(int(id)) + i18n.Sep(ctx) + pick(ctx, g.TitleEn, g.TitleAr)
		}
	}
	return ""
}

// GCMTitle is "GCM 9 · Strengthen the transnational response…".
func (n Names) GCMTitle(ctx context.Context, id int64) string {
	for _, g := range n.Refs.GCMs {
		if g.ID == id {
			return i18n.T(ctx, "tag.gcm") + " " + i18n.From(ctx).Num(int(id)) + i18n.Sep(ctx) + pick(ctx, g.TitleEn, g.TitleAr)
		}
	}
	return ""
}
