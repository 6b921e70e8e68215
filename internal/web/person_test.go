package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/webtest"
)

// demoPerson finds a demo officer by their Latin name.
func demoPerson(t *testing.T, env *webtest.Env, latin string) model.Person {
	t.Helper()
	id := env.Store.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM persons WHERE name_latin = ?", latin)
	p, err := env.Store.Person(context.Background(), mustID(id))
	if err != nil {
		t.Fatalf("demo person %q: %v", latin, err)
	}
	return p
}

// demoTraining finds a demo training by the start of its title.
func demoTraining(t *testing.T, env *webtest.Env, title string) string {
	t.Helper()
	id := env.Store.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM trainings WHERE title_en LIKE ?", title+"%")
	if id == "" {
		t.Fatalf("no training %q", title)
	}
	return id
}

// personForm is a valid new person, changed by over ("" removes a field).
func personForm(over map[string]string) url.Values {
	f := url.Values{"name_latin": {"Nour Hassan Zaki"}, "name_arabic": {"نور حسن زكي"}, "sex": {"F"},
		"birth_year": {"1993"}, "agency_id": {"1"}, "duty_station_id": {"1"}, "position": {"desk"},
		"rank": {"Specialist"}, "phone": {"0122 555 0101"}, "email": {"Nour.Zaki@customs.example.gov.eg"},
		"basis": {"consent"}, "basis_purpose": {"Training"}}
	for k, v := range over {
		if v == "" {
			f.Del(k)
		} else {
			f.Set(k, v)
		}
	}
	return f
}

var personLocation = regexp.MustCompile(`^/persons/(\d+)$`)

func createdPerson(t *testing.T, r webtest.Response) string {
	t.Helper()
	m := personLocation.FindStringSubmatch(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("create person = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	return m[1]
}

// found lists the Latin names in a registry result page.
var latinInList = regexp.MustCompile(`class="person-name"[^>]*><bdi lang="en">([^<]+)</bdi>`)

func found(body string) []string {
	var out []string
	for _, m := range latinInList.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestRegistry_Search(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	// An officer recorded in Arabic only, to be found from a Latin spelling.
	arOnly := model.Person{NameArabic: "محمد فتحي سالم", Sex: model.SexMale}
	arOnly.NameKey = roster.NameKey("", arOnly.NameArabic)
	if err := env.Store.CreatePerson(context.Background(), &arOnly); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, q string
		want    []string // Latin names that must be found
		only    bool     // and nobody else
		wantAr  string   // an Arabic name that must be found
	}{
		{"Latin", "Mostafa Kamal", []string{"Mostafa Kamal Hassan"}, true, ""},
		{"LatinCase", "el-shazly", []string{"Mahmoud Adel El-Shazly"}, true, ""},
		{"ArabicVariantLetters", "احمد محمود", []string{"Ahmed Mahmoud Abdelrahman"}, true, ""},
		{"ArabicAlef", "احمد", []string{"Ahmed Mahmoud Abdelrahman", "Ahmed Abdelfattah Shaaban", "Hebatallah Ahmed Rashad"}, false, ""},
		{"CrossSpelling", "Mohamed Abdullah", []string{"Mohammed Abdullah El-Gammal"}, true, ""},
		{"CrossScript", "Mohamed Fathy", nil, false, "محمد فتحي سالم"},
		{"PhoneLocal", "01012743206", []string{"Mostafa Kamal Hassan"}, true, ""},
		{"PhoneInternational", "0020-101-274-3206", []string{"Mostafa Kamal Hassan"}, true, ""},
		{"PhoneArabicDigits", "٠١٠١٢٧٤٣٢٠٦", []string{"Mostafa Kamal Hassan"}, true, ""},
		{"Email", "Mohammed.ElGammal@customs.example.gov.eg", []string{"Mohammed Abdullah El-Gammal"}, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := po.Get("/persons?q=" + url.QueryEscape(c.q))
			if r.StatusCode != http.StatusOK {
				t.Fatalf("status %d", r.StatusCode)
			}
			got := found(r.Body)
			for _, w := range c.want {
				if !strings.Contains(strings.Join(got, "|"), w) {
					t.Errorf("%q did not find %q; found %v", c.q, w, got)
				}
			}
			if c.only && len(got) != len(c.want) {
				t.Errorf("%q found %v, want only %v", c.q, got, c.want)
			}
			if c.wantAr != "" && !strings.Contains(r.Body, `<bdi lang="ar" class="ar-name">`+c.wantAr+`</bdi>`) {
				t.Errorf("%q did not find %s", c.q, c.wantAr)
			}
		})
	}
	// Filters narrow the list; an unknown name gets an empty state saying what to do.
	if got := found(po.Get("/persons?station=3").Body); len(got) != 5 {
		t.Errorf("headquarters has %d people, want 5: %v", len(got), got)
	}
	if r := po.Get("/persons?q=Xavier"); !strings.Contains(r.Body, "Nobody matches this search") {
		t.Error("no empty state for a search without results")
	}
	if r := po.Get("/persons"); !strings.Contains(r.Body, "Page 1 of 2 · 33 in all") {
		t.Error("the unfiltered registry is not paged over 33 people")
	}
}

func TestRegistry_CreateValidates(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	cases := []struct {
		name  string
		over  map[string]string
		field string
		msg   string
	}{
		{"ErrNoName", map[string]string{"name_latin": "", "name_arabic": ""}, "f-name_latin", "Enter the name in Latin letters, in Arabic, or both."},
		{"ErrArabicInLatin", map[string]string{"name_latin": "نور Zaki"}, "f-name_latin", "Use Latin letters here"},
		{"ErrLatinInArabic", map[string]string{"name_arabic": "Nour Zaki"}, "f-name_arabic", "Use Arabic script here"},
		{"ErrSex", map[string]string{"sex": ""}, "f-sex", "Choose female or male"},
		{"ErrBirthYearYoung", map[string]string{"birth_year": "2010"}, "f-birth_year", "at least 16 years old"},
		{"ErrBirthYearOld", map[string]string{"birth_year": "1900"}, "f-birth_year", "from 1940 on"},
		{"ErrAgeBand", map[string]string{"age_band": "12-17"}, "f-age_band", "Choose one of the options."},
		{"ErrEmail", map[string]string{"email": "nour@"}, "f-email", "Enter an email address"},
		{"ErrPhoneLetters", map[string]string{"phone": "call me"}, "f-phone", "7 to 15 digits"},
		{"ErrPhoneShort", map[string]string{"phone": "12 34"}, "f-phone", "7 to 15 digits"},
		{"ErrPosition", map[string]string{"position": "captain"}, "f-position", "Choose one of the options."},
		{"ErrStation", map[string]string{"duty_station_id": "999"}, "f-duty_station_id", "Choose one of the options."},
		{"ErrRankLong", map[string]string{"rank": strings.Repeat("x", 81)}, "f-rank", "This is too long."},
		{"ErrNoBasis", map[string]string{"basis": ""}, "f-basis", "Choose the basis on which this person&#39;s data is held."},
		{"ErrBasisPurpose", map[string]string{"basis_purpose": ""}, "f-basis_purpose", "Say what the data is held for."},
		{"ErrBasisFuture", map[string]string{"basis_on": "2999-01-01"}, "f-basis_on", "not in the future"},
	}
	before := env.Store.MustCount(context.Background(), "persons")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := po.Post("/persons", personForm(c.over))
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.StatusCode)
			}
			if !strings.Contains(r.Body, `id="`+c.field+`-error"`) || !strings.Contains(r.Body, c.msg) {
				t.Errorf("no message %q beside %s", c.msg, c.field)
			}
			if c.field != "f-rank" && !strings.Contains(r.Body, `value="Specialist"`) {
				t.Error("the typed rank was lost")
			}
		})
	}
	if n := env.Store.MustCount(context.Background(), "persons"); n != before {
		t.Fatalf("invalid forms saved %d persons", n-before)
	}
	// Arabic-Indic digits in the year are read; the phone is stored normalised.
	id := createdPerson(t, po.Post("/persons", personForm(map[string]string{"birth_year": "١٩٩٣", "age_band": "25-34"})))
	p, _ := env.Store.Person(context.Background(), mustID(id))
	if p.BirthYear == nil || *p.BirthYear != 1993 || p.Phone != "+201225550101" || p.Email != "nour.zaki@customs.example.gov.eg" ||
		p.NameKey != roster.NameKey(p.NameLatin, p.NameArabic) || p.AgeBand != "25-34" {
		t.Fatalf("saved %+v", p)
	}
}

