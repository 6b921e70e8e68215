package nomination

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func BenchmarkFullCSV(b *testing.B) {
	data := csvOf(',', officerHeaders, officers(MaxRows))
	for b.Loop() {
		tab, err := Read("list.csv", data)
		if err != nil {
			b.Fatal(err)
		}
		_ = Rows(tab, GuessMappingWithData(tab))
	}
}

func BenchmarkFullXLSX(b *testing.B) {
	data := xlsxOf(b, func(f *excelize.File, s string) { setRows(b, f, s, officerHeaders, officers(MaxRows)) })
	b.Logf("%d bytes", len(data))
	for b.Loop() {
		tab, err := Read("list.xlsx", data)
		if err != nil {
			b.Fatal(err)
		}
		_ = Rows(tab, GuessMappingWithData(tab))
	}
}
