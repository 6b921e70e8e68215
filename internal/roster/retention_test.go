package roster_test

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestRetention_ClearsContactsAfterPeriod runs the retention on the
// hand-counted fixture by a fixed clock. The person whose last training
// ended latest keeps their contacts 5 years − 1 day after it and loses
// them 5 years + 1 day after it, names kept; each run clears exactly whom
// the dry run listed just before; a second run does nothing; the donor
// figures are the same before and after; one audit line per run, with
// the count.
func TestRetention_ClearsContactsAfterPeriod(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		figures := donorFigures(t, s, fx.ProjectID)
		before := figures()
		// Everyone holds a contact, so that every person is a candidate.
		if err := s.Exec(ctx, "UPDATE persons SET phone = '+20100000' || CAST(id AS TEXT) WHERE phone = ''"); err != nil {
			t.Fatal(err)
		}
		last := s.MustString(ctx, `SELECT MAX(t.ends_on) FROM registrations r JOIN trainings t ON t.id = r.training_id`)
		latest := storetestInt(t, s.MustString(ctx, `SELECT CAST(MIN(r.person_id) AS TEXT) FROM registrations r
			JOIN trainings t ON t.id = r.training_id WHERE t.ends_on = ?`, last))
		end := model.MustDate(last[:10]).Time()
		clock := &storetest.Clock{T: end.AddDate(5, 0, -1).Add(9 * time.Hour)}
		svc := roster.New(s, nil, clock.Now, time.UTC)
		admin := model.Actor{User: newAdmin(t, s)}

		run := func() []int64 {
			p, err := svc.Retention(ctx, admin)
			if err != nil {
				t.Fatal(err)
			}
			var listed []int64
			for _, d := range p.Persons {
				listed = append(listed, d.PersonID)
			}
			withContacts := contactHolders(ctx, s)
			rep, err := svc.RunRetention(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n := rep.Persons
			var cleared []int64
			after := map[int64]bool{}
			for _, id := range contactHolders(ctx, s) {
				after[id] = true
			}
			for _, id := range withContacts {
				if !after[id] {
					cleared = append(cleared, id)
				}
			}
			if n != len(listed) || !reflect.DeepEqual(listed, cleared) {
				t.Errorf("the dry run listed %v, the run cleared %v (said %d)", listed, cleared, n)
			}
			return cleared
		}
		hasPhone := func(id int64) bool {
			return s.MustString(ctx, "SELECT phone FROM persons WHERE id = ?", id) != ""
		}

		run()
		if !hasPhone(latest) {
			t.Errorf("5 years − 1 day after their last training, person %d lost their contacts", latest)
		}
		// A message once sent to them holds their address and name.
		msg := model.OutboxMessage{MessageID: "retention-test@traindesk.invalid", Kind: model.MsgInvitation, Lang: "en",
			ToAddr: "kept@customs.example", ToName: "Kept Name", Subject: "Invitation", PersonID: &latest,
			Status: model.MsgSent, QueuedAt: clock.Now(), UpdatedAt: clock.Now()}
		if _, err := s.InsertOutbox(ctx, &msg); err != nil {
			t.Fatal(err)
		}
		clock.Advance(48 * time.Hour)
		cleared := run()
		if n := s.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM outbox_messages WHERE to_addr = 'kept@customs.example'"); n != "0" {
			t.Errorf("the address of person %d outlived their contacts in %s messages", latest, n)
		}
		if hasPhone(latest) || !containsID(cleared, latest) {
			t.Errorf("5 years + 1 day after their last training, person %d keeps their contacts (%v)", latest, cleared)
		}
		if got := s.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM persons WHERE erased_at IS NULL AND "+
			"(phone <> '' OR email <> '' OR national_ref <> '' OR notes <> '') AND id IN (SELECT person_id FROM registrations)"); got != "0" {
			t.Errorf("%s registered persons keep contacts", got)
		}
		if name := s.MustString(ctx, "SELECT name_latin FROM persons WHERE id = ?", latest); name == "" || strings.HasPrefix(name, "Person ") {
			t.Errorf("retention touched the name: %q", name)
		}
		if again := run(); len(again) != 0 {
			t.Errorf("a second run cleared %v", again)
		}
		if after := figures(); !reflect.DeepEqual(before, after) {
			t.Errorf("the figures changed:\\nbefore %+v\\nafter  %+v", before, after)
		}
		lines := s.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'retention_run'")
		if lines != "3" {
			t.Errorf("%s retention audit lines, want 3 (one per run, also when nothing was due)", lines)
		}
	})
}

