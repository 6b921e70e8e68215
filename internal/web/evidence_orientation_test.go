package web_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/url"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// jpegTurned is what a phone held upright writes: the sensor's picture,
// landscape (w×h), with an EXIF note (orientation 6) that it is to be
// turned a quarter clockwise to be seen.
func jpegTurned(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	// TIFF header (big-endian), IFD0 with one entry: Orientation (0x0112),
	// SHORT, count 1, value 6; no next IFD.
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00")
	exif := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(exif)+2))
	out := append([]byte{0xFF, 0xD8}, seg...)
	out = append(out, exif...)
	return append(out, b.Bytes()[2:]...)
}

// TestEvidence_PhoneOrientationApplied: a photo whose EXIF says to turn
// it is stored turned, upright, and without the EXIF block.
func TestEvidence_PhoneOrientationApplied(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	officer := env.SignIn(model.RoleProgramOfficer)
	if r := upload(officer, "portrait.jpg", jpegTurned(t, 120, 60), url.Values{"kind": {"photo"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d", r.StatusCode)
	}
	id := env.Store.MustString(context.Background(), "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files")
	r := officer.Get("/trainings/1/evidence/" + id)
	cfg, err := jpeg.DecodeConfig(bytes.NewReader([]byte(r.Body)))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != 60 || cfg.Height != 120 {
		t.Errorf("stored %d×%d, want the photo turned upright to 60×120", cfg.Width, cfg.Height)
	}
	if bytes.Contains([]byte(r.Body), []byte("Exif\x00\x00")) {
		t.Error("the EXIF block survived")
	}
}

// TestEvidence_HEICRefusedWithAWayOut: a HEIC photo (no decoder at hand
// to strip its location) is refused beside the field with how to send it
// as JPEG, and nothing is stored.
func TestEvidence_HEICRefusedWithAWayOut(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	officer := env.SignIn(model.RoleProgramOfficer)
	heic := append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 64)...)
	r := upload(officer, "IMG_0001.HEIC", heic, nil)
	if r.StatusCode != http.StatusUnprocessableEntity || !bytes.Contains([]byte(r.Body), []byte("Most Compatible")) {
		t.Fatalf("HEIC upload = %d", r.StatusCode)
	}
	if storedFiles(t, env) != 0 {
		t.Error("a refused HEIC left bytes behind")
	}
}
