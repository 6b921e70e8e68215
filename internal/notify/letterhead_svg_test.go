package notify_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/notify"
	"github.com/traindesk/traindesk/internal/store/storetest"
	"github.com/traindesk/traindesk/internal/webtest"
)

// redSquare is a logo: a red square with a script the letter must never
// carry.
const redSquare = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">
  <script>alert(1)</script>
  <rect x="0" y="0" width="100" height="100" fill="#d00000"/>
</svg>`

// TestLetterhead_SVG: an SVG logo is drawn as a PNG (the SVG itself is not
// kept) and shows in the letter, red where the logo sits; a malformed SVG,
// one with an absurd drawing size or with nothing to draw, and one over
// 2 MB are refused on their field, and nothing is saved.
func TestLetterhead_SVG(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	n := env.Server.Notify
	admin := model.Actor{User: env.Users[model.RoleAdmin]}
	for name, svg := range map[string]string{
		"malformed": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"`,
		"absurd":    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000000000 10"><rect width="10" height="10"/></svg>`,
		"empty":     `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>`,
		"too large": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/>` + strings.Repeat("<!-- padding -->", 2<<20/16) + `</svg>`,
	} {
		_, err := n.SaveLetterhead(ctx, admin, notify.LetterheadInput{OrgEn: "Training unit", Footer: []byte(svg)})
		var ve *model.ValidationError
		if !errors.As(err, &ve) || ve.Fields["footer"] != "letterhead.error.image" {
			t.Errorf("a %s SVG: %v", name, err)
		}
	}
	if c := env.Store.MustCount(ctx, "letterheads"); c != 0 {
		t.Fatalf("a refused letterhead was saved")
	}
	head, err := n.SaveLetterhead(ctx, admin, notify.LetterheadInput{OrgEn: "Training unit", Logo: []byte(redSquare)})
	must(t, err)
	if !bytes.HasPrefix(head.Logo, []byte("\x89PNG")) || bytes.Contains(head.Logo, []byte("script")) {
		t.Fatalf("the logo kept is not a clean PNG: %q", head.Logo[:min(16, len(head.Logo))])
	}
	officer := model.Actor{User: env.Users[model.RoleProgramOfficer]}
	id := num(t, env, "SELECT id FROM trainings WHERE title_en LIKE 'Counter-smuggling for customs%'")
	agency := num(t, env, "SELECT MIN(id) FROM agencies")
	l, err := n.CreateLetter(ctx, officer, id, model.LetterInput{AgencyID: &agency, Lang: "en"})
	must(t, err)
	_, doc, err := n.LetterPDF(ctx, officer, l.ID)
	must(t, err)
	page := renderPage(t, doc)
	// The logo is 18 mm tall in the top left corner of an English letter,
	// below the 15 mm margin: its middle is 24 mm from the top and the left.
	dpi := float64(page.Bounds().Dx()) / (210 / 25.4)
	at := func(mm float64) int { return int(mm / 25.4 * dpi) }
	r, g, b, _ := page.At(at(24), at(24)).RGBA()
	if r>>8 < 180 || g>>8 > 80 || b>>8 > 80 {
		t.Errorf("the logo's middle is rgb(%d,%d,%d), not red", r>>8, g>>8, b>>8)
	}
}

// renderPage draws a PDF's first page with poppler's pdftoppm at 72 dpi.
func renderPage(t *testing.T, doc []byte) image.Image {
	t.Helper()
	tool, err := exec.LookPath("pdftoppm")
	if err != nil {
		if storetest.Required("poppler") {
			t.Fatal("TRAINDESK_TEST_REQUIRE names poppler but pdftoppm is not installed")
		}
		t.Skip("pdftoppm is not installed")
	}
	dir := t.TempDir()
	if d := os.Getenv("TRAINDESK_SCREENSHOTS"); d != "" {
		dir = d
	}
	in := filepath.Join(dir, "letter-svg-logo.pdf")
	must(t, os.WriteFile(in, doc, 0o644))
	if msg, err := exec.Command(tool, "-png", "-r", "72", "-singlefile", "-f", "1", "-l", "1", in, strings.TrimSuffix(in, ".pdf")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
	f, err := os.Open(strings.TrimSuffix(in, ".pdf") + ".png")
	must(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	must(t, err)
	return img
}
