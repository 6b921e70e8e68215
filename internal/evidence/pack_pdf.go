package evidence

import (
	"io"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/pdf"
)

// writePDF writes the pack's index as a PDF an auditor can print and tick
// off: what each file is, where it is filed in the zip, and its checksum,
// in the reader's language.
func (p Pack) writePDF(w io.Writer, es []entry) error {
	l := i18n.New(p.lang)
	title := l.T("evidence.index.title")
	doc, err := pdf.New(pdf.Options{RTL: p.lang == i18n.AR, Landscape: true, Title: title + " — " + p.heading,
		FooterText: title, PageLabel: func(page, total string) string { return l.T("evidence.index.page", page, total) }})
	if err != nil {
		return err
	}
	doc.Heading(title, 16)
	doc.Paragraph(p.heading, 11)
	doc.Paragraph(l.T("evidence.index.count", l.Num(len(es))), 9)
	t := pdf.Table{HeaderFill: true, Zebra: true, FontSize: 7.5, Columns: []pdf.Column{
		{Title: l.T("evidence.col.training"), Width: 50}, {Title: l.T("evidence.where"), Width: 24},
		{Title: l.T("evidence.kind"), Width: 32}, {Title: l.T("evidence.index.filed_as")},
		{Title: "SHA-256", Width: 52}}}
	for _, e := range es {
		where := l.T("evidence.whole_training")
		if e.f.SittingDate != nil {
			where = l.Date(*e.f.SittingDate)
		}
		// The checksum in two halves, so that it wraps where an eye can
		// compare it.
		sum := e.f.SHA256
		if len(sum) == 64 {
			sum = sum[:32] + " " + sum[32:]
		}
		t.Rows = append(t.Rows, []string{l.Pick(e.t.TitleEn, e.t.TitleAr) + l.Sep() + l.Date(e.t.StartsOn), where,
			l.T("evidence.kind." + string(e.f.Kind)), e.name, sum})
	}
	if len(t.Rows) == 0 {
		doc.Paragraph(l.T("evidence.empty"), 10)
	} else {
		doc.Table(t)
	}
	return doc.Output(w)
}
