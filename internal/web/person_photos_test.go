package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// photosFixture attaches to training 1 a photo marked as showing
// participant who, a photo of another participant, an untagged photo and
// a signed sheet of its first session; it returns their ids by name.
func photosFixture(t *testing.T, env *webtest.Env, who, other string) map[string]string {
	t.Helper()
	ctx := context.Background()
	officer := env.SignIn(model.RoleProgramOfficer)
	ids := map[string]string{}
	session := env.Store.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE training_id = 1 AND deleted_at IS NULL")
	files := []struct {
		name, kind string
		data       []byte
		form       url.Values
	}{
		{"them.png", "photo", shade(t, 1), nil},
		{"other.png", "photo", shade(t, 2), nil},
		{"room.png", "photo", shade(t, 3), nil},
		{"sheet-day1.pdf", "signed_sheet", []byte("%PDF-1.4\n%sheet\n"), url.Values{"kind": {"signed_sheet"}, "sitting_id": {session}}},
	}
	for _, f := range files {
		if r := upload(officer, f.name, f.data, f.form); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload %s = %d", f.name, r.StatusCode)
		}
		ids[f.name] = env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files")
	}
	for file, person := range map[string]string{"them.png": who, "other.png": other} {
		if r := officer.Post("/trainings/1/evidence/"+ids[file]+"/people", url.Values{"person": {person}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("mark %s = %d", file, r.StatusCode)
		}
	}
	return ids
}

// shade is a small picture that differs by n, so that uploads are not
// taken for the same file.
func shade(t *testing.T, n byte) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(2, 2, color.RGBA{n * 40, 90, 160, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPersonPrivacy_EvidenceNamingThem: the subject access download (JSON
// and the PDF, in both languages) lists the photo marked as showing the
// person and the signed sheet of their training, with file name and
// checksum, and neither the untagged photo nor another person's; erasing
// them then deletes their photo's record and stored bytes, keeps every
// other file, and the audit lines do not name them.
func TestPersonPrivacy_EvidenceNamingThem(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	admin := env.SignIn(model.RoleAdmin)
	q := `SELECT CAST(person_id AS TEXT) FROM registrations WHERE training_id = 1 AND status <> 'withdrawn' ORDER BY person_id LIMIT 1 OFFSET ?`
	who, other := env.Store.MustString(ctx, q, 0), env.Store.MustString(ctx, q, 1)
	ids := photosFixture(t, env, who, other)

	var data model.SubjectAccess
	if err := json.Unmarshal([]byte(admin.Get("/persons/"+who+"/data.json").Body), &data); err != nil {
		t.Fatal(err)
	}
	got := map[string]model.SubjectEvidence{}
	for _, e := range data.Evidence {
		got[e.FileName] = e
	}
	sum := env.Store.MustString(ctx, "SELECT sha256 FROM evidence_files WHERE id = ?", ids["them.png"])
	if len(got) != 2 || got["them.png"].SHA256 != sum || got["sheet-day1.pdf"].SessionDate == nil ||
		got["sheet-day1.pdf"].Kind != model.EvidenceSignedSheet || got["them.png"].TrainingID != 1 || got["them.png"].AddedAt.IsZero() {
		t.Errorf("evidence naming them: %+v", data.Evidence)
	}
	for lang, want := range map[string][]string{"en": {"Evidence in which you are named", "them.png", "sheet-day1.pdf", "Photo"},
		"ar": {"الأدلة التي تَرِد فيها", "them.png", "sheet-day1.pdf"}} {
		if err := env.Store.Exec(ctx, "UPDATE persons SET lang = ? WHERE id = ?", lang, who); err != nil {
			t.Fatal(err)
		}
		body := []byte(admin.Get("/persons/" + who + "/data.pdf").Body)
		if d := os.Getenv("TRAINDESK_SCREENSHOTS"); d != "" {
			_ = os.WriteFile(filepath.Join(d, "subject-evidence-"+lang+".pdf"), body, 0o600)
		}
		text := norm.NFKC.String(pdfText(t, body))
		for _, w := range append(want, sum[:16]) {
			if !strings.Contains(text, norm.NFKC.String(w)) {
				t.Errorf("the %s PDF lacks %q", lang, w)
			}
		}
		if strings.Contains(text, "room.png") || strings.Contains(text, "other.png") {
			t.Errorf("the %s PDF lists a photo that does not show them", lang)
		}
	}

	name := env.Store.MustString(ctx, "SELECT name_latin FROM persons WHERE id = ?", who)
	key := env.Store.MustString(ctx, "SELECT storage_key FROM evidence_files WHERE id = ?", ids["them.png"])
	stored := storedFiles(t, env)
	if r := admin.Post("/persons/"+who+"/erase", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("erase = %d", r.StatusCode)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM evidence_files WHERE id = ?", ids["them.png"]); n != "0" {
		t.Error("the erased person's photo keeps its record")
	}
	if _, err := os.Stat(filepath.Join(env.FilesDir(), key)); !os.IsNotExist(err) {
		t.Errorf("the erased person's photo keeps its bytes: %v", err)
	}
	if after := storedFiles(t, env); after != stored-2 { // the photo and its thumbnail
		t.Errorf("%d stored files before the erasure, %d after, want 2 fewer", stored, after)
	}
	for _, f := range []string{"other.png", "room.png", "sheet-day1.pdf"} {
		if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM evidence_files WHERE id = ?", ids[f]); n != "1" {
			t.Errorf("the erasure took %s", f)
		}
	}
	erase := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = 'person_erase'")
	del := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = 'evidence_delete' AND entity_id = ?", ids["them.png"])
	if !strings.Contains(erase, `"photos":"1"`) || !strings.Contains(del, `"reason":"erasure"`) {
		t.Errorf("audit: erasure %s, delete %s", erase, del)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE detail LIKE ?", "%"+name+"%"); n != "0" {
		t.Errorf("%s audit lines name the erased person", n)
	}
}
