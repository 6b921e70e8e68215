package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	reportview "github.com/traindesk/traindesk/views/report"
)

// reportForm is the report's parameters as typed, in a query or a form.
type reportForm struct {
	Donor, Project, From, To      string
	Agency, Governorate, Thematic string
}

// reportFormOf reads the report's parameters.
func reportFormOf(get func(string) string) reportForm {
	t := func(k string) string { return strings.TrimSpace(get(k)) }
	return reportForm{Donor: t("donor"), Project: t("project"), From: t("from"), To: t("to"),
		Agency: t("agency"), Governorate: t("governorate"), Thematic: t("thematic")}
}

// request reads the form's ids and days; what cannot be read is named in
// the request's Invalid, for the report service to report with the rest.
// An empty field is not given.
func (f reportForm) request() report.Request {
	r := report.Request{Invalid: map[string]string{}}
	if f.Project != "" {
		if id, err := strconv.ParseInt(f.Project, 10, 64); err == nil && id > 0 {
			r.ProjectID = id
		} else {
			r.Invalid["project"] = "report.error.project"
		}
	}
	for _, d := range []struct {
		field, value string
		dst          *model.Date
	}{{"from", f.From, &r.From}, {"to", f.To, &r.To}} {
		if d.value == "" {
			continue
		}
		v, err := model.ParseDate(d.value)
		if err != nil {
			r.Invalid[d.field] = "report.error.date"
		}
		*d.dst = v
	}
	for _, o := range []struct {
		field, value string
		dst          *int64
	}{{"agency", f.Agency, &r.AgencyID}, {"governorate", f.Governorate, &r.GovernorateID}, {"thematic", f.Thematic, &r.ThematicID}} {
		if o.value == "" {
			continue
		}
		if v, err := strconv.ParseInt(o.value, 10, 64); err == nil && v > 0 {
			*o.dst = v
		} else {
			r.Invalid[o.field] = "report.error.filter"
		}
	}
	return r
}

// selection is the form as the page shows it back.
func (f reportForm) selection() reportview.Selection { return reportview.Selection(f) }

// query is the report page's query for the form.
func (f reportForm) query() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"project": f.Project, "from": f.From, "to": f.To, "agency": f.Agency,
		"governorate": f.Governorate, "thematic": f.Thematic} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}
