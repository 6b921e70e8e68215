// Package person renders the participant registry: the search, a person's
// page with their training history, the person form with its duplicate
// check, and the merge screen.
package person

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/components"
)

func idStr(id int64) string { return strconv.FormatInt(id, 10) }

func optID(id *int64) string {
	if id == nil {
		return ""
	}
	return idStr(*id)
}

// personURL is a person's page, or a page under it.
func personURL(id int64, rest ...string) templ.SafeURL {
	u := "/persons/" + idStr(id)
	for _, r := range rest {
		u += "/" + r
	}
	return templ.SafeURL(u)
}

func trainingURL(id int64) templ.SafeURL { return templ.SafeURL("/trainings/" + idStr(id)) }

func urlEscape(s string) string { return url.QueryEscape(s) }

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func sexLabel(ctx context.Context, s model.Sex) string {
	switch s {
	case model.SexFemale:
		return i18n.T(ctx, "person.sex_f")
	case model.SexMale:
		return i18n.T(ctx, "person.sex_m")
	}
	return "—"
}

func positionLabel(ctx context.Context, p model.Position) string {
	if p == "" {
		return "—"
	}
	return i18n.T(ctx, "position."+string(p))
}

// ageBandLabel writes "25-34" as "25–34" and "55+" as "55 or older", in
// the page's digits.
func ageBandLabel(ctx context.Context, band string) string {
	l := i18n.From(ctx)
	if from, ok := strings.CutSuffix(band, "+"); ok {
		return i18n.T(ctx, "registry.age_over", l.Digits(from))
	}
	if from, to, ok := strings.Cut(band, "-"); ok {
		return l.Digits(from) + "–" + l.Digits(to)
	}
	return band
}

// ageText is the year of birth, else the age band, else a dash.
func ageText(ctx context.Context, p model.Person) string {
	switch {
	case p.BirthYear != nil:
		return i18n.From(ctx).Digits(strconv.Itoa(*p.BirthYear))
	case p.AgeBand != "":
		return ageBandLabel(ctx, p.AgeBand)
	}
	return "—"
}

func sexOptions(ctx context.Context) []components.Option {
	return []components.Option{{Value: "", Label: i18n.T(ctx, "registry.choose")},
		{Value: string(model.SexFemale), Label: i18n.T(ctx, "person.sex_f")},
		{Value: string(model.SexMale), Label: i18n.T(ctx, "person.sex_m")}}
}

func positionOptions(ctx context.Context) []components.Option {
	out := []components.Option{{Value: "", Label: i18n.T(ctx, "registry.not_recorded")}}
	for _, p := range model.Positions {
		out = append(out, components.Option{Value: string(p), Label: i18n.T(ctx, "position."+string(p))})
	}
	return out
}

func ageBandOptions(ctx context.Context) []components.Option {
	out := []components.Option{{Value: "", Label: i18n.T(ctx, "registry.not_recorded")}}
	for _, b := range model.AgeBands {
		out = append(out, components.Option{Value: b, Label: ageBandLabel(ctx, b)})
	}
	return out
}

// regBadge picks a badge colour for a registration status.
func regBadge(st model.RegistrationStatus) string {
	switch st {
	case model.RegConfirmed:
		return "completed"
	case model.RegWithdrawn:
		return "off"
	}
	return "planned"
}
