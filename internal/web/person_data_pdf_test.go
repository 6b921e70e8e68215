package web_test

import (
	"context"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestPersonPrivacy_DataPDFInTheirLanguage: the subject access PDF of a
// person whose messages are in Arabic is in Arabic and holds their name, a
// registration and an attendance mark; an English-language person's is in
// English.
func TestPersonPrivacy_DataPDFInTheirLanguage(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	admin := env.SignIn(model.RoleAdmin)
	id := env.Store.MustString(ctx, "SELECT CAST(MIN(person_id) AS TEXT) FROM registrations WHERE training_id = 1")
	if err := env.Store.Exec(ctx, "UPDATE persons SET lang = 'ar' WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	r := admin.Get("/persons/" + id + "/data.pdf")
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("data.pdf = %d %q", r.StatusCode, r.Header.Get("Content-Type"))
	}
	if d := os.Getenv("TRAINDESK_SCREENSHOTS"); d != "" {
		_ = os.WriteFile(d+"/subject-ar.pdf", []byte(r.Body), 0o600)
	}
	// pdftotext gives Arabic in logical order but in presentation forms;
	// NFKC folds them back to the letters the catalogue and the database hold.
	text := norm.NFKC.String(pdfText(t, []byte(r.Body)))
	name := env.Store.MustString(ctx, "SELECT name_arabic FROM persons WHERE id = ?", id)
	title := env.Store.MustString(ctx, "SELECT title_ar FROM trainings WHERE id = 1")
	for _, want := range []string{"البيانات الشخصية المحفوظة عنك", name, strings.Fields(title)[0], "مؤكد", "حاضر"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Arabic PDF lacks %q", want)
		}
	}

	if err := env.Store.Exec(ctx, "UPDATE persons SET lang = 'en' WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.ParseInt(id, 10, 64)
	msg := model.OutboxMessage{MessageID: "pdf-test@traindesk.invalid", Kind: model.MsgNominationLetter, Lang: "en",
		ToAddr: "someone@customs.example", Subject: "Letter", PersonID: &pid, Status: model.MsgHeld,
		QueuedAt: env.Clock.Now(), UpdatedAt: env.Clock.Now()}
	if _, err := env.Store.InsertOutbox(ctx, &msg); err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, []byte(admin.Get("/persons/"+id+"/data.pdf").Body))
	latin := env.Store.MustString(ctx, "SELECT name_latin FROM persons WHERE id = ?", id)
	agency := env.Store.MustString(ctx, "SELECT a.name_en FROM persons p JOIN agencies a ON a.id = p.agency_id WHERE p.id = ?", id)
	// Kinds and states by their names, the agency by its name, never
	// as codes.
	for _, want := range []string{"Personal data held about you", latin, "Confirmed", "Present", agency, "Nomination letter"} {
		if !strings.Contains(text, want) {
			t.Errorf("the English PDF lacks %q", want)
		}
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'person_export' AND detail LIKE '%pdf%'"); n != "2" {
		t.Errorf("%s PDF downloads recorded, want 2", n)
	}
}