func TestRegistry_CreateFindsDuplicates(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	ahmed := demoPerson(t, env, "Ahmed Mahmoud Abdelrahman")
	before := env.Store.MustCount(ctx, "persons")
	// Typed in Arabic only, with plain alefs and the compound name joined.
	f := url.Values{"name_arabic": {"احمد محمود عبدالرحمن"}, "sex": {"M"}, "basis": {"consent"}, "basis_purpose": {"Training"}}
	r := po.Post("/persons", f)
	if r.StatusCode != http.StatusConflict {
		t.Fatalf("status %d, want 409", r.StatusCode)
	}
	for _, want := range []string{"Possible duplicates: 1", "Ahmed Mahmoud Abdelrahman", "Same name in Arabic",
		`href="/persons/` + itoa(ahmed.ID) + `"`, `name="confirm_new" value="1"`, "Nothing has been saved yet"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("duplicate page lacks %q", want)
		}
	}
	if strings.Contains(r.Body, "Register this person instead") {
		t.Error("offers to register on a training when there is none")
	}
	if n := env.Store.MustCount(ctx, "persons"); n != before {
		t.Fatal("a person was saved before the officer confirmed")
	}
	f.Set("confirm_new", "1")
	id := createdPerson(t, po.Post("/persons", f))
	if n := env.Store.MustCount(ctx, "persons"); n != before+1 {
		t.Fatalf("persons %d → %d after create anyway", before, n)
	}
	if page := po.Get("/persons/" + id); !strings.Contains(page.Body, "was added to the registry") {
		t.Error("no confirmation after create anyway")
	}
	// The same phone in another format, with the own name alone, is a
	// duplicate too (under a name that shares nothing it would be an
	// office's phone).
	r = po.Post("/persons", personForm(map[string]string{"name_latin": "Ahmed", "name_arabic": "", "sex": "M", "birth_year": "", "phone": "+20 10 1200 3100",
		"email": ""}))
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "Same phone number") {
		t.Errorf("phone duplicate: status %d", r.StatusCode)
	}
}
