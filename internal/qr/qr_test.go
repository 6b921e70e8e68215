package qr

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"strings"
	"testing"
)

const link = "https://traindesk.example/verify/CERT-2023-0042?lang=ar&x=<1>"

func TestPNG(t *testing.T) {
	b, err := PNG(link, 256)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("not a PNG: % x", b[:8])
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != 256 || s.Y != 256 {
		t.Errorf("size %v, want 256×256", s)
	}
	// The quiet zone keeps the corner white.
	if r, g, bl, _ := img.At(1, 1).RGBA(); r != 0xffff || g != 0xffff || bl != 0xffff {
		t.Errorf("corner pixel is not white: %v", img.At(1, 1))
	}
}

func TestSVG(t *testing.T) {
	s, err := SVG(link, 200)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s, "style") {
		t.Error("SVG uses style, which the CSP forbids")
	}
	dec := xml.NewDecoder(strings.NewReader(s))
	paths := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "path" {
			paths++
		}
	}
	if paths != 1 || !strings.Contains(s, `width="200"`) {
		t.Errorf("unexpected SVG: %.200s", s)
	}
}

func TestErrors(t *testing.T) {
	if _, err := PNG(link, 0); err == nil {
		t.Error("PNG with size 0: no error")
	}
	if _, err := SVG("", 100); err == nil {
		t.Error("SVG of empty content: no error")
	}
}
