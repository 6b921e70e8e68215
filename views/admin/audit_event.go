package admin

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/reference"
)

// The audit page renders each typed event: its kind translated, its
// object and related objects named (and linked where they have a page),
// the names of the changed fields translated where the catalogues have a
// label, and the event's values.

// objectTypes are the object types the filter offers, in its order.
var objectTypes = []string{"user", "training", "session", "registration", "person", "certificate", "upload", "report",
	"donor", "project", "indicator", "agency", "station", "thematic_area", "api_token"}

// kindLabel translates an event's kind; an old or unknown kind shows as
// it was recorded.
func kindLabel(ctx context.Context, kind string) string {
	return labelOr(ctx, kind, "audit.a."+kind)
}

// objectLabel names an object type, or shows it as recorded.
func objectLabel(ctx context.Context, typ string) string { return labelOr(ctx, typ, "audit.o."+typ) }

// fieldLabel names a changed field with the label its form shows.
func fieldLabel(ctx context.Context, name string) string {
	return labelOr(ctx, name, "audit.f."+name, "field."+name, "ref.field."+name,
		"ref.field."+strings.TrimSuffix(name, "_id"))
}

// labelOr is the first of keys the catalogue has, translated, or raw.
func labelOr(ctx context.Context, raw string, keys ...string) string {
	l := i18n.From(ctx)
	for _, k := range keys {
		if l.Has(k) {
			return l.T(k)
		}
	}
	return raw
}

// valueFamilies names, per recorded field, the catalogue families its
// values come from (a language, a file kind, a format, a sheet...).
var valueFamilies = map[string][]string{
	"lang":   {"training.lang."},
	"kind":   {"evidence.kind.", "outbox.kind."},
	"format": {"audit.v.format."},
	"via":    {"audit.v.via."},
	"table":  {"report.sheet."},
	"status": {"outbox.status."},
}

// valueLabel translates a recorded value of field: one of the field's
// own family, or a role, a status, a yes or no; a count is written in
// the page's digits.
func valueLabel(ctx context.Context, field, v string) string {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return i18n.From(ctx).Int(n)
	}
	keys := make([]string, 0, 5)
	for _, fam := range valueFamilies[field] {
		keys = append(keys, fam+v)
	}
	return labelOr(ctx, v, append(keys, "audit.v."+v, "role."+v, "status."+v)...)
}

// objectName is "Training #3", or "Training" for an event about no
// particular one (id 0).
func objectName(ctx context.Context, typ string, id int64) string {
	if id == 0 {
		return objectLabel(ctx, typ)
	}
	return objectLabel(ctx, typ) + " #" + i18n.From(ctx).Int(id)
}

// objectLink is the page of an object, or "" when it has none; related
// gives the objects it lives in (an indicator's project).
func objectLink(typ string, id int64, related map[string]int64) string {
	switch typ {
	case "user":
		return fmt.Sprintf("/admin/users/%d/edit", id)
	case "training":
		return fmt.Sprintf("/trainings/%d", id)
	case "person":
		return fmt.Sprintf("/persons/%d", id)
	case "session":
		if t := related["training"]; t != 0 {
			return fmt.Sprintf("/trainings/%d/sessions/%d/edit", t, id)
		}
	case "indicator":
		if p := related[string(model.RefProject)]; p != 0 {
			return fmt.Sprintf("%s/%d/indicators/%d/edit", reference.Path(model.RefProject), p, id)
		}
	}
	for _, k := range model.RefKinds {
		if string(k) == typ {
			return reference.EditPath(k, id)
		}
	}
	return ""
}

// eventObjectLink is the link of an event's object, unless the event
// removed it.
func eventObjectLink(a model.AuditLine) string {
	if a.EntityID == 0 || strings.HasSuffix(a.Action, "_delete") {
		return ""
	}
	return objectLink(a.Entity, a.EntityID, a.Related)
}

// relatedObject is one object an event concerns besides its own.
type relatedObject struct {
	Name, Link string
}

// relatedObjects lists an event's related objects by type.
func relatedObjects(ctx context.Context, a model.AuditLine) []relatedObject {
	types := make([]string, 0, len(a.Related))
	for t := range a.Related {
		types = append(types, t)
	}
	sort.Strings(types)
	out := make([]relatedObject, 0, len(types))
	for _, t := range types {
		id := a.Related[t]
		out = append(out, relatedObject{Name: objectName(ctx, t, id), Link: objectLink(t, id, nil)})
	}
	return out
}

// changedText lists the changed fields by their labels.
func changedText(ctx context.Context, a model.AuditLine) string {
	names := make([]string, len(a.Changed))
	for i, f := range a.Changed {
		names[i] = fieldLabel(ctx, f)
	}
	return strings.Join(names, i18n.T(ctx, "ref.list_sep"))
}

// valuesText shows an event's values: "from → to" for a change of state,
// then every other value as "label: value", in a stable order.
func valuesText(ctx context.Context, a model.AuditLine) string {
	var parts []string
	vs := a.Values
	if from, to := vs["from"], vs["to"]; from != "" || to != "" {
		parts = append(parts, valueLabel(ctx, "", from)+" "+i18n.T(ctx, "common.arrow")+" "+valueLabel(ctx, "", to))
	}
	keys := make([]string, 0, len(vs))
	for k := range vs {
		if k != "from" && k != "to" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, fieldLabel(ctx, k)+": "+valueLabel(ctx, k, vs[k]))
	}
	return strings.Join(parts, i18n.T(ctx, "ref.list_sep"))
}

// historyLink filters the log on one object.
func historyLink(typ string, id int64) string {
	return "/admin/audit?" + url.Values{"object": {typ}, "id": {strconv.FormatInt(id, 10)}}.Encode()
}
