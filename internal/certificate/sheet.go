package certificate

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/pdf"
)

// Sheet is a training's attendance sheet, every cell already written in
// the page's language: the donor's means of verification that the
// sessions took place and who attended them. The PDF is drawn from it
// alone, so tests can read what the sheet says without parsing PDF.
type Sheet struct {
	RTL     bool
	Title   string      // "Attendance sheet"
	Heading string      // the training's title
	Facts   [][2]string // donor, project, training, dates, venue, city…
	Columns []pdf.Column
	Rows    [][]string // one per live registration, then the totals row
	Legend  string
	Notes   []string // the completion rule, what is left out
	Footer  string   // "Generated on … by traindesk"
	Page    string   // "Page %s of %s" in the page's language
}

// AttendanceSheet draws the attendance sheet of training id in lang, for
// anyone who sees the training (trainers for the trainings they
// facilitate). The download is in the audit log, with the language and
// the number of people listed.
func (s *Service) AttendanceSheet(ctx context.Context, a model.Actor, id int64, lang i18n.Lang) (Document, error) {
	var co Course
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if co, err = s.course(ctx, a, id); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditAttendanceSheet, Actor: a,
			Object: model.AuditObject{Type: "training", ID: id},
			Values: map[string]string{"lang": string(lang), "people": strconv.Itoa(len(co.People))}})
	})
	if err != nil {
		return Document{}, err
	}
	var buf bytes.Buffer
	if err := co.Sheet(i18n.New(lang), s.today()).Write(&buf); err != nil {
		return Document{}, err
	}
	return Document{Name: fmt.Sprintf("attendance-%d-%s.pdf", id, lang), PDF: buf.Bytes()}, nil
}

// Sheet writes the attendance sheet in l's language; generated is the day
// it is made.
func (c Course) Sheet(l *i18n.Localizer, generated model.Date) Sheet {
	s := Sheet{
		RTL:     l.Lang == i18n.AR,
		Title:   l.T("certificate.sheet.title"),
		Heading: l.Pick(c.T.TitleEn, c.T.TitleAr),
		Facts:   c.facts(l),
		Columns: c.columns(l),
		Footer:  l.T("certificate.sheet.generated", l.Date(generated)),
		Page:    l.T("certificate.sheet.page", "%s", "%s"),
		Notes:   []string{l.T("certificate.sheet.withdrawn")},
	}
	for i, p := range c.People {
		s.Rows = append(s.Rows, c.row(l, i+1, p))
	}
	s.Rows = append(s.Rows, c.totals(l))
	var legend []string
	for _, m := range model.Marks {
		legend = append(legend, l.T("mark.short."+string(m))+" "+l.T("mark."+string(m)))
	}
	legend = append(legend, l.T("certificate.sheet.unmarked"))
	s.Legend = l.T("certificate.sheet.legend") + ": " + strings.Join(legend, " · ")
	return s
}

// facts are the header lines: who paid, for what, what, when and where.
func (c Course) facts(l *i18n.Localizer) [][2]string {
	var out [][2]string
	add := func(key, value string) {
		if value != "" {
			out = append(out, [2]string{l.T(key), value})
		}
	}
	donor, _ := c.Funding(l)
	add("certificate.sheet.donor", donor)
	if p, ok := c.Refs.Project(c.T.ProjectID); ok {
		add("certificate.sheet.project", p.Code+" — "+l.Pick(p.TitleEn, p.TitleAr))
	}
	add("certificate.sheet.training", l.Pick(c.T.TitleEn, c.T.TitleAr))
	add("certificate.sheet.dates", l.DateRange(c.T.StartsOn, c.T.EndsOn))
	add("certificate.sheet.venue", l.Pick(c.T.VenueEn, c.T.VenueAr))
	add("certificate.sheet.city", c.Place(l))
	add("certificate.sheet.participants", l.T("certificate.sheet.participants_value",
		l.Num(len(c.People)), l.Num(len(c.Completers()))))
	rule := l.T("certificate.sheet.rule_value", l.Percent(float64(c.T.CompletionMinRate)), l.Num(len(c.Sittings)))
	if c.T.CompletionMinPostScore != nil {
		rule += " " + l.T("certificate.sheet.rule_post", l.Num(*c.T.CompletionMinPostScore))
	}
	add("certificate.sheet.rule", rule)
	return out
}

