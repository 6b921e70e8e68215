package report

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
)

// Content types of the exports.
const (
	xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	csvType  = "text/csv; charset=utf-8"
	pdfType  = "application/pdf"
)

// ExportRequest is an export asked for: the report, the file's format
// ("xlsx", "csv" or "pdf"), the CSV file's table, whether the participant
// list includes phones and emails, and the reader's language.
type ExportRequest struct {
	Request
	Format  string
	Table   string
	Contact bool
	Lang    i18n.Lang
}

// File is an export ready to be written.
type File struct {
	Name        string // after the project and the period (see FileName)
	ContentType string
	write       jobs.WriteFunc
}

// Write writes the file to w as it streams from the database. It runs in
// a request or in a background job, so it takes its own context.
func (f File) Write(ctx context.Context, w io.Writer) error { return f.write(ctx, w, nil) }

// export is an export whose figures are computed.
type export struct {
	filter  Filter
	fig     model.Figures
	format  string
	table   string
	contact bool
	lang    i18n.Lang
}

// prepare checks an export's request and computes its figures. A CSV
// table that does not exist is model.ErrNotFound; an unknown format and
// bad parameters are a *model.ValidationError.
func (s *Service) prepare(ctx context.Context, a model.Actor, r ExportRequest) (export, error) {
	if err := allow(a); err != nil {
		return export{}, err
	}
	if r.Format == "csv" && !slices.Contains(TableNames, r.Table) {
		return export{}, fmt.Errorf("report: no table %q: %w", r.Table, model.ErrNotFound)
	}
	if r.Format != "csv" && r.Format != "xlsx" && r.Format != "pdf" {
		return export{}, (model.Errors{"format": "report.error.filter"}).Err()
	}
	f, _, err := s.resolve(ctx, r.Request)
	if err != nil {
		return export{}, err
	}
	fig, err := Compute(ctx, s.store, f)
	if err != nil {
		return export{}, err
	}
	return export{filter: f, fig: fig, format: r.Format, table: r.Table, contact: r.Contact, lang: r.Lang}, nil
}

// Export prepares an export to download at once and writes the download to
// the audit log.
func (s *Service) Export(ctx context.Context, a model.Actor, r ExportRequest) (File, error) {
	x, err := s.prepare(ctx, a, r)
	if err != nil {
		return File{}, err
	}
	if err := s.audit(ctx, a, x, "direct"); err != nil {
		return File{}, err
	}
	return s.file(x), nil
}

// file names an export and says how it is written.
func (s *Service) file(x export) File {
	f := File{Name: FileName(x.fig, "", "xlsx"), ContentType: xlsxType}
	switch x.format {
	case "csv":
		f.Name, f.ContentType = FileName(x.fig, x.table, "csv"), csvType
	case "pdf":
		f.Name, f.ContentType = FileName(x.fig, "", "pdf"), pdfType
	}
	f.write = func(ctx context.Context, w io.Writer, progress func()) error { return s.write(ctx, x, w, progress) }
	return f
}

// write streams the export to w: the PDF, one table as CSV, or every table
// as a workbook.
func (s *Service) write(ctx context.Context, x export, w io.Writer, progress func()) error {
	ex := Export{Ctx: ctx, Fig: x.fig, Src: s.store, Loc: i18n.New(x.lang), Contact: x.contact}
	switch x.format {
	case "pdf":
		return WritePDF(w, ex, s.now().In(s.loc), progress)
	case "csv":
		t, err := ex.Table(x.table)
		if err != nil {
			return err
		}
		return WriteCSV(w, t, progress)
	}
	tables, err := ex.Tables()
	if err != nil {
		return err
	}
	return WriteXLSX(w, tables, ex.WorkbookOptions(progress))
}

// expectedRows estimates an export's rows for its progress bar: the long
// tables have a row per participation.
func (x export) expectedRows() int64 {
	f := x.fig
	small := len(SummaryFigures(f)) + 6 + len(f.Indicators) + len(f.Trainings) + len(f.SDGs) + len(f.GCMs) +
		len(f.Groups.Agency) + len(f.Groups.Station) + len(f.Groups.Governorate) + len(f.Groups.Position)
	switch {
	case x.format == "pdf":
		return int64(len(model.ReportDimensions) + 4)
	case x.format == "xlsx":
		return int64(small + 2*f.Summary.Participations)
	case x.table == "participants" || x.table == "attendance":
		return int64(f.Summary.Participations)
	}
	return 0
}

// audit writes an export to the audit log: the project, the format, the
// period, how it was asked for (via), whether it held contact data, and
// the filters' agency, governorate and thematic area.
func (s *Service) audit(ctx context.Context, a model.Actor, x export, via string) error {
	ev := model.AuditEvent{Kind: model.AuditReportExport, Actor: a,
		Object: model.AuditObject{Type: "project", ID: x.fig.Project.ID},
		Values: map[string]string{"format": x.format, "from": x.fig.Period.From.String(), "to": x.fig.Period.To.String(), "via": via}}
	if x.table != "" {
		ev.Values["table"] = x.table
	}
	if x.format != "json" {
		ev.Values["contact"] = strconv.FormatBool(x.contact)
	}
	sc := x.fig.Scope
	for k, id := range map[string]int64{"agency": sc.AgencyID, "governorate": sc.GovernorateID, "thematic_area": sc.ThematicID} {
		if id != 0 {
			if ev.Related == nil {
				ev.Related = map[string]int64{}
			}
			ev.Related[k] = id
		}
	}
	if err := s.store.RecordAudit(ctx, ev); err != nil || !x.contact {
		return err
	}
	return s.store.RecordAudit(ctx, contactEvent(a, x, via))
}

// contactEvent records that an export held participants' phones and emails,
// naming the trainings it covered by id: a person's subject access download
// finds it through the trainings they were registered on.
func contactEvent(a model.Actor, x export, via string) model.AuditEvent {
	ids := make([]string, 0, len(x.fig.Trainings))
	for _, t := range x.fig.Trainings {
		ids = append(ids, strconv.FormatInt(t.ID, 10))
	}
	return model.AuditEvent{Kind: model.AuditContactExport, Actor: a,
		Object: model.AuditObject{Type: "project", ID: x.fig.Project.ID},
		Values: map[string]string{"format": x.format, "via": via, "trainings": strings.Join(ids, ",")}}
}
