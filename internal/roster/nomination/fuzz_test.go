package nomination

import (
	"errors"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// fuzzRead asserts what Read promises for any input: no panic, either a
// Table or an *Error, and a Table whose rows are exactly as wide as its
// header, at most MaxRows of them. Mapping and row parsing must not panic
// on what Read returns either.
func fuzzRead(t *testing.T, name string, data []byte) {
	fuzzReadWith(t, name, data, Options{})
	// The same bytes read the way an officer may impose.
	opt := Options{Separator: Separators[len(data)%len(Separators)]}
	if len(data)%2 == 1 {
		opt.Encoding = Encodings[len(data)%len(Encodings)]
	}
	fuzzReadWith(t, name, data, opt)
}

func fuzzReadWith(t *testing.T, name string, data []byte, opt Options) {
	tab, err := ReadWith(name, data, opt)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Key == "" || tab != nil {
			t.Fatalf("got %v, %v; want only an *Error", tab, err)
		}
		return
	}
	if tab == nil || len(tab.Headers) == 0 || len(tab.Rows) == 0 {
		t.Fatalf("got table %+v and no error", tab)
	}
	checkShape(t, tab)
	m := GuessMappingWithData(tab)
	_ = m.Validate()
	for _, r := range Rows(tab, m) {
		if r.Line < 1 {
			t.Fatalf("row at line %d", r.Line)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"Name,Sex\nAhmed,M\n",
		"\xEF\xBB\xBFName (English),الاسم,النوع,سنة الميلاد\r\nAhmed Hassan,أحمد حسن,ذكر,1985-03-12\r\n",
		"sep=;\nName;Phone\n\"Mona\nAli\";٠١٠١٢٣٤٥٦٧٨\n",
		"Title,,\n\nName\tSex\tEmail\nA\tF\ta@b.eg\textra\n",
		"\"unterminated,quote\nName,x\n",
		"a,\"b\"c\",d\n1,2,3\n",
		"Name\tTitle, rank\nAhmed\tCaptain, Navy\n",
		"Name, English;Name, Arabic;Agency\nAhmed;أحمد;Customs\nMona;منى\n",
	} {
		f.Add([]byte(s))
	}
	if b, err := charmap.Windows1256.NewEncoder().Bytes([]byte("الاسم;الجهة\nمنى;الجمارك\n")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("\xFF\xFEN\x00a\x00m\x00e\x00\t\x00S\x00\n\x00A\x00\t\x00M\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "list.csv", data)
	})
}

func FuzzRead(f *testing.F) {
	tpl, err := TemplateXLSX()
	if err != nil {
		f.Fatal(err)
	}
	small := xlsxOf(f, func(fl *excelize.File, s string) { setRows(f, fl, s, officerHeaders, officers(3)) })
	for _, b := range [][]byte{
		tpl, small, small[:len(small)/2], TemplateCSV(),
		[]byte("PK\x03\x04garbage"), []byte("PK\x05\x06" + string(make([]byte, 18))),
		[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), []byte("%PDF-1.4\n"), []byte("<html><table>"),
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "upload.xlsx", data)
	})
}