// columns are #, the names, agency and duty station, one column per live
// session headed by its date, then attendance and completion.
func (c Course) columns(l *i18n.Localizer) []pdf.Column {
	cols := []pdf.Column{
		{Title: l.T("certificate.sheet.num"), Width: 8, Align: "C"},
		{Title: l.T("certificate.sheet.name_latin"), Width: 48},
		{Title: l.T("certificate.sheet.name_arabic"), Width: 36},
		{Title: l.T("certificate.sheet.agency")},
		{Title: l.T("certificate.sheet.station"), Width: 44},
	}
	seen := map[model.Date]int{}
	for _, s := range c.Sittings {
		seen[s.Date]++
	}
	for _, s := range c.Sittings {
		title := l.ShortDate(s.Date)
		if seen[s.Date] > 1 {
			// Two sessions on one day are told apart by their hours.
			title += "\n" + l.Clock(s.StartsAt)
		}
		cols = append(cols, pdf.Column{Title: title, Width: 14, Align: "C"})
	}
	return append(cols,
		pdf.Column{Title: l.T("certificate.sheet.attended"), Width: 17, Align: "C"},
		pdf.Column{Title: l.T("certificate.sheet.completed"), Width: 19, Align: "C"})
}

// row is one participant's line.
func (c Course) row(l *i18n.Localizer, n int, p Person) []string {
	r := []string{l.Num(n), p.NameLatin, p.NameArabic,
		c.agency(l, p.AgencyID), c.station(l, p.DutyStationID)}
	for _, m := range p.Marks {
		if m == "" {
			r = append(r, "–")
			continue
		}
		r = append(r, l.T("mark.short."+string(m)))
	}
	done := l.T("certificate.sheet.no")
	if p.Result.Completed {
		done = l.T("certificate.sheet.yes")
	}
	return append(r, l.Digits(strconv.Itoa(p.Result.Attended)+"/"+strconv.Itoa(p.Result.Sessions)), done)
}

// totals counts, per session, the people present or late, then the
// attendances and the completers.
func (c Course) totals(l *i18n.Localizer) []string {
	r := []string{"", l.T("certificate.sheet.total"), "", "", ""}
	sum := 0
	for i := range c.Sittings {
		n := 0
		for _, p := range c.People {
			if p.Marks[i].Attended() {
				n++
			}
		}
		sum += n
		r = append(r, l.Num(n))
	}
	return append(r, l.Num(sum), l.Num(len(c.Completers())))
}

func (c Course) agency(l *i18n.Localizer, id *int64) string {
	if a, ok := c.Refs.Agency(id); ok {
		return l.Pick(a.NameEn, a.NameAr)
	}
	return ""
}

func (c Course) station(l *i18n.Localizer, id *int64) string {
	if s, ok := c.Refs.Station(id); ok {
		return l.Pick(s.NameEn, s.NameAr)
	}
	return ""
}

// Write draws the sheet as a landscape A4 PDF with a running header, page
// numbers and the generation date on every page.
func (s Sheet) Write(w io.Writer) error {
	doc, err := pdf.New(pdf.Options{RTL: s.RTL, Landscape: true, Title: s.Title + " — " + s.Heading,
		Subject: s.Title, FooterText: s.Footer, Header: s.header,
		PageLabel: func(page, total string) string {
			if s.RTL {
				page = pdf.ArabicDigits(page)
			}
			return fmt.Sprintf(s.Page, page, total)
		}})
	if err != nil {
		return err
	}
	doc.Heading(s.Title, 16)
	doc.KeyValues(s.Facts)
	doc.Table(pdf.Table{Columns: s.Columns, Rows: s.Rows, HeaderFill: true, Zebra: true, FontSize: 8})
	doc.Paragraph(strings.Join(append([]string{s.Legend}, s.Notes...), "  ·  "), 8.5)
	return doc.Output(w)
}

// header is the running line at the top of every page.
func (s Sheet) header(d *pdf.Doc) {
	left, width := d.ContentBox()
	d.SetFont(false, 8)
	d.PDF().SetTextColor(0x5b, 0x67, 0x73)
	d.TextBox(left, 6, width, 5, s.Title+" · "+s.Heading, "")
	d.PDF().SetTextColor(0x17, 0x21, 0x2b)
	d.PDF().SetY(15)
}
