package nomination

import (
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestWideNumericTmp(t *testing.T) {
	for _, styled := range []bool{false, true} {
		f := excelize.NewFile()
		sid, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		sw, _ := f.NewStreamWriter("Sheet1")
		hdr := make([]any, 55)
		for j := range hdr {
			hdr[j] = fmt.Sprintf("h%d", j)
		}
		sw.SetRow("A1", hdr)
		for i := 2; i <= 5001; i++ {
			row := make([]any, 55)
			for j := range row {
				if styled {
					row[j] = excelize.Cell{StyleID: sid, Value: 30000 + j}
				} else {
					row[j] = i*1000 + j
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, i)
			sw.SetRow(cell, row)
		}
		sw.Flush()
		buf, _ := f.WriteToBuffer()
		t.Logf("size %d", buf.Len())
		st := time.Now()
		tab, err := Read("x.xlsx", buf.Bytes())
		if err != nil {
			t.Logf("read %v err %v", time.Since(st), err)
			continue
		}
		t.Logf("read %v rows %d %q", time.Since(st), len(tab.Rows), tab.Rows[0][:2])
	}
}
