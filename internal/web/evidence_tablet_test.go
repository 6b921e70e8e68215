package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// tabletUpload sends a photo the way the roll call's queue does: the CSRF
// header, JSON asked for, and the user the photo belongs to.
func tabletUpload(t *testing.T, c *webtest.Client, user int64, data []byte) webtest.Response {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("kind", "signed_sheet")
	fw, _ := w.CreateFormFile("files", "sheet.jpg")
	_, _ = fw.Write(data)
	_ = w.Close()
	req, _ := http.NewRequest("POST", c.Server()+"/trainings/1/evidence", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-CSRF-Token", c.Token())
	req.Header.Set("X-Traindesk-User", strconv.FormatInt(user, 10))
	return c.Send(req)
}

// TestEvidence_TabletUploadAnswersJSON: the tablet's queue learns from the
// answer whether to forget a photo (201 with its id), keep it as refused
// with the message in the page's language (422), or keep it for its own
// user (409 when someone else is signed in) — and nothing is stored but
// the accepted photo, once even when it is sent twice.
func TestEvidence_TabletUploadAnswersJSON(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	trainer := env.SignIn(model.RoleTrainer)
	me := env.Users[model.RoleTrainer].ID

	r := tabletUpload(t, trainer, me+1000, jpegWithGPS(t))
	if r.StatusCode != http.StatusConflict || storedFiles(t, env) != 0 {
		t.Fatalf("another user's photo = %d, %d stored", r.StatusCode, storedFiles(t, env))
	}
	r = tabletUpload(t, trainer, me, []byte("<html><script>alert(1)</script></html>"))
	var refused struct{ Errors map[string]string }
	if r.StatusCode != http.StatusUnprocessableEntity || json.Unmarshal([]byte(r.Body), &refused) != nil ||
		!strings.Contains(refused.Errors["files"], "judged by their content") {
		t.Fatalf("a page posing as a photo = %d %s", r.StatusCode, r.Body)
	}
	// An Arabic tablet reads the refusal in Arabic.
	trainer.Get("/?lang=ar")
	r = tabletUpload(t, trainer, me, []byte("<html><script>alert(1)</script></html>"))
	if json.Unmarshal([]byte(r.Body), &refused) != nil || !strings.ContainsRune(refused.Errors["files"], 'ا') {
		t.Errorf("the refusal to an Arabic tablet: %s", r.Body)
	}
	trainer.Get("/?lang=en")
	r = tabletUpload(t, trainer, me, jpegWithGPS(t))
	var kept struct{ Files []int64 }
	if r.StatusCode != http.StatusCreated || json.Unmarshal([]byte(r.Body), &kept) != nil || len(kept.Files) != 1 {
		t.Fatalf("a photo = %d %s", r.StatusCode, r.Body)
	}
	// Sent again (its answer was lost on the way): the first copy answers.
	r = tabletUpload(t, trainer, me, jpegWithGPS(t))
	var again struct{ Files []int64 }
	if r.StatusCode != http.StatusCreated || json.Unmarshal([]byte(r.Body), &again) != nil || len(again.Files) != 1 || again.Files[0] != kept.Files[0] {
		t.Fatalf("the same photo again = %d %s, want the first one's id %v", r.StatusCode, r.Body, kept.Files)
	}
	if n := env.Store.MustString(context.Background(), "SELECT CAST(COUNT(*) AS TEXT) FROM evidence_files"); n != "1" {
		t.Errorf("%s records after sending one photo twice", n)
	}
	if storedFiles(t, env) != 2 { // the photo and its thumbnail
		t.Errorf("%d files stored, want the photo and its thumbnail", storedFiles(t, env))
	}
	// With the training's room all but used up, the resend still gets the
	// first copy back: a file already held takes no more room.
	if err := env.Store.Exec(context.Background(), "UPDATE evidence_files SET size = ?", model.EvidenceTrainingLimit-1); err != nil {
		t.Fatal(err)
	}
	r = tabletUpload(t, trainer, me, jpegWithGPS(t))
	if r.StatusCode != http.StatusCreated || json.Unmarshal([]byte(r.Body), &again) != nil || again.Files[0] != kept.Files[0] {
		t.Errorf("the same photo again near the training's limit = %d %s", r.StatusCode, r.Body)
	}
}
