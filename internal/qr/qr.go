// Package qr makes QR codes for certificates, which carry a link that
// verifies them, as PNG for PDFs and as SVG for web pages and printing.
package qr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// errSize rejects sizes the encoder would read as something else: it takes
// a negative size as pixels per module.
var errSize = errors.New("qr: size must be positive")

// encode builds the code with error correction Medium, which survives a
// smudge or a fold in a printed certificate.
func encode(content string, size int) (*qrcode.QRCode, error) {
	if size <= 0 {
		return nil, errSize
	}
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("qr: %w", err)
	}
	return q, nil
}

// PNG returns a QR code image of content, size pixels square, with a quiet
// zone, error correction Medium.
func PNG(content string, size int) ([]byte, error) {
	q, err := encode(content, size)
	if err != nil {
		return nil, err
	}
	b, err := q.PNG(size)
	if err != nil {
		return nil, fmt.Errorf("qr: png: %w", err)
	}
	return b, nil
}

// SVG returns the same code as an <svg> of size pixels square, for web
// pages and for printing without images. It uses presentation attributes
// only, as the page's Content Security Policy forbids inline styles, and
// draws each row's dark modules as runs of one path, which keeps it small.
func SVG(content string, size int) (string, error) {
	q, err := encode(content, size)
	if err != nil {
		return "", err
	}
	bm := q.Bitmap() // includes the quiet zone
	n := strconv.Itoa(len(bm))
	px := strconv.Itoa(size)
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + n + " " + n +
		`" width="` + px + `" height="` + px + `" shape-rendering="crispEdges" role="img" aria-label="QR code">`)
	b.WriteString(`<rect width="` + n + `" height="` + n + `" fill="#ffffff"/><path fill="#000000" d="`)
	for y, row := range bm {
		for x := 0; x < len(row); x++ {
			if !row[x] {
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", start, y, x-start, x-start)
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}
