package trainings

import (
	"slices"

	"github.com/traindesk/traindesk/internal/model"
)

// changedFields names the form fields an update changes, for the audit
// log: names only, never the values typed.
func changedFields(old model.TrainingDetail, t model.Training, p model.TrainingPlan) []string {
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	o := old.Training
	add("title_en", o.TitleEn != t.TitleEn)
	add("title_ar", o.TitleAr != t.TitleAr)
	add("objectives_en", o.ObjectivesEn != t.ObjectivesEn)
	add("objectives_ar", o.ObjectivesAr != t.ObjectivesAr)
	add("thematic_area_id", !samePtr(o.ThematicAreaID, t.ThematicAreaID))
	add("project_id", !samePtr(o.ProjectID, t.ProjectID))
	add("agency_id", !samePtr(o.AgencyID, t.AgencyID))
	add("venue_en", o.VenueEn != t.VenueEn)
	add("venue_ar", o.VenueAr != t.VenueAr)
	add("city", o.City != t.City)
	add("governorate_id", !samePtr(o.GovernorateID, t.GovernorateID))
	add("starts_on", o.StartsOn != t.StartsOn)
	add("ends_on", o.EndsOn != t.EndsOn)
	add("capacity", o.Capacity != t.Capacity)
	add("language", o.Language != t.Language)
	add("completion_rate", o.CompletionMinRate != t.CompletionMinRate)
	add("min_post_score", !samePtr(o.CompletionMinPostScore, t.CompletionMinPostScore))
	add("sdgs", !sameSet(old.SDGs, p.SDGs))
	add("gcms", !sameSet(old.GCMs, p.GCMs))
	add("facilitators", !sameSet(old.FacilitatorIDs(), p.Facilitators))
	add("quotas", !slices.EqualFunc(planOf(old).Quotas, p.Quotas, sameQuota))
	return out
}

func samePtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// sameSet compares two id lists as sets of positive ids, as the store
// writes them.
func sameSet(a, b []int64) bool {
	norm := func(ids []int64) []int64 {
		var out []int64
		for _, id := range ids {
			if id > 0 {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(norm(a), norm(b))
}

func sameQuota(a, b model.Quota) bool {
	return samePtr(a.AgencyID, b.AgencyID) && samePtr(a.StationID, b.StationID) && a.Places == b.Places
}
