package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/qr"
	"github.com/traindesk/traindesk/internal/webtest"
)

// evilHost is the Host header an attacker sends.
const evilHost = "evil.example"

// getAs fetches path from c's server with another Host header and c's
// cookies (the client's jar leaves them out when the Host differs).
func getAs(t *testing.T, c *webtest.Client, host, path string) webtest.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.Server()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	for _, ck := range c.Jar.Cookies(req.URL) {
		req.AddCookie(ck)
	}
	hc := *c.Client
	hc.Jar = nil
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return webtest.Response{Response: res, Body: string(b)}
}

// qrImage is the image data of the QR code the certificate PDF draws for
// link: the PDF embeds the PNG's compressed pixels (its IDAT chunks)
// unchanged, so they are found in the file whatever else it holds. This
// reads the QR payload without a QR decoder: a code for any other link has
// other pixels.
func qrImage(t *testing.T, link string) []byte {
	t.Helper()
	png, err := qr.PNG(link, 360)
	if err != nil {
		t.Fatal(err)
	}
	var data []byte
	for p := png[8:]; len(p) >= 12; {
		n := binary.BigEndian.Uint32(p[:4])
		if string(p[4:8]) == "IDAT" {
			data = append(data, p[8:8+n]...)
		}
		p = p[12+n:]
	}
	if len(data) == 0 {
		t.Fatal("no image data in the QR PNG")
	}
	return data
}

// TestCertificate_ForeignHost sends the certificate downloads with
// "Host: evil.example": the QR code and the printed link carry the
// configured address, never the one the request named.
func TestCertificate_ForeignHost(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	done, _ := certPick(t, certHurghada(t, env))
	if r := certIssue(po, nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("issue = %d", r.StatusCode)
	}
	code := certHurghada(t, env).Certs[done.ID].Code
	good := qrImage(t, webtest.BaseURL+"/verify/"+code)
	var evil [][]byte
	for _, link := range []string{"http://" + evilHost + "/verify/" + code, "https://" + evilHost + "/verify/" + code} {
		evil = append(evil, qrImage(t, link))
	}
	check := func(name string, pdf []byte) {
		t.Helper()
		if !bytes.Contains(pdf, good) {
			t.Errorf("%s: the QR code does not lead to %s", name, webtest.BaseURL)
		}
		for _, e := range evil {
			if bytes.Contains(pdf, e) {
				t.Errorf("%s: the QR code leads to %s", name, evilHost)
			}
		}
		if bytes.Contains(pdf, []byte(evilHost)) {
			t.Errorf("%s names %s", name, evilHost)
		}
	}

	r := getAs(t, po, evilHost, certPDFPath(done))
	if r.StatusCode != http.StatusOK {
		t.Fatalf("certificate = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	check("certificate", []byte(r.Body))
	certCheckRendered(t, []byte(r.Body), 1, webtest.BaseURL+"/verify/"+code)

	r = getAs(t, po, evilHost, "/trainings/1/certificates.zip")
	zr, err := zip.NewReader(strings.NewReader(r.Body), int64(len(r.Body)))
	if r.StatusCode != http.StatusOK || err != nil {
		t.Fatalf("zip = %d, %v", r.StatusCode, err)
	}
	for _, f := range zr.File {
		if !strings.Contains(f.Name, code) {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		check("zip "+f.Name, b)
	}
}

// TestCertificate_NoBaseURL: serving beyond localhost without
// TRAINDESK_BASE_URL, certificates are neither issued nor downloaded, and
// the page says why (not a 500).
func TestCertificate_NoBaseURL(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Adjust: func(o *app.Options) { o.BaseURL = "" }})
	po := env.SignIn(model.RoleProgramOfficer)
	done, _ := certPick(t, certHurghada(t, env))
	const why = "Ask the administrator to set TRAINDESK_BASE_URL."
	r := po.Get("/trainings/1/certificates")
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, why) || strings.Contains(r.Body, "/certificates/issue") {
		t.Errorf("certificates page = %d, or it offers to issue", r.StatusCode)
	}
	if r := certIssue(po, nil); r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, why) {
		t.Errorf("issue = %d", r.StatusCode)
	}
	if n := len(certHurghada(t, env).Certs); n != 0 {
		t.Fatalf("%d certificates issued without an address", n)
	}
	ar := po.Get("/trainings/1/certificates?lang=ar")
	if !strings.Contains(ar.Body, "TRAINDESK_BASE_URL") || !strings.Contains(ar.Body, "العنوان العام") {
		t.Error("the Arabic page does not explain")
	}
	for _, p := range []string{certPDFPath(done), "/trainings/1/certificates.zip"} {
		if r := po.Get(p); r.StatusCode == http.StatusOK || r.StatusCode >= 500 {
			t.Errorf("%s = %d", p, r.StatusCode)
		}
	}
}
