package notify

import (
	"io"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/pdf"
	"github.com/traindesk/traindesk/internal/roster/nomination"
)

// writeLetter draws a nomination request letter on the letterhead: the
// reference and date, the agency's focal point, the training's essentials,
// the places requested per duty station, the reply-by date and how to
// nominate. Arabic letters run right to left with joined letters. The
// nomination template (XLSX) travels inside the PDF as an embedded file,
// so that the letter carries what it asks to be filled in wherever it goes.
func (s *Service) writeLetter(w io.Writer, c course, lt model.NominationLetter, head model.Letterhead) error {
	l := localizer(lt.Lang)
	org := l.Pick(head.OrgEn, head.OrgAr)
	agency, _ := c.Refs.Agency(&lt.AgencyID)
	doc, err := pdf.New(pdf.Options{RTL: l.Lang == i18n.AR, Title: l.T("letter.subject", c.Title(l)), Subject: lt.Reference,
		FooterText: joinNonEmpty(" · ", org, lt.Reference), PageLabel: func(page, total string) string { return "" }})
	if err != nil {
		return err
	}
	if err := letterhead(doc, head, org); err != nil {
		return err
	}
	xlsx, err := nomination.TemplateXLSX()
	if err != nil {
		return err
	}
	doc.Attach(templateFile, l.T("letter.template"), xlsx)
	doc.KeyValues([][2]string{{l.T("letter.reference"), lt.Reference}, {l.T("letter.date"), l.Date(lt.IssuedOn)}})
	to := l.Pick(agency.NameEn, agency.NameAr)
	if agency.FocalName != "" {
		to = agency.FocalName + "\n" + to
	}
	doc.Paragraph(l.T("letter.to")+"\n"+to, 10.5)
	doc.Heading(l.T("letter.subject", c.Title(l)), 12)
	doc.Paragraph(l.T("letter.salutation"), 10.5)
	doc.Paragraph(l.T("letter.lead", l.Pick(agency.NameEn, agency.NameAr))+funding(c, l), 10.5)
	facts := [][2]string{}
	for _, f := range c.Facts(l) {
		facts = append(facts, [2]string{f.Label, f.Value})
	}
	if o := l.Pick(c.T.ObjectivesEn, c.T.ObjectivesAr); o != "" {
		facts = append(facts, [2]string{l.T("letter.objectives"), o})
	}
	facts = append(facts, [2]string{l.T("letter.reply_by"), l.Date(lt.ReplyBy)})
	doc.KeyValues(facts)
	places(doc, c, l, lt.AgencyID)
	how := l.T("letter.how", l.Date(lt.ReplyBy))
	if s.o.BaseURL != "" {
		how += " " + l.T("letter.template_link", s.o.BaseURL+"/import/template.xlsx")
	}
	doc.Paragraph(how, 10.5)
	doc.Paragraph(l.T("letter.closing"), 10.5)
	doc.Paragraph(joinNonEmpty("\n", l.T("notify.signature"), org), 10.5)
	if len(head.Footer) > 0 {
		// The footer band sits above the page's footer line, 12 mm tall.
		left, _ := doc.ContentBox()
		if err := doc.Image(head.Footer, left, 297-15-10-14, 0, 12); err != nil {
			return err
		}
	}
	return doc.Output(w)
}

// letterhead draws the logo and the organisation's name at the top.
func letterhead(doc *pdf.Doc, head model.Letterhead, org string) error {
	left, width := doc.ContentBox()
	if len(head.Logo) > 0 {
		y := doc.Reserve(20)
		x := left
		if doc.RTL() {
			x = left + width - 40
		}
		if err := doc.Image(head.Logo, x, y, 0, 18); err != nil {
			return err
		}
	}
	if org != "" {
		doc.Heading(org, 13)
	}
	return nil
}

// funding names the project and its donor, when the training has them.
func funding(c course, l *i18n.Localizer) string {
	p, ok := c.Refs.Project(c.T.ProjectID)
	if !ok {
		return ""
	}
	d, _ := c.Refs.Donor(p.DonorID)
	return " " + l.T("letter.funding", l.Pick(p.TitleEn, p.TitleAr), l.Pick(d.NameEn, d.NameAr))
}

// places lists the places the training reserves for the agency, per duty
// station (its quotas), or the training's capacity when it has none.
func places(doc *pdf.Doc, c course, l *i18n.Localizer, agencyID int64) {
	var rows [][]string
	total := 0
	for _, q := range c.T.Quotas {
		st, isStation := c.Refs.Station(q.DutyStationID)
		switch {
		case isStation && (st.AgencyID == nil || *st.AgencyID == agencyID):
			rows = append(rows, []string{l.Pick(st.NameEn, st.NameAr), l.Num(q.Places)})
		case q.AgencyID != nil && *q.AgencyID == agencyID && q.DutyStationID == nil:
			rows = append(rows, []string{l.T("letter.any_station"), l.Num(q.Places)})
		default:
			continue
		}
		total += q.Places
	}
	if len(rows) == 0 {
		doc.Paragraph(l.T("letter.places_total", l.Num(c.T.Capacity)), 10.5)
		return
	}
	rows = append(rows, []string{l.T("letter.total"), l.Num(total)})
	doc.Heading(l.T("letter.places"), 10.5)
	doc.Table(pdf.Table{Columns: []pdf.Column{{Title: l.T("letter.station")}, {Title: l.T("letter.count"), Width: 35}},
		Rows: rows, HeaderFill: true, FontSize: 9.5})
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
