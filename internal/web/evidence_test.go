package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

func htmlDoc(t *testing.T, body string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// tinyPNG is a 4×4 picture.
func tinyPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{200, 30, 30, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gpsMarker is text only an EXIF block with a GPS position holds.
const gpsMarker = "GPSLatitude=27.2579N"

// jpegWithGPS is a phone photo in small: a JPEG whose EXIF block (APP1)
// says where it was taken.
func jpegWithGPS(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 640, 480))
	for x := range 640 {
		img.Set(x, x%480, color.RGBA{20, 90, 160, 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	exif := append([]byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"), []byte(gpsMarker)...)
	seg := []byte{0xFF, 0xE1, byte((len(exif) + 2) >> 8), byte(len(exif) + 2)}
	out := append([]byte{0xFF, 0xD8}, seg...)
	out = append(out, exif...)
	return append(out, b.Bytes()[2:]...)
}

// upload sends one file to training 1's evidence as c.
func upload(c *webtest.Client, name string, data []byte, form url.Values) webtest.Response {
	if form == nil {
		form = url.Values{"kind": {"photo"}}
	}
	return c.Upload("/trainings/1/evidence", "files", name, data, form)
}

// storedFiles counts the files in the application's evidence folder.
func storedFiles(t *testing.T, env *webtest.Env) int {
	t.Helper()
	n := 0
	filepath.WalkDir(env.FilesDir(), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func TestEvidence_PhotoServedWithoutItsLocation(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	trainer := env.SignIn(model.RoleTrainer)
	photo := jpegWithGPS(t)
	if !bytes.Contains(photo, []byte(gpsMarker)) {
		t.Fatal("the fixture has no GPS block")
	}
	if r := upload(trainer, "IMG_2041.jpg", photo, nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d: %s", r.StatusCode, r.Body)
	}
	ctx := context.Background()
	id := env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files")
	sum := env.Store.MustString(ctx, "SELECT sha256 FROM evidence_files WHERE id = ?", id)
	manager := env.SignIn(model.RoleManager)
	r := manager.Get("/trainings/1/evidence/" + id)
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "image/jpeg" {
		t.Fatalf("download = %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	body := []byte(r.Body)
	if bytes.Contains(body, []byte("GPS")) || bytes.Contains(body, []byte("Exif")) {
		t.Error("the served photo still holds its EXIF block")
	}
	if _, err := jpeg.Decode(bytes.NewReader(body)); err != nil {
		t.Errorf("the served photo is not a JPEG: %v", err)
	}
	got := sha256.Sum256(body)
	if hex.EncodeToString(got[:]) != sum {
		t.Error("the recorded checksum is not the served file's")
	}
	if r.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no nosniff")
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'evidence_download' AND entity_id = ?", id); n != "1" {
		t.Errorf("%s download lines, want 1", n)
	}
	if th := manager.Get("/trainings/1/evidence/" + id + "/thumb"); th.StatusCode != http.StatusOK || len(th.Body) == 0 {
		t.Errorf("thumbnail = %d", th.StatusCode)
	}
}

func TestEvidence_HTMLRenamedPDFRefused(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	officer := env.SignIn(model.RoleProgramOfficer)
	page := []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")
	r := upload(officer, "sheet.pdf", page, url.Values{"kind": {"signed_sheet"}, "caption": {"Day one"}})
	if r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422: %s", r.StatusCode, r.Body[strings.Index(r.Body, "<main"):])
	}
	doc := htmlDoc(t, r.Body)
	if msg := doc.Find("#f-files-error").Text(); !strings.Contains(msg, "judged by their content") {
		t.Errorf("message beside the field: %q", msg)
	}
	if v, _ := doc.Find("#f-caption").Attr("value"); v != "Day one" {
		t.Errorf("caption kept as %q", v)
	}
	if n := env.Store.MustString(context.Background(), "SELECT CAST(COUNT(*) AS TEXT) FROM evidence_files"); n != "0" || storedFiles(t, env) != 0 {
		t.Errorf("%s records and %d files stored", n, storedFiles(t, env))
	}
}

func TestEvidence_FileOverTheLimitRefused(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	officer := env.SignIn(model.RoleProgramOfficer)
	big := make([]byte, model.EvidenceFileLimit+1)
	copy(big, "%PDF-1.4\n")
	r := upload(officer, "scan.pdf", big, url.Values{"kind": {"test_papers"}})
	if r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422: %s", r.StatusCode, r.Body[strings.Index(r.Body, "<main"):])
	}
	if msg := htmlDoc(t, r.Body).Find("#f-files-error").Text(); !strings.Contains(msg, "25 MB") {
		t.Errorf("message beside the field: %q", msg)
	}
	if n := env.Store.MustString(context.Background(), "SELECT CAST(COUNT(*) AS TEXT) FROM evidence_files"); n != "0" || storedFiles(t, env) != 0 {
		t.Errorf("%s records and %d files stored", n, storedFiles(t, env))
	}
}

// docx is the smallest Word file mimetype recognises.
func docx(t *testing.T) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, _ := z.Create(name)
		io.WriteString(w, "<x/>")
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestEvidence_PackDeleteAndDownloadOnly(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	officer := env.SignIn(model.RoleProgramOfficer)
	sid := env.Store.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE training_id = 1")
	if r := upload(officer, "agenda.docx", docx(t), url.Values{"kind": {"agenda"}, "sitting_id": {sid}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d", r.StatusCode)
	}
	id := env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files")
	r := officer.Get("/trainings/1/evidence/" + id)
	if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, "agenda.docx") {
		t.Errorf("a Word file is served as %q", cd)
	}
	pack := officer.Get("/trainings/1/evidence.zip")
	z, err := zip.NewReader(bytes.NewReader([]byte(pack.Body)), int64(len(pack.Body)))
	if err != nil {
		t.Fatal(err)
	}
	sum := env.Store.MustString(ctx, "SELECT sha256 FROM evidence_files WHERE id = ?", id)
	var index string
	for _, f := range z.File {
		if f.Name == "index.csv" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			index = string(b)
		}
	}
	// The file, index.csv, and index.pdf with the same lines.
	if len(z.File) != 3 || !strings.Contains(index, sum) || !strings.Contains(index, "/agenda/001-agenda.docx") {
		t.Errorf("pack holds %d entries; index:\n%s", len(z.File), index)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'evidence_pack'"); n != "1" {
		t.Errorf("%s pack lines, want 1", n)
	}
	if storedFiles(t, env) != 1 {
		t.Fatalf("%d files stored, want 1", storedFiles(t, env))
	}
	if r := officer.Post("/trainings/1/evidence/"+id+"/delete", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete = %d", r.StatusCode)
	}
	if storedFiles(t, env) != 0 {
		t.Error("the bytes outlived their record")
	}
}
