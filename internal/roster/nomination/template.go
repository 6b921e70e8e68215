package nomination

import (
	"bytes"
	"encoding/csv"
	"slices"

	"github.com/xuri/excelize/v2"
)

// templateColumn is one column of the blank nomination list that agencies
// can download: its English and Arabic titles and the example officer's
// value.
type templateColumn struct {
	en, ar, example string
	width           float64
}

// templateColumns returns the template's columns in Fields order. The titles
// are chosen so that GuessMapping maps every one of them back to its field
// (a test holds us to it).
func templateColumns() []templateColumn {
	return []templateColumn{
		{"Name (Latin)", "الاسم بالإنجليزية", "Ahmed Mohamed Ali Hassan", 30},
		{"Name (Arabic)", "الاسم بالعربية", "أحمد محمد علي حسن", 30},
		{"Sex (M/F)", "الجنس", "M", 10},
		{"Birth year", "سنة الميلاد", "1985", 12},
		{"Agency", "الجهة", "Egyptian Customs Authority", 28},
		{"Duty station", "مقر العمل", "Alexandria Port", 22},
		{"Position", "الوظيفة", "Front line / ميداني", 26},
		{"Rank", "الرتبة", "Inspector", 14},
		{"Phone", "رقم الهاتف", "01012345678", 16},
		{"Email", "البريد الإلكتروني", "ahmed.hassan@example.org", 28},
		{"ID number", "الرقم القومي", "", 18},
		{"Notes", "ملاحظات", "Example: replace or delete this row / مثال: استبدل هذا الصف أو احذفه", 40},
	}
}

// positionChoices are the Position drop-down entries of the XLSX template,
// in both languages; parsePosition reads each back to its position.
func positionChoices() []string {
	return []string{
		"Front line / ميداني", "Desk / مكتبي", "Capacity building / بناء القدرات",
		"Headquarters / الإدارة المركزية", "Management / مدير", "Other / أخرى",
	}
}

// TemplateHeaders returns the bilingual column titles of the XLSX template,
// e.g. "Name (Latin) / الاسم بالإنجليزية", one per entry of Fields, so that
// an agency in either language can fill it in and the import maps it
// without help.
func TemplateHeaders() []string {
	cols := templateColumns()
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.en + " / " + c.ar
	}
	return out
}

// TemplateCSV returns a blank nomination list as CSV: UTF-8 with a byte
// order mark (without it Excel shows Arabic as mojibake), comma-separated,
// English titles and one example officer.
func TemplateCSV() []byte {
	var buf bytes.Buffer
	buf.WriteString("\xEF\xBB\xBF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	var header, example []string
	for _, c := range templateColumns() {
		header = append(header, c.en)
		example = append(example, c.example)
	}
	_ = w.Write(header) // writes to a bytes.Buffer cannot fail
	_ = w.Write(example)
	w.Flush()
	return buf.Bytes()
}

// templateSheet is the name of the XLSX template's only sheet.
const templateSheet = "Nominations"

// TemplateXLSX returns a blank nomination list as an Excel workbook: one
// sheet "Nominations" with bold, frozen bilingual titles, set column widths,
// an example officer, drop-down lists for Sex and Position, and text format
// on the phone and ID columns so that Excel keeps their leading zeros.
func TemplateXLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	w := &sheetWriter{f: f}
	w.check(f.SetSheetName("Sheet1", templateSheet))
	cols := templateColumns()
	w.textColumns(FieldPhone, FieldNationalRef)
	headers, example := TemplateHeaders(), make([]any, len(cols))
	for i, c := range cols {
		example[i] = c.example
		name, err := excelize.ColumnNumberToName(i + 1)
		w.check(err)
		w.check(f.SetColWidth(templateSheet, name, name, c.width))
	}
	example[slices.Index(Fields, FieldBirthYear)] = 1985 // a number, as users type it
	w.check(f.SetSheetRow(templateSheet, "A1", &headers))
	w.check(f.SetSheetRow(templateSheet, "A2", &example))
	w.headerStyle(len(cols))
	w.check(f.SetPanes(templateSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	w.dropList(FieldSex, []string{"M", "F"})
	w.dropList(FieldPosition, positionChoices())
	if w.err != nil {
		return nil, w.err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
