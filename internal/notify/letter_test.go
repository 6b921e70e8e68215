package notify_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/notify"
	"github.com/traindesk/traindesk/internal/qr"
)

// TestLetter_OnePageBothLanguages: a nomination request letter for the
// demo course gets the year's next reference number, fits one A4 page in
// Arabic and in English, refuses a reply-by date in the past beside the
// field, and records its sending once.
func TestLetter_OnePageBothLanguages(t *testing.T) {
	env := withMail(t, mailtest.Start(t, nil))
	ctx := context.Background()
	id := num(t, env, "SELECT id FROM trainings WHERE title_en LIKE 'Counter-smuggling for customs%'")
	agency := num(t, env, "SELECT MIN(id) FROM agencies")
	officer := model.Actor{User: env.Users[model.RoleProgramOfficer]}
	n := env.Server.Notify
	logo, err := qr.PNG("traindesk", 160)
	must(t, err)
	_, err = n.SaveLetterhead(ctx, model.Actor{User: env.Users[model.RoleAdmin]}, notify.LetterheadInput{OrgEn: "Training unit",
		OrgAr: "وحدة التدريب", Logo: logo, Footer: logo})
	must(t, err)
	_, err = n.CreateLetter(ctx, officer, id, model.LetterInput{AgencyID: &agency, Lang: "ar", ReplyBy: "2023-01-01"})
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["reply_by"] != "letter.error.past" {
		t.Fatalf("a past reply-by date: %v", err)
	}
	for i, lang := range []string{"ar", "en"} {
		l, err := n.CreateLetter(ctx, officer, id, model.LetterInput{AgencyID: &agency, Lang: lang})
		must(t, err)
		if want := "TD-2023-000" + string(rune('1'+i)); l.Reference != want {
			t.Errorf("reference %q, want %s", l.Reference, want)
		}
		_, doc, err := n.LetterPDF(ctx, officer, l.ID)
		must(t, err)
		if pages := bytes.Count(doc, []byte("/Type /Page\n")); pages != 1 {
			t.Errorf("%s letter: %d pages", lang, pages)
		}
		if dir := os.Getenv("TRAINDESK_SCREENSHOTS"); dir != "" {
			must(t, os.WriteFile(filepath.Join(dir, "letter-"+lang+".pdf"), doc, 0o644))
		}
		_, err = n.MarkLetterSent(ctx, officer, l.ID)
		must(t, err)
		if _, err := n.MarkLetterSent(ctx, officer, l.ID); !errors.Is(err, model.ErrConflict) {
			t.Errorf("recorded sent twice: %v", err)
		}
	}
	trainer := model.Actor{User: env.Users[model.RoleTrainer]}
	if _, _, err := n.LetterPDF(ctx, trainer, 1); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a trainer reads a letter: %v", err)
	}
}
