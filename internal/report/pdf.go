package report

import (
	"fmt"
	"io"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/pdf"
)

// pdfSections lists the tables the PDF prints and, for each, the columns
// it keeps: a page is narrower than a sheet, and the long participant list
// and attendance matrix belong in the workbook.
var pdfSections = []struct {
	table   string
	columns []string
}{
	{"indicators", []string{"code", "indicator", "unit", "baseline", "target", "actual", "progress_percent"}},
	{"trainings", []string{"training", "starts_on", "ends_on", "city", "running", "sessions", "training_days", "participants",
		"women", "men", "attendance_rate_percent", "completed", "completion_rate_percent"}},
	{"questions", []string{"training", "number", "question", "pre_correct_percent", "post_correct_percent", "gain_points"}},
	{"agreement", []string{"training", "number", "statement", "answered", "agree_percent"}},
	{"disaggregation", []string{"dimension", "name", "participations", "participations_women", "participations_men",
		"unique_individuals", "women", "men"}},
	{"alignment", []string{"framework", "number", "title", "trainings", "unique_individuals"}},
}

// WritePDF writes the report for the donor: the donor and project on every
// page, the headline figures, the indicators against their targets, the
// disaggregation charts and the tables, with page numbers, in the reader's
// language (Arabic is shaped and laid out right to left).
func WritePDF(w io.Writer, e Export, now time.Time, progress func()) error {
	l, f := e.Loc, e.Fig
	period := pdf.Isolate(f.Period.From.String()+" – "+f.Period.To.String(), false)
	d, err := pdf.New(pdf.Options{
		RTL: l.Lang == i18n.AR, Landscape: true, Title: l.T("report.pdf.title", f.Project.Code), Subject: f.Project.Code,
		Header: func(d *pdf.Doc) {
			d.SetFont(false, 8)
			left, width := d.ContentBox()
			d.TextBox(left, 8, width, 4, l.Pick(f.Project.DonorEn, f.Project.DonorAr)+" · "+f.Project.Code, "")
		},
		FooterText: f.Project.Code + l.Sep() + period,
		PageLabel:  func(page, total string) string { return l.T("report.pdf.page", l.Digits(page), total) },
	})
	if err != nil {
		return err
	}
	d.Heading(l.T("report.pdf.title", f.Project.Code), 18)
	d.Paragraph(l.Pick(f.Project.TitleEn, f.Project.TitleAr), 10)
	d.KeyValues([][2]string{
		{l.T("report.fig.donor"), l.Pick(f.Project.DonorEn, f.Project.DonorAr)},
		{l.T("report.pdf.period"), l.Date(f.Period.From) + " – " + l.Date(f.Period.To)},
		{l.T("report.pdf.generated"), l.Date(dateOf(now))},
		{l.T("report.fig.note"), Note(l, f.Counted)},
	})
	d.Heading(l.T("report.pdf.headline"), 13)
	d.KeyValues(headline(l, f))
	d.Heading(l.T("report.attendance"), 13)
	d.KeyValues(attendanceFacts(l, f))
	d.Heading(l.T("report.knowledge"), 13)
	d.KeyValues(knowledgeFacts(l, f))
	tick(progress)
	drawCharts(d, l, f)
	tick(progress)
	for _, s := range pdfSections {
		t, err := e.Table(s.table)
		if err != nil {
			return err
		}
		pt, err := pdfTable(l, t, s.columns)
		if err != nil {
			return err
		}
		d.Heading(t.Title, 13)
		d.Table(pt)
		tick(progress)
	}
	d.Heading(l.T("report.pdf.method"), 11)
	d.Paragraph(l.T("report.pdf.method_text"), 9)
	return d.Output(w)
}

func tick(progress func()) {
	if progress != nil {
		progress()
	}
}

// headline is the figures a donor reads first, as the page's tiles show
// them.
func headline(l *i18n.Localizer, f model.Figures) [][2]string {
	s, a, k := f.Summary, f.Attendance, f.Knowledge
	return [][2]string{
		{l.T("report.fig.trainings_held"), l.Num(s.TrainingsHeld)},
		{l.T("report.fig.trainings_running"), l.Num(f.Counted.Running)},
		{l.T("report.fig.training_days"), l.Num(s.TrainingDays)},
		{l.T("report.fig.participations"), l.Num(s.Participations)},
		{l.T("report.fig.unique_individuals"), l.Num(s.Individuals)},
		{l.T("report.fig.women"), l.Num(s.Women)},
		{l.T("report.fig.men"), l.Num(s.Men)},
		{l.T("report.fig.women_share_percent"), PercentText(l, s.WomenShare)},
		{l.T("report.fig.attendance_rate_percent"), PercentText(l, a.Rate)},
		{l.T("report.fig.completed"), l.Num(s.Completed)},
		{l.T("report.fig.completion_rate_percent"), PercentText(l, s.CompletionRate)},
		{l.T("report.fig.mean_gain"), l.Figure(model.FigureDecimal, k.MeanGain)},
		{l.T("report.fig.mastery_percent"), PercentText(l, k.MasteryShare)},
		{l.T("report.fig.satisfaction_mean"), l.Figure(model.FigureDecimal, f.Satisfaction.Mean)},
		{l.T("report.fig.skills_use_percent"), PercentText(l, f.Outcome.Share)},
	}
}

