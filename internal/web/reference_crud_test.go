package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// refCase drives one list through create, edit, archive, restore and
// delete. find returns the id and archive time of the entry named name.
type refCase struct {
	kind    string // the list's path below /reference
	valid   url.Values
	name    string // English name of the valid entry, as the list shows it
	invalid url.Values
	errs    map[string]string // field → message for invalid
	kept    map[string]string // field → value the 422 page keeps
	edit    url.Values        // a valid change; its name_en is the new name
	find    func(env *webtest.Env, name string) (int64, *time.Time)
}

func refCases() []refCase {
	ctx := context.Background()
	return []refCase{{
		kind: "agencies",
		valid: url.Values{"name_en": {"Port Said Port Authority"}, "name_ar": {"هيئة ميناء بورسعيد"}, "kind": {"other"},
			"parent_ministry_en": {"Ministry of Transport"}, "focal_name": {"Hany Lotfy"},
			"focal_phone": {"+20 66 322 1100"}, "focal_email": {"Training@Port.example.gov.eg"}},
		name: "Port Said Port Authority",
		invalid: url.Values{"name_en": {""}, "name_ar": {"هيئة"}, "kind": {"navy"}, "focal_phone": {"call the desk"},
			"focal_email": {"training at port"}},
		errs: map[string]string{"kind": "Choose one of the options.",
			"focal_phone": "Enter a phone number of 7 to 15 digits", "focal_email": "Enter an email address"},
		kept: map[string]string{"name_ar": "هيئة", "focal_phone": "call the desk", "focal_email": "training at port"},
		edit: url.Values{"name_en": {"Port Said Ports Authority"}, "kind": {"ministry"}, "focal_phone": {"٠١٢٣٤٥٦٧٨٩"}},
		find: func(env *webtest.Env, name string) (int64, *time.Time) {
			as, _ := env.Store.Agencies(ctx, true)
			for _, a := range as {
				if a.NameEn == name {
					return a.ID, a.ArchivedAt
				}
			}
			return 0, nil
		},
	}, {
		kind:    "stations",
		valid:   url.Values{"name_en": {"Sokhna seaport"}, "name_ar": {"ميناء السخنة"}, "kind": {"seaport"}, "governorate_id": {"14"}},
		name:    "Sokhna seaport",
		invalid: url.Values{"name_en": {"Salloum"}, "kind": {"river"}, "governorate_id": {"99"}, "agency_id": {"777"}},
		errs: map[string]string{"kind": "Choose one of the options.", "governorate_id": "Choose one of the options.",
			"agency_id": "Choose one of the options."},
		kept: map[string]string{"name_en": "Salloum"},
		edit: url.Values{"name_en": {"Ain Sokhna seaport"}, "kind": {"seaport"}, "governorate_id": {"14"}},
		find: func(env *webtest.Env, name string) (int64, *time.Time) {
			ds, _ := env.Store.DutyStations(ctx, true)
			for _, d := range ds {
				if d.NameEn == name {
					return d.ID, d.ArchivedAt
				}
			}
			return 0, nil
		},
	}, {
		kind:    "donors",
		valid:   url.Values{"name_en": {"European Union"}, "name_ar": {"الاتحاد الأوروبي"}, "short_name": {"EU"}},
		name:    "European Union",
		invalid: url.Values{"name_en": {"  "}, "short_name": {strings.Repeat("x", 61)}},
		errs:    map[string]string{"name_en": "Give it in English, in Arabic or in both.", "short_name": "This is too long."},
		kept:    map[string]string{"short_name": strings.Repeat("x", 61)},
		edit:    url.Values{"name_en": {"The European Union"}, "short_name": {"EU"}},
		find: func(env *webtest.Env, name string) (int64, *time.Time) {
			ds, _ := env.Store.Donors(ctx, true)
			for _, d := range ds {
				if d.NameEn == name {
					return d.ID, d.ArchivedAt
				}
			}
			return 0, nil
		},
	}, {
		kind:    "thematic",
		valid:   url.Values{"name_en": {"Maritime search and rescue"}, "name_ar": {"البحث والإنقاذ البحري"}},
		name:    "Maritime search and rescue",
		invalid: url.Values{"name_en": {" "}, "name_ar": {""}},
		errs:    map[string]string{"name_en": "Give it in English, in Arabic or in both."},
		edit:    url.Values{"name_en": {"Search and rescue at sea"}},
		find: func(env *webtest.Env, name string) (int64, *time.Time) {
			ts, _ := env.Store.ThematicAreas(ctx, true)
			for _, a := range ts {
				if a.NameEn == name {
					return a.ID, a.ArchivedAt
				}
			}
			return 0, nil
		},
	}}
}

