package nomination

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestRead_CSVUTF8(t *testing.T) {
	tab := mustRead(t, "list.csv", []byte("Name,الاسم,Sex\nAhmed Hassan,أحمد حسن,M\nMona Ali,منى علي,F\n"))
	if tab.Kind != "csv" || tab.Encoding != "utf-8" || tab.Separator != ',' || tab.HeaderLine != 1 {
		t.Errorf("got %q %q %q line %d", tab.Kind, tab.Encoding, tab.Separator, tab.HeaderLine)
	}
	if !slices.Equal(tab.Headers, []string{"Name", "الاسم", "Sex"}) {
		t.Errorf("headers %q", tab.Headers)
	}
	equalRows(t, tab.Rows, [][]string{{"Ahmed Hassan", "أحمد حسن", "M"}, {"Mona Ali", "منى علي", "F"}})
	if !slices.Equal(tab.Lines, []int{2, 3}) {
		t.Errorf("lines %v", tab.Lines)
	}
}

func TestRead_CSVUTF8BOM(t *testing.T) {
	tab := mustRead(t, "list.csv", []byte("\xEF\xBB\xBFName,Sex\r\nAhmed,M\r\n"))
	if tab.Encoding != "utf-8-bom" || tab.Headers[0] != "Name" {
		t.Errorf("got %q, headers %q", tab.Encoding, tab.Headers)
	}
}

func TestRead_CSVWindows1256(t *testing.T) {
	text := "الاسم,النوع,الجهة\r\nأحمد محمد,ذكر,مصلحة الجمارك\r\nمنى علي,أنثى,الهيئة العامة للموانئ\r\n"
	data, err := charmap.Windows1256.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "list.csv", data)
	if tab.Encoding != "windows-1256" {
		t.Errorf("encoding %q", tab.Encoding)
	}
	if !slices.Equal(tab.Headers, []string{"الاسم", "النوع", "الجهة"}) {
		t.Errorf("headers %q", tab.Headers)
	}
	equalRows(t, tab.Rows, [][]string{{"أحمد محمد", "ذكر", "مصلحة الجمارك"}, {"منى علي", "أنثى", "الهيئة العامة للموانئ"}})
}

// UTF-8 Arabic with one broken byte is not Windows-1256: reading it so would
// give mojibake such as "ط£ط­ظ…ط¯".
func TestRead_CSVMojibakeRefused(t *testing.T) {
	data := []byte("الاسم,النوع\nأحمد محمد علي,ذكر\n\xff\n")
	_, err := Read("list.csv", data)
	wantError(t, err, keyBadEncoding)
}

