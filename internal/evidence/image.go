package evidence

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"

	"github.com/disintegration/imaging"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // phones' WebP photos decode like the rest
)

// maxPixels refuses pictures whose header promises more than a phone
// camera takes, before they are decoded: a small file may claim a huge
// picture and exhaust memory.
const maxPixels = 60_000_000

// thumbSide is the longest side of a thumbnail, in pixels.
const thumbSide = 320

// reencode decodes a picture and encodes it again from its pixels alone,
// so that nothing of the original file survives but the picture: no EXIF
// (GPS position, camera, owner), no comments, no trailing data. JPEG stays
// JPEG; PNG and WebP become PNG. It also draws a JPEG thumbnail.
//
// Phones store a photo as the sensor saw it and say in EXIF how to turn
// it; that note goes with the rest of the metadata, so the turn is applied
// to the pixels first and the photo stays upright.
func reencode(data []byte, ctype string) (clean, thumb []byte, outType string, err error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, nil, "", err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return nil, nil, "", errors.New("evidence: picture too large")
	}
	img, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
	if err != nil {
		return nil, nil, "", err
	}
	var out bytes.Buffer
	outType = "image/png"
	if ctype == "image/jpeg" {
		outType = "image/jpeg"
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 90})
	} else {
		err = png.Encode(&out, img)
	}
	if err != nil {
		return nil, nil, "", err
	}
	thumb, err = thumbnail(img)
	return out.Bytes(), thumb, outType, err
}

// thumbnail scales img down to fit thumbSide and encodes it as JPEG.
func thumbnail(img image.Image) ([]byte, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > thumbSide || h > thumbSide {
		if w >= h {
			w, h = thumbSide, max(1, h*thumbSide/w)
		} else {
			w, h = max(1, w*thumbSide/h), thumbSide
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 80}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