// attendanceFacts are the participations and the marks, with the present,
// late, absent and excused breakdown the page shows.
func attendanceFacts(l *i18n.Localizer, f model.Figures) [][2]string {
	s, a := f.Summary, f.Attendance
	return [][2]string{
		{l.T("report.fig.participations_women"), l.Num(s.ParticipationsWomen)},
		{l.T("report.fig.participations_men"), l.Num(s.ParticipationsMen)},
		{l.T("report.fig.no_shows"), l.Num(s.NoShows)},
		{l.T("report.fig.attendance_expected"), l.Num(a.Expected)},
		{l.T("report.fig.attended"), l.Num(a.Attended)},
		{l.T("report.fig.present"), l.Num(a.Present)},
		{l.T("report.fig.late"), l.Num(a.Late)},
		{l.T("report.fig.absent"), l.Num(a.Absent)},
		{l.T("report.fig.excused"), l.Num(a.Excused)},
		{l.T("report.fig.unmarked"), l.Num(a.Unmarked)},
		{l.T("report.fig.completion_base"), l.Num(s.CompletionBase)},
	}
}

// knowledgeFacts are the test scores and the ratings, as the page lists
// them.
func knowledgeFacts(l *i18n.Localizer, f model.Figures) [][2]string {
	k, sat := f.Knowledge, f.Satisfaction
	mt := k.MasteryThreshold
	out := [][2]string{
		{l.T("report.fig.assessed"), l.Num(k.Assessed)},
		{l.T("report.fig.mean_pre"), l.Figure(model.FigureDecimal, k.MeanPre)},
		{l.T("report.fig.mean_post"), l.Figure(model.FigureDecimal, k.MeanPost)},
		{l.T("report.fig.improved"), l.Num(k.Improved)},
		{l.T("report.fig.improved_percent"), PercentText(l, k.ImprovedShare)},
		{l.T("report.fig.mastery_threshold"), l.Figure(model.FigureNumber, &mt)},
		{l.T("report.fig.mastery"), l.Num(k.Mastery)},
		{l.T("report.fig.satisfaction_responses"), l.Num(sat.Responses)},
	}
	for i, n := range sat.Counts {
		out = append(out, [2]string{l.T(fmt.Sprintf("report.fig.satisfaction_%d", i+1)), l.Num(n)})
	}
	o := f.Outcome
	return append(out, [2]string{l.T("report.fig.followup_trained"), l.Num(o.Trained)},
		[2]string{l.T("report.fig.followup_answered"), l.Num(o.Answered)},
		[2]string{l.T("report.fig.followup_used"), l.Num(o.Used)})
}

// PercentText shows a share as every output does: one decimal and the
// reader's percent sign, or a dash when there is nothing to divide by.
func PercentText(l *i18n.Localizer, p *float64) string {
	return l.Figure(model.FigurePercent, p)
}

// drawCharts draws the indicator progress and the disaggregation charts,
// each on the rest of the page or the next one.
func drawCharts(d *pdf.Doc, l *i18n.Localizer, f model.Figures) {
	left, width := d.ContentBox()
	ind := IndicatorChart(l, f.Indicators)
	if len(ind.Items) > 0 {
		h := 22 + 11*float64(len(ind.Items))
		y := d.Reserve(h)
		ind.Draw(d, left, y, width, h)
		d.PDF().SetY(y + h + 4)
	}
	for _, dim := range []string{"agency", "station", "governorate", "position"} {
		lines := f.Groups.Lines(dim)
		if len(lines) == 0 {
			continue
		}
		c := GroupChart(l, dim, lines)
		h := 24 + 9*float64(len(lines))
		y := d.Reserve(h)
		c.Draw(d, left, y, width, h)
		d.PDF().SetY(y + h + 4)
	}
	if f.Satisfaction.Responses > 0 {
		c := RatingChart(l, f.Satisfaction)
		h := 24 + 7*5.0
		y := d.Reserve(h)
		c.Draw(d, left, y, width*0.6, h)
		d.PDF().SetY(y + h + 4)
	}
}