func TestRead_CSVUTF16(t *testing.T) {
	enc := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder()
	data, err := enc.Bytes([]byte("Name\tالاسم\r\nAhmed\tأحمد\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "list.txt", data)
	if tab.Encoding != "utf-16le" || tab.Separator != '\t' {
		t.Errorf("got %q %q", tab.Encoding, tab.Separator)
	}
	equalRows(t, tab.Rows, [][]string{{"Ahmed", "أحمد"}})
}

func TestRead_CSVSemicolon(t *testing.T) {
	tab := mustRead(t, "list.csv", []byte("Name;Sex;Notes\nAhmed;M;\"one, two\"\nMona;F;3,5\n"))
	if tab.Separator != ';' {
		t.Fatalf("separator %q", tab.Separator)
	}
	equalRows(t, tab.Rows, [][]string{{"Ahmed", "M", "one, two"}, {"Mona", "F", "3,5"}})
}

func TestRead_CSVTab(t *testing.T) {
	tab := mustRead(t, "list.tsv", []byte("Name\tSex\tAgency, unit\nAhmed\tM\tCustoms, Port\n"))
	if tab.Separator != '\t' {
		t.Fatalf("separator %q", tab.Separator)
	}
	equalRows(t, tab.Rows, [][]string{{"Ahmed", "M", "Customs, Port"}})
}

func TestRead_CSVExcelSepLine(t *testing.T) {
	tab := mustRead(t, "list.csv", []byte("sep=;\nName;Sex\nAhmed;M\n"))
	if tab.Separator != ';' || tab.HeaderLine != 2 || tab.Lines[0] != 3 {
		t.Errorf("separator %q, header line %d, lines %v", tab.Separator, tab.HeaderLine, tab.Lines)
	}
}

func TestRead_CSVQuotedNewlines(t *testing.T) {
	data := []byte("\"Name\n(English)\",Notes\n\"Ahmed\nHassan\",\"He said \"\"yes\"\"\nand left\"\nMona,x\n")
	tab := mustRead(t, "list.csv", data)
	if tab.Headers[0] != "Name\n(English)" {
		t.Errorf("header %q", tab.Headers[0])
	}
	equalRows(t, tab.Rows, [][]string{{"Ahmed\nHassan", "He said \"yes\"\nand left"}, {"Mona", "x"}})
	if !slices.Equal(tab.Lines, []int{3, 6}) {
		t.Errorf("lines %v, want the lines where the records start", tab.Lines)
	}
}

func TestRead_CSVCRLF(t *testing.T) {
	tab := mustRead(t, "list.csv", []byte("Name,Sex\r\nAhmed,M\r\n\"Mona\r\nAli\",F\r\n"))
	equalRows(t, tab.Rows, [][]string{{"Ahmed", "M"}, {"Mona\nAli", "F"}})
	mac := mustRead(t, "list.csv", []byte("Name,Sex\rAhmed,M\r"))
	equalRows(t, mac.Rows, [][]string{{"Ahmed", "M"}})
}

func TestRead_CSVRagged(t *testing.T) {
	data := []byte("Name,Sex,Phone,,\nAhmed\nMona,F,0100,extra,more\n,,,\n\nKarim,M\n,,\n")
	tab := mustRead(t, "list.csv", data)
	if !slices.Equal(tab.Headers, []string{"Name", "Sex", "Phone"}) {
		t.Errorf("headers %q", tab.Headers)
	}
	equalRows(t, tab.Rows, [][]string{{"Ahmed", "", ""}, {"Mona", "F", "0100"}, {"Karim", "M", ""}})
	if !slices.Equal(tab.Lines, []int{2, 3, 6}) {
		t.Errorf("lines %v", tab.Lines)
	}
}

func TestRead_CSVTrimsSpaces(t *testing.T) {
	data := []byte(" Name\u00A0, Sex \n\u00A0 Ahmed  Hassan\u200F ,\tM\u00A0\n")
	tab := mustRead(t, "list.csv", data)
	if !slices.Equal(tab.Headers, []string{"Name", "Sex"}) {
		t.Errorf("headers %q", tab.Headers)
	}
	equalRows(t, tab.Rows, [][]string{{"Ahmed  Hassan", "M"}})
}

// Agencies put a title above the header; it must not become the header.
func TestRead_CSVTitleLines(t *testing.T) {
	data := []byte("Nominations for the course on risk management,,\n,,\nName,Sex,Agency\nAhmed,M,Customs\n")
	tab := mustRead(t, "list.csv", data)
	if tab.Headers[0] != "Name" || tab.HeaderLine != 3 || len(tab.Rows) != 1 {
		t.Errorf("headers %q at %d, rows %q", tab.Headers, tab.HeaderLine, tab.Rows)
	}
	single := mustRead(t, "names.csv", []byte("Name\nAhmed\nMona\n"))
	equalRows(t, single.Rows, [][]string{{"Ahmed"}, {"Mona"}})
}

func TestRead_ManyRowsAllowed(t *testing.T) {
	var b strings.Builder
	b.WriteString("Name,Sex\n")
	for range MaxRows {
		b.WriteString("Ahmed,M\n")
	}
	tab := mustRead(t, "list.csv", []byte(b.String()))
	if len(tab.Rows) != MaxRows {
		t.Errorf("%d rows", len(tab.Rows))
	}
	// Blank lines and empty rows do not count.
	tab = mustRead(t, "list.csv", append([]byte(b.String()), bytes.Repeat([]byte(",\n"), 100)...))
	if len(tab.Rows) != MaxRows {
		t.Errorf("%d rows", len(tab.Rows))
	}
}
