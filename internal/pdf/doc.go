package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"

	"github.com/traindesk/traindesk/assets"
)

// Page geometry and fonts, in millimetres and points.
const (
	fontFamily   = "plex"
	pageMargin   = 15.0
	footerHeight = 10.0 // room kept below the text for the footer
	ptToMM       = 25.4 / 72
)

// Placeholders for the page count that fpdf substitutes when the document
// is closed: one for ASCII digits, one for Arabic-Indic digits. fpdf
// replaces their UTF-16 bytes anywhere in the page content, even across
// two characters, so they are private-use characters whose bytes (E0 E0,
// E0 E1) could only be matched by text containing other private-use
// characters; a placeholder like U+E000 would match "à" followed by a
// space. As strong left-to-right characters, reordering keeps them whole.
const (
	aliasTotal       = "\uE0E0"
	aliasTotalArabic = "\uE0E1"
)

// Text colours.
var (
	colorText  = [3]int{0x17, 0x21, 0x2b}
	colorMuted = [3]int{0x5b, 0x67, 0x73}
)

// Options describes a document. It is a value so that report builders can
// fill it from the request (language, dates) in one place.
type Options struct {
	RTL        bool // the page direction (Arabic report)
	Landscape  bool
	Title      string
	Subject    string
	Header     func(d *Doc) // optional; drawn on every page
	FooterText string       // e.g. "SPHERE II · Report 2023-01-01 – 2023-12-31"
	// PageLabel returns the translated page label, e.g. "Page 3 of 7" or
	// "صفحة ٣ من ٧". page holds ASCII digits; total is a placeholder that
	// is replaced by the page count when the document is written, in
	// Arabic-Indic digits if the label contains any, else in ASCII digits.
	// Without PageLabel the footer shows "page / total".
	PageLabel func(page, total string) string
}

// Doc is an A4 document whose text methods shape and reorder Arabic, so
// that report code never handles visual order itself.
type Doc struct {
	pdf   *fpdf.Fpdf
	opts  Options
	files []fpdf.Attachment
}

// New starts a document with the embedded IBM Plex Sans Arabic fonts
// (family "plex", regular and bold), 15 mm margins, automatic page breaks,
// a footer with page numbers, and its first page.
func New(o Options) (*Doc, error) {
	orientation := "P"
	if o.Landscape {
		orientation = "L"
	}
	pdf := fpdf.New(orientation, "mm", "A4", "")
	d := &Doc{pdf: pdf, opts: o}
	for _, f := range [...]struct{ style, name string }{
		{"", "fonts/IBMPlexSansArabic-Regular.ttf"},
		{"B", "fonts/IBMPlexSansArabic-Bold.ttf"},
	} {
		b, err := fs.ReadFile(assets.FS(), f.name)
		if err != nil {
			return nil, fmt.Errorf("pdf: read font: %w", err)
		}
		pdf.AddUTF8FontFromBytes(fontFamily, f.style, b)
	}
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin+footerHeight)
	pdf.SetTitle(o.Title, true)
	pdf.SetSubject(o.Subject, true)
	pdf.SetCreator("traindesk", true)
	if o.RTL {
		pdf.SetLang("ar")
	}
	pdf.AliasNbPages(aliasTotal)
	pdf.SetHeaderFunc(d.header)
	pdf.SetFooterFunc(d.footer)
	pdf.AddPage()
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return d, nil
}

// PDF returns the underlying fpdf document for drawing this package does
// not wrap. Text drawn through it is neither shaped nor reordered.
func (d *Doc) PDF() *fpdf.Fpdf { return d.pdf }

// RTL reports whether pages run right to left, for code that lays out
// drawings on the page.
func (d *Doc) RTL() bool { return d.opts.RTL }

// header draws the caller's header and leaves the cursor below it.
func (d *Doc) header() {
	if d.opts.Header == nil {
		return
	}
	d.opts.Header(d)
	l, t, _, _ := d.pdf.GetMargins()
	d.pdf.SetX(l)
	if d.pdf.GetY() < t {
		d.pdf.SetY(t)
	}
}

// footer draws a rule, the footer text at the start side and the page label
// at the end side.
func (d *Doc) footer() {
	page := strconv.Itoa(d.pdf.PageNo())
	label := page + " / " + aliasTotal
	if d.opts.PageLabel != nil {
		label = d.opts.PageLabel(page, aliasTotal)
	}
	if strings.ContainsFunc(label, isArabicDigit) {
		label = strings.ReplaceAll(label, aliasTotal, aliasTotalArabic)
	}
	w, h := d.pdf.GetPageSize()
	y := h - pageMargin - footerHeight/2
	d.pdf.SetDrawColor(0xd9, 0xdf, 0xe5)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(pageMargin, y, w-pageMargin, y)
	d.SetFont(false, 8)
	d.pdf.SetTextColor(colorMuted[0], colorMuted[1], colorMuted[2])
	inner := w - 2*pageMargin
	d.TextBox(pageMargin, y+1, inner, 5, d.opts.FooterText, d.startAlign())
	d.TextBox(pageMargin, y+1, inner, 5, label, d.endAlign())
	d.pdf.SetTextColor(colorText[0], colorText[1], colorText[2])
}

// Image draws a PNG at (x, y) with size w×h in millimetres (0 for one of
// them keeps the aspect ratio). Identical images are stored once.
func (d *Doc) Image(png []byte, x, y, w, h float64) error {
	sum := sha256.Sum256(png)
	name := "png-" + hex.EncodeToString(sum[:8])
	opts := fpdf.ImageOptions{ImageType: "PNG"}
	d.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(png))
	d.pdf.ImageOptions(name, x, y, w, h, false, opts, 0, "")
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: image: %w", err)
	}
	return nil
}

// Attach embeds a file in the document: PDF readers list it beside the
// pages and save it on request, so that a letter carries the form it asks
// to be filled in. The description is what readers show with its name.
func (d *Doc) Attach(name, description string, data []byte) {
	d.files = append(d.files, fpdf.Attachment{Filename: name, Description: description, Content: data})
	// fpdf keeps only the last list it was given: hand it the whole list.
	d.pdf.SetAttachments(d.files)
}

// Output closes the document and writes it to w. fpdf records the first
// drawing error and ignores later calls, so this is where errors surface.
func (d *Doc) Output(w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	d.pdf.RegisterAlias(aliasTotalArabic, ArabicDigits(strconv.Itoa(d.pdf.PageCount())))
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("pdf: output: %w", err)
	}
	return nil
}

// isArabicDigit reports whether r is an Arabic-Indic digit (٠–٩).
func isArabicDigit(r rune) bool { return r >= 0x0660 && r <= 0x0669 }

// ArabicDigits replaces ASCII digits by Arabic-Indic digits (٠–٩), which
// Egyptian Arabic documents use; chart and label formatters call it too.
func ArabicDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + 0x0660
		}
		return r
	}, s)
}