// TestRetention_Settings: administrators only; out of range is refused
// beside the field and nothing is saved; the outbox purge reads the
// saved period.
func TestRetention_Settings(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, storetest.SQLite(t, store.Options{}))
	admin := model.Actor{User: newAdmin(t, f.s)}
	if _, err := f.svc.SaveRetention(ctx, f.po, model.RetentionSettings{ContactYears: 3, OutboxDays: 30, PhotoYears: 2}); err != model.ErrForbidden {
		t.Errorf("a programme officer saved the retention: %v", err)
	}
	_, err := f.svc.SaveRetention(ctx, admin, model.RetentionSettings{ContactYears: 0, OutboxDays: 3})
	var ve *model.ValidationError
	if !errorsAs(err, &ve) || ve.Fields["contact_years"] == "" || ve.Fields["outbox_days"] == "" {
		t.Errorf("out of range: %v", err)
	}
	if r, _ := f.s.RetentionSettings(ctx); r.ContactYears != model.DefaultContactYears || r.OutboxDays != model.DefaultOutboxDays {
		t.Errorf("defaults: %+v", r)
	}
	if _, err := f.svc.SaveRetention(ctx, admin, model.RetentionSettings{ContactYears: 3, OutboxDays: 30, PhotoYears: 2}); err != nil {
		t.Fatal(err)
	}
	if p, _ := f.svc.Retention(ctx, admin); p.Settings.ContactYears != 3 || p.Settings.OutboxDays != 30 ||
		p.Cutoff != model.MustDate("2020-01-17") {
		t.Errorf("saved: %+v", p)
	}
}

// contactHolders lists, in order, the persons who hold any contact.
func contactHolders(ctx context.Context, s *store.Store) []int64 {
	var out []int64
	top := storetestInt(nil, s.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM persons"))
	for id := int64(1); id <= top; id++ {
		if s.MustString(ctx, "SELECT COALESCE(phone, '') || COALESCE(email, '') || COALESCE(national_ref, '') || COALESCE(notes, '') FROM persons WHERE id = ?", id) != "" {
			out = append(out, id)
		}
	}
	return out
}

func containsID(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

func storetestInt(t *testing.T, v string) int64 {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil && t != nil {
		t.Fatalf("not a number: %q", v)
	}
	return n
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// TestRetention_NeverRegisteredCountsFromTheRecord: a person never
// registered on any training keeps their contacts 5 years − 1 day after
// their record was made and loses them 5 years + 1 day after it; the dry
// run says why.
func TestRetention_NeverRegisteredCountsFromTheRecord(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := reporttest.Seed(ctx, s); err != nil {
			t.Fatal(err)
		}
		p := model.Person{NameLatin: "Never Registered", NameArabic: "لم يسجل", Sex: model.SexFemale, Phone: "+201000000999"}
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		made := time.Date(2040, 3, 10, 9, 0, 0, 0, time.UTC)
		if err := s.Exec(ctx, "UPDATE persons SET created_at = ? WHERE id = ?", made, p.ID); err != nil {
			t.Fatal(err)
		}
		clock := &storetest.Clock{T: made.AddDate(5, 0, -1)}
		svc := roster.New(s, nil, clock.Now, time.UTC)
		admin := model.Actor{User: newAdmin(t, s)}
		due := func() *model.RetentionDue {
			pv, err := svc.Retention(ctx, admin)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range pv.Persons {
				if d.PersonID == p.ID {
					return &d
				}
			}
			return nil
		}
		if d := due(); d != nil {
			t.Fatalf("5 years − 1 day after the record was made, the person is due: %+v", d)
		}
		clock.Advance(48 * time.Hour)
		d := due()
		if d == nil || !d.NeverTrained || d.LastTraining.String() != "2040-03-10" {
			t.Fatalf("5 years + 1 day after the record was made: %+v", d)
		}
		if _, err := svc.RunRetention(ctx); err != nil {
			t.Fatal(err)
		}
		if phone := s.MustString(ctx, "SELECT phone FROM persons WHERE id = ?", p.ID); phone != "" {
			t.Errorf("the never-registered person keeps the phone %q", phone)
		}
	})
}