func TestReference_CreateEditArchiveDelete(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	c := env.SignIn(model.RoleProgramOfficer)
	for _, tc := range refCases() {
		t.Run(tc.kind, func(t *testing.T) {
			list := "/reference/" + tc.kind
			if tc.kind != "thematic" { // the migrations seed five thematic areas
				empty := c.Get(list)
				if !strings.Contains(empty.Body, `class="empty"`) || !strings.Contains(empty.Body, `href="`+list+`/new"`) {
					t.Error("an empty list shows no empty state with a create button")
				}
			}
			if r := c.Get(list + "/new"); r.StatusCode != http.StatusOK {
				t.Fatalf("new form = %d", r.StatusCode)
			}

			// A form with mistakes comes back with each message beside its
			// field and what was typed.
			r := c.Post(list, tc.invalid)
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("invalid create = %d, want 422", r.StatusCode)
			}
			for f, want := range tc.errs {
				if _, msg := field(t, r.Body, f); !strings.Contains(msg, want) {
					t.Errorf("%s: message %q, want %q", f, msg, want)
				}
			}
			for f, want := range tc.kept {
				if v, _ := field(t, r.Body, f); v != want {
					t.Errorf("%s: kept %q, want %q", f, v, want)
				}
			}

			page := follow(t, c, c.Post(list, tc.valid))
			if !strings.Contains(page.Body, tc.name) || !strings.Contains(page.Body, "has been added") {
				t.Fatalf("the list does not show the new entry with a message")
			}
			id, _ := tc.find(env, tc.name)
			if id == 0 {
				t.Fatal("the entry was not stored")
			}
			edit := list + "/" + strconvI(id)
			if r := c.Get(edit + "/edit"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, tc.name) {
				t.Fatalf("edit form = %d", r.StatusCode)
			}

			// Saving with a mistake keeps the archive section on the page.
			r = c.Post(edit, tc.invalid)
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `action="`+edit+`/archive"`) {
				t.Errorf("invalid update = %d, or the archive button is missing", r.StatusCode)
			}
			newName := tc.edit.Get("name_en")
			follow(t, c, c.Post(edit, tc.edit))
			if got, _ := tc.find(env, newName); got != id {
				t.Fatalf("the entry was not renamed to %q", newName)
			}

			// Archived entries leave the list and come back with the toggle.
			page = follow(t, c, c.Post(edit+"/archive", url.Values{"archived": {"true"}}))
			if _, at := tc.find(env, newName); at == nil {
				t.Fatal("not archived")
			}
			if strings.Contains(page.Body, `href="`+edit+`/edit"`) || !strings.Contains(page.Body, "is archived") {
				t.Error("an archived entry is still listed, or no message says it was archived")
			}
			if r := c.Get(list); !strings.Contains(r.Body, "Show archived (1)") {
				t.Error("the list does not offer to show its archived entry")
			}
			if all := c.Get(list + "?archived=1"); !strings.Contains(all.Body, `href="`+edit+`/edit"`) || !strings.Contains(all.Body, "Archived") {
				t.Error("show archived does not list the archived entry")
			}
			follow(t, c, c.Post(edit+"/archive", url.Values{"archived": {"false"}}))
			if _, at := tc.find(env, newName); at != nil {
				t.Fatal("not restored")
			}

			// Nothing uses the new entry, so it can be deleted.
			if r := c.Get(edit + "/edit"); !strings.Contains(r.Body, `action="`+edit+`/delete"`) {
				t.Error("an unused entry offers no delete button")
			}
			page = follow(t, c, c.Post(edit+"/delete", nil))
			if !strings.Contains(page.Body, "has been deleted") {
				t.Error("no message after deleting")
			}
			if r := c.Get(edit + "/edit"); r.StatusCode != http.StatusNotFound {
				t.Errorf("deleted entry = %d, want 404", r.StatusCode)
			}
		})
	}
	audit := c.Get("/admin/audit")
	if audit.StatusCode == http.StatusOK {
		t.Fatal("a program officer reads the audit log")
	}
	audit = env.SignIn(model.RoleAdmin).Get("/admin/audit")
	for _, want := range []string{"Added reference data", "Changed reference data", "Archived reference data",
		"Restored reference data", "Deleted reference data"} {
		if !strings.Contains(audit.Body, want) {
			t.Errorf("the audit log lacks %q", want)
		}
	}
}

func TestReference_DeleteRefusedWhenUsed(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ids := loadDemoRefs(t, env)
	c := env.SignIn(model.RoleAdmin)
	regs := env.Store.MustCount(context.Background(), "registrations")
	cases := []struct {
		path string
		want string
	}{
		{"/reference/agencies/" + strconvI(ids.agency), "“Egyptian Customs Authority” cannot be deleted: it is still used by trainings (4), participant records (32), registrations (" +
			strconvI(regs) + ") and duty stations (3). Archive it instead."},
		{"/reference/donors/" + strconvI(ids.donor), "still used by projects (1)."},
		{"/reference/projects/" + strconvI(ids.project), "“SPHERE II” cannot be deleted: it is still used by trainings (4)."},
		{"/reference/stations/" + strconvI(ids.station), "“Safaga seaport” cannot be deleted: it is still used by participant records ("},
		{"/reference/thematic/" + strconvI(ids.thematic), "still used by trainings (2)."},
	}
	for _, tc := range cases {
		r := c.Post(tc.path+"/delete", nil)
		if loc := r.Header.Get("Location"); loc != tc.path+"/edit" {
			t.Errorf("%s: refused delete goes to %q", tc.path, loc)
		}
		page := follow(t, c, r)
		if !strings.Contains(page.Body, tc.want) {
			t.Errorf("%s: the page does not say %q", tc.path, tc.want)
		}
		// The edit page says so too, and offers archiving instead of delete.
		if strings.Contains(page.Body, `action="`+tc.path+`/delete"`) || !strings.Contains(page.Body, `action="`+tc.path+`/archive"`) ||
			!strings.Contains(page.Body, "This entry cannot be deleted") {
			t.Errorf("%s: the edit page offers delete or hides the reason", tc.path)
		}
	}
	if n := env.Store.MustCount(context.Background(), "agencies"); n != 1 {
		t.Errorf("%d agencies, want the demo's one", n)
	}
	ar := follow(t, c, c.Post("/reference/agencies/"+strconvI(ids.agency)+"/delete?lang=ar", nil))
	if !strings.Contains(ar.Body, "لا يمكن حذف «مصلحة الجمارك المصرية» لأنه ما زال مستخدمًا في التدريبات (٤)") {
		t.Error("the Arabic refusal is missing")
	}
}
