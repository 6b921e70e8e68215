package roster

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/pdf"
)

// SubjectAccessPDF is the subject access download as a PDF to hand to the
// person, in the language of their messages (right to left in Arabic),
// with the same content as the JSON one. The download is recorded.
func (s *Service) SubjectAccessPDF(ctx context.Context, actor model.Actor, id int64) ([]byte, error) {
	data, err := s.subjectAccess(ctx, actor, id, "pdf")
	if err != nil {
		return nil, err
	}
	refs, err := s.store.AllRefs(ctx)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := writeSubjectPDF(&buf, data, refs, s.loc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// subjectPDF holds what the sections of the PDF share.
type subjectPDF struct {
	doc  *pdf.Doc
	l    *i18n.Localizer
	d    model.SubjectAccess
	refs model.Refs // to name agencies and duty stations
	loc  *time.Location
}

// agency and station name a reference in the reader's language ("" for
// none).
func (x subjectPDF) agency(id *int64) string {
	a, _ := x.refs.Agency(id)
	return x.l.Pick(a.NameEn, a.NameAr)
}

func (x subjectPDF) station(id *int64) string {
	st, _ := x.refs.Station(id)
	return x.l.Pick(st.NameEn, st.NameAr)
}

// training names a training of the person's history by id, in the
// reader's language, falling back to its number.
func (x subjectPDF) training(id int64) string {
	for _, r := range x.d.Registrations {
		if r.TrainingID == id {
			return x.l.Pick(r.TitleEn, r.TitleAr)
		}
	}
	return "#" + x.l.Digits(strconv.FormatInt(id, 10))
}

// table draws a titled table, or says that there is nothing.
func (x subjectPDF) table(title string, cols []string, rows [][]string) {
	x.doc.Heading(title, 12)
	if len(rows) == 0 {
		x.doc.Paragraph(x.l.T("subject.none"), 9)
		return
	}
	t := pdf.Table{HeaderFill: true, Zebra: true, FontSize: 8}
	for _, c := range cols {
		t.Columns = append(t.Columns, pdf.Column{Title: c})
	}
	t.Rows = rows
	x.doc.Table(t)
}

// writeSubjectPDF writes the download d as a PDF in the person's language.
func writeSubjectPDF(w io.Writer, d model.SubjectAccess, refs model.Refs, loc *time.Location) error {
	lang := i18n.Lang(d.Person.Lang)
	if lang != i18n.AR {
		lang = i18n.EN
	}
	l := i18n.New(lang)
	title := l.T("subject.title")
	doc, err := pdf.New(pdf.Options{RTL: lang == i18n.AR, Title: title, FooterText: title,
		PageLabel: func(page, total string) string { return l.T("evidence.index.page", page, total) }})
	if err != nil {
		return err
	}
	x := subjectPDF{doc: doc, l: l, d: d, refs: refs, loc: loc}
	doc.Heading(title, 16)
	doc.Paragraph(l.T("subject.generated", l.DateTime(d.GeneratedAt, loc)), 9)
	x.person(d.Person)
	for _, m := range d.MergedRecords {
		doc.Heading(l.T("subject.merged"), 12)
		x.person(m)
	}
	x.history()
	x.results()
	x.messages()
	x.evidence()
	x.trail()
	return doc.Output(w)
}

// person draws a record's fields.
func (x subjectPDF) person(p model.SubjectPerson) {
	l := x.l
	year := ""
	if p.BirthYear != nil {
		year = l.Digits(strconv.Itoa(*p.BirthYear))
	}
	sex, position := "", ""
	switch p.Sex {
	case model.SexMale:
		sex = l.T("person.sex_m")
	case model.SexFemale:
		sex = l.T("person.sex_f")
	}
	if p.Position != "" {
		position = l.T("position." + string(p.Position))
	}
	basis, basisOn, erased := "", "", ""
	if p.LawfulBasis != "" {
		basis = l.T("privacy.basis." + string(p.LawfulBasis))
	}
	if p.BasisOn != nil {
		basisOn = l.Date(*p.BasisOn)
	}
	if p.ErasedAt != nil {
		erased = l.DateTime(*p.ErasedAt, x.loc)
	}
	x.doc.KeyValues([][2]string{
		{l.T("subject.f.id"), l.Digits(strconv.FormatInt(p.ID, 10))},
		{l.T("subject.f.name_latin"), p.NameLatin}, {l.T("subject.f.name_arabic"), p.NameArabic},
		{l.T("subject.f.sex"), sex}, {l.T("subject.f.birth_year"), year}, {l.T("subject.f.age_band"), p.AgeBand},
		{l.T("subject.f.agency"), x.agency(p.AgencyID)}, {l.T("subject.f.station"), x.station(p.DutyStationID)},
		{l.T("subject.f.position"), position}, {l.T("subject.f.rank"), p.Rank},
		{l.T("subject.f.phone"), ltr(p.Phone)}, {l.T("subject.f.email"), p.Email}, {l.T("subject.f.national_ref"), ltr(p.NationalRef)},
		{l.T("subject.f.notes"), p.Notes}, {l.T("subject.f.lang"), l.T("training.lang." + p.Lang)}, {l.T("subject.f.basis"), basis},
		{l.T("subject.f.basis_on"), basisOn}, {l.T("subject.f.purpose"), p.BasisPurpose},
		{l.T("subject.f.created"), l.DateTime(p.CreatedAt, x.loc)}, {l.T("subject.f.erased"), erased},
	})
}

// history draws the registrations and the attendance marks.
func (x subjectPDF) history() {
	l := x.l
	var rows [][]string
	for _, r := range x.d.Registrations {
		rows = append(rows, []string{l.Pick(r.TitleEn, r.TitleAr), l.DateRange(r.StartsOn, r.EndsOn),
			x.agency(r.AgencyID), x.station(r.DutyStationID), l.T("registration." + string(r.Status))})
	}
	x.table(l.T("subject.registrations"), []string{l.T("subject.c.training"), l.T("subject.c.dates"),
		l.T("subject.f.agency"), l.T("subject.f.station"), l.T("subject.c.status")}, rows)
	rows = nil
	for _, m := range x.d.Marks {
		rows = append(rows, []string{x.training(m.TrainingID), l.Date(m.Date), l.T("mark." + string(m.Status))})
	}
	x.table(l.T("subject.marks"), []string{l.T("subject.c.training"), l.T("subject.c.date"), l.T("subject.c.mark")}, rows)
}

// results draws the scores and the certificates.
func (x subjectPDF) results() {
	l := x.l
	num := func(f *float64) string {
		if f == nil {
			return ""
		}
		return l.Decimal(*f, 1)
	}
	var rows [][]string
	for _, sc := range x.d.Scores {
		sat := ""
		if sc.Satisfaction != nil {
			sat = l.Num(*sc.Satisfaction)
		}
		rows = append(rows, []string{x.training(sc.TrainingID), num(sc.PreScore), num(sc.PostScore), sat})
	}
	x.table(l.T("subject.scores"), []string{l.T("subject.c.training"), l.T("subject.c.pre"), l.T("subject.c.post"), l.T("subject.c.rating")}, rows)
	rows = nil
	for _, c := range x.d.Certificates {
		revoked := ""
		if c.RevokedAt != nil {
			revoked = l.DateTime(*c.RevokedAt, x.loc)
		}
		rows = append(rows, []string{x.training(c.TrainingID), c.Code, l.DateTime(c.IssuedAt, x.loc), revoked})
	}
	x.table(l.T("subject.certificates"), []string{l.T("subject.c.training"), l.T("subject.c.code"), l.T("subject.c.issued"), l.T("subject.c.revoked")}, rows)
}

// messages draws the messages the outbox holds for the person.
func (x subjectPDF) messages() {
	l := x.l
	var rows [][]string
	for _, m := range x.d.Messages {
		tr := ""
		if m.TrainingID != nil {
			tr = x.training(*m.TrainingID)
		}
		rows = append(rows, []string{l.DateTime(m.QueuedAt, x.loc), tr, l.T("outbox.kind." + string(m.Kind)), m.ToAddr, m.Subject,
			l.T("outbox.status." + string(m.Status))})
	}
	x.table(l.T("subject.messages"), []string{l.T("subject.c.when"), l.T("subject.c.training"), l.T("subject.c.kind"),
		l.T("subject.c.to"), l.T("subject.c.subject"), l.T("subject.c.status")}, rows)
}

// evidence draws the evidence files that name or show the person.
func (x subjectPDF) evidence() {
	l := x.l
	var rows [][]string
	for _, e := range x.d.Evidence {
		session := l.T("evidence.whole_training")
		if e.SessionDate != nil {
			session = l.Date(*e.SessionDate)
		}
		rows = append(rows, []string{x.training(e.TrainingID), session, l.T("evidence.kind." + string(e.Kind)),
			e.FileName, ltr(e.SHA256), l.DateTime(e.AddedAt, x.loc)})
	}
	x.table(l.T("subject.evidence"), []string{l.T("subject.c.training"), l.T("subject.c.session"), l.T("subject.c.kind"),
		l.T("subject.c.file"), l.T("subject.c.checksum"), l.T("subject.c.added")}, rows)
}

// trail draws who did what to the record, and who was handed the person's
// data.
func (x subjectPDF) trail() {
	l := x.l
	cols := []string{l.T("subject.c.when"), l.T("subject.c.action"), l.T("subject.c.user")}
	var rows [][]string
	for _, a := range x.d.Audit {
		rows = append(rows, []string{l.DateTime(a.At, x.loc), l.T("audit.a." + a.Action), a.User})
	}
	x.table(l.T("subject.audit"), cols, rows)
	rows = nil
	for _, a := range x.d.Disclosures {
		rows = append(rows, []string{l.DateTime(a.At, x.loc), l.T("audit.a." + a.Action), a.User})
	}
	x.table(l.T("subject.disclosures"), cols, rows)
}

// ltr keeps a phone number or an ID in its own order inside Arabic text,
// where the bidi rules would otherwise show its groups from right to left.
func ltr(s string) string {
	if s == "" {
		return ""
	}
	return pdf.Isolate(s, false)
}
