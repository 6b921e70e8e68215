package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0", "+20 10 1200": "'+20 10 1200", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "Safaga": "Safaga", "": "", "أحمد": "أحمد", "a=b": "a=b",
	} {
		if got := report.Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFileName(t *testing.T) {
	fig := model.Figures{Project: model.ReportProject{Code: "SPHERE II"},
		Period: model.Period{From: model.MustDate("2023-01-01"), To: model.MustDate("2023-03-31")}}
	if got := report.FileName(fig, "", "xlsx"); got != "SPHERE-II_2023-01-01_2023-03-31.xlsx" {
		t.Error(got)
	}
	fig.Project.Code = `../"x"`
	if got := report.FileName(fig, "participants", "csv"); got != "x_2023-01-01_2023-03-31_participants.csv" {
		t.Error(got)
	}
}

// exportFixture computes the hand-counted report and its export.
func exportFixture(t *testing.T, lang i18n.Lang, contact bool) report.Export {
	t.Helper()
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	fx, err := reporttest.Seed(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	fig, err := report.Compute(ctx, s, year2023(fx))
	if err != nil {
		t.Fatal(err)
	}
	return report.Export{Ctx: ctx, Fig: fig, Src: s, Loc: i18n.New(lang), Contact: contact}
}

// TestExport_Headers: every column and sheet has a translation in both
// languages, and the participant list has contact columns only on request.
func TestExport_Headers(t *testing.T) {
	for _, lang := range i18n.Langs {
		for _, contact := range []bool{false, true} {
			e := exportFixture(t, lang, contact)
			tables, err := e.Tables()
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range tables {
				if strings.Contains(tb.Title, "[") {
					t.Errorf("%s: untranslated title %s", lang, tb.Title)
				}
				keys := ""
				for _, c := range tb.Columns {
					if strings.Contains(c.Header, "[") {
						t.Errorf("%s %s: untranslated column %s", lang, tb.Name, c.Header)
					}
					keys += c.Key + " "
				}
				if tb.Name == "participants" && strings.Contains(keys, "phone") != contact {
					t.Errorf("participants with contact=%v has columns %s", contact, keys)
				}
			}
		}
	}
}

// TestWriteCSV_Typed: a UTF-8 BOM, translated headers, numbers with a dot.
func TestWriteCSV_Typed(t *testing.T) {
	e := exportFixture(t, i18n.AR, false)
	tb, err := e.Table("summary")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rows := 0
	if err := report.WriteCSV(&buf, tb, func() { rows++ }); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "\uFEFF") {
		t.Fatal("no byte-order mark")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows != len(recs)-1 || recs[0][2] != "القيمة" {
		t.Errorf("progress %d for %d rows; header %v", rows, len(recs)-1, recs[0])
	}
	values := map[string]string{}
	for _, r := range recs[1:] {
		values[r[0]] = r[2]
	}
	for k, want := range map[string]string{"from": "2023-01-01", "unique_individuals": "31", "attendance_rate_percent": "95.6",
		"mean_gain": "15.6", "project": "SPHERE II"} {
		if values[k] != want {
			t.Errorf("%s = %q, want %q", k, values[k], want)
		}
	}
}

// TestWriteXLSX_Typed: frozen headers, widths, right to left for Arabic,
// numbers, percentages and dates typed.
func TestWriteXLSX_Typed(t *testing.T) {
	e := exportFixture(t, i18n.AR, true)
	tables, err := e.Tables()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, tables, e.WorkbookOptions(nil)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{UnzipSizeLimit: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != len(report.TableNames) || sheets[0] != "الملخص" {
		t.Fatalf("sheets %v", sheets)
	}
	for _, sh := range sheets {
		panes, err := f.GetPanes(sh)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v %v", sh, panes, err)
		}
		view, _ := f.GetSheetView(sh, -1)
		if view.RightToLeft == nil || !*view.RightToLeft {
			t.Errorf("%s: not right to left", sh)
		}
		if w := widest(f, sh); w < 20 {
			t.Errorf("%s: no column of the first five is wider than %v", sh, w)
		}
	}
	trainings := sheets[2]
	// Numbers carry no type attribute (SpreadsheetML's default is a
	// number); text is an inline string. M is the participants, S the
	// attendance rate.
	for cell, text := range map[string]bool{"A2": false, "B2": true, "C2": false, "I2": true, "M2": false, "S2": false} {
		typ, _ := f.GetCellType(trainings, cell)
		if isText := typ == excelize.CellTypeInlineString; isText != text || (!text && typ != excelize.CellTypeUnset) {
			t.Errorf("trainings %s is of type %v", cell, typ)
		}
	}
	if v, _ := f.GetCellValue(trainings, "M2", excelize.Options{RawCellValue: true}); v != "27" {
		t.Errorf("participants hold %q", v)
	}
	if v, _ := f.GetCellValue(trainings, "C2"); v != "2023-01-16" {
		t.Errorf("first day shows %q", v)
	}
	if v, _ := f.GetCellValue(trainings, "S2"); v != "95.4%" {
		t.Errorf("attendance rate shows %q", v)
	}
	// The value is kept whole: 103 of 108, not 0.954.
	if v, _ := f.GetCellValue(trainings, "S2", excelize.Options{RawCellValue: true}); !sameFloat(v, 103.0/108) {
		t.Errorf("attendance rate holds %q, want %v", v, 103.0/108)
	}
}

// widest is the width of the widest of a sheet's first five columns, which
// hold names and titles.
func widest(f *excelize.File, sheet string) float64 {
	out := 0.0
	for c := 1; c <= 5; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, _ := f.GetColWidth(sheet, name)
		out = max(out, w)
	}
	return out
}

// sameFloat reports whether text holds v to the last digits.
func sameFloat(text string, v float64) bool {
	got, err := strconv.ParseFloat(text, 64)
	return err == nil && math.Abs(got-v) < 1e-12
}
