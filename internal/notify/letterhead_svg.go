package notify

import (
	"bytes"
	"image"
	"image/png"
	"math"

	"github.com/srwiley/oksvg"
	"github.com/srwiley/rasterx"
)

// Bounds on an uploaded SVG. Its drawing size (the viewBox, or width and
// height) must be a plausible logo's: a drawing a million units wide, or
// a hair-thin strip, is refused rather than rasterised. The PNG made from
// it fits maxSVGWidth × maxSVGHeight pixels: sharp at the 18 mm a logo and
// the 12 mm a footer band are printed, small in the database.
const (
	maxSVGSide   = 100_000.0
	maxSVGRatio  = 50.0
	maxSVGWidth  = 2400.0
	maxSVGHeight = 400.0
)

// isSVG reports whether b looks like an SVG document: XML whose root the
// decoders of image formats do not know, with an <svg element early on.
func isSVG(b []byte) bool {
	head := b[:min(len(b), 4096)]
	return bytes.Contains(head, []byte("<svg"))
}

// rasterSVG draws an SVG as a PNG, so that only an image traindesk made
// itself is stored, embedded in letters and ever served: the uploaded
// SVG, which may carry scripts or links, is dropped. Elements the
// rasteriser does not draw (text, embedded images) are left out; a
// document that does not parse, has no drawing, or whose size is absurd
// is refused.
func rasterSVG(b []byte) (out []byte, ok bool) {
	defer func() {
		// The parser is not hardened against every malformed input: a
		// panic refuses the file like any other error.
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	icon, err := oksvg.ReadIconStream(bytes.NewReader(b), oksvg.IgnoreErrorMode)
	if err != nil || len(icon.SVGPaths) == 0 {
		return nil, false
	}
	w, h := icon.ViewBox.W, icon.ViewBox.H
	if !(w > 0 && h > 0 && w <= maxSVGSide && h <= maxSVGSide) || w/h > maxSVGRatio || h/w > maxSVGRatio {
		return nil, false
	}
	scale := math.Min(maxSVGWidth/w, maxSVGHeight/h)
	pw, ph := max(1, int(math.Round(w*scale))), max(1, int(math.Round(h*scale)))
	icon.SetTarget(0, 0, float64(pw), float64(ph))
	img := image.NewNRGBA(image.Rect(0, 0, pw, ph))
	icon.Draw(rasterx.NewDasher(pw, ph, rasterx.NewScannerGV(pw, ph, img, img.Bounds())), 1)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}
